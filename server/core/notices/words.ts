/**
 * A posted 公示 list in words: its header (the village, the town, where to object) and its rows as
 * text, in the reader's language — for the public page (page.ts) and the message to the village
 * work group (a group reads Chinese). Only what the stored notice holds is said: it holds nothing
 * private (rows.ts).
 */
import { formatDate, formatMoney, t, type Lang } from '../../../flows/i18n';
import type { NoticeRow } from './rows';

export type PlaceName = { code: string; name: string; nameEn: string | null };

/** What a notice says besides its rows, fixed when it was made. */
export type NoticeHeader = {
  village: PlaceName;
  town: PlaceName | null;
  county: PlaceName | null;
  /** The offices' phones (Region.contactPhone): where a villager raises an objection. */
  phones: { village: string | null; town: string | null };
  /** The shortest notice when it was made (PUBLICITY_MIN_DAYS / the county's setting). */
  publicityMinDays: number;
};

/** `issuedDay`: the China date it was made (the date under the issuer). */
export type NoticeText = { id: string; header: NoticeHeader; rows: NoticeRow[]; startDay: string; endDay: string; issuedDay: string };

export const placeName = (p: PlaceName, lang: Lang) => (lang === 'en' && p.nameEn ? p.nameEn : p.name);

export function titleOf(n: Pick<NoticeText, 'header'>, lang: Lang): string {
  return t(lang, 'notice.title', { village: placeName(n.header.village, lang) });
}

export function causeWord(row: Pick<NoticeRow, 'cause'>, lang: Lang): string {
  return t(lang, `cause.${row.cause}`);
}

/** 拟帮扶措施: the decided measures and amount, or that the county decides them after the notice. */
export function measuresWords(row: Pick<NoticeRow, 'measures' | 'amountFen'>, lang: Lang): string {
  if (row.measures.length === 0 && row.amountFen === null) return t(lang, 'notice.measures_pending');
  const parts = row.measures.map((m) => t(lang, `workflow.measure.${m}`));
  if (row.amountFen !== null) parts.push(t(lang, 'notice.amount', { amount: formatMoney(lang, row.amountFen) }));
  return parts.join(lang === 'en' ? ', ' : '、');
}

/** Where to raise an objection: the village committee's and the town's phones (or that none is on record). */
export function contactLines(h: NoticeHeader, lang: Lang): string[] {
  const phone = (p: string | null) => p ?? t(lang, 'notice.phone_unknown');
  const lines = [t(lang, 'notice.phone_village', { phone: phone(h.phones.village) })];
  if (h.town) lines.push(t(lang, 'notice.phone_town', { town: placeName(h.town, lang), phone: phone(h.phones.town) }));
  return lines;
}

export const dateWords = (lang: Lang, ymd: string) => formatDate(lang, ymd);
/** A row's days without the year (the notice's period above says it): 3月8日 / 8 March. */
export const dayWords = (lang: Lang, ymd: string) => formatDate(lang, ymd).replace(/^\d{4}年/, '').replace(/ \d{4}$/, '');

/** The broadcast's most characters (server/core/broadcasts/content.ts): rows beyond it are left to the page. */
const MAX_MESSAGE = 1500;

/** The message to the village work group (发到村工作群): title, dates, the households, where to object, the page's address. */
export function groupMessage(n: NoticeText, url: string, lang: Lang = 'zh-CN'): string {
  const base = {
    title: titleOf(n, lang),
    start: dateWords(lang, n.startDay),
    end: dateWords(lang, n.endDay),
    n: n.rows.length,
    contacts: contactLines(n.header, lang).join(t(lang, 'notice.message_contacts_sep')),
    url,
  };
  const line = (r: NoticeRow) => t(lang, 'notice.message_line', { no: r.no, name: r.name, cause: causeWord(r, lang), size: r.householdSize });
  for (let shown = n.rows.length; shown >= 0; shown--) {
    const lines = n.rows.slice(0, shown).map(line);
    if (shown < n.rows.length) lines.push(t(lang, 'notice.message_more', { n: n.rows.length }));
    const text = t(lang, 'notice.message', { ...base, lines: lines.join('\n') });
    if (text.length <= MAX_MESSAGE) return text;
  }
  return t(lang, 'notice.message', { ...base, lines: t(lang, 'notice.message_more', { n: n.rows.length }) }).slice(0, MAX_MESSAGE);
}
