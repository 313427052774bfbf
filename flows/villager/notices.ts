/**
 * What the villager reads about their case, worded once for every channel. The chat's notices
 * (the outbox: server/core/workflow/notify.ts, overdue.ts) and the mini-program's timeline
 * (server/app/villager-cases.ts) say the same sentence; the chat adds how to answer there
 * (workflow.villager.chat.<status>) and the case number. A case arriving in a status is told
 * that status's arrival words (flows/workflow/words.*.ts); the rest are workflow.villager.*.
 */
import { shanghaiDate, shanghaiMidnight } from '../china-time';
import { formatDate, formatMoney, hasKey, t, type Lang } from '../i18n';
import { CASE_STATUS, FILING_EVENT, HOUSEHOLD_CATEGORIES, isCaseStatus, MEASURES, recheckOffice, TIMED_STATUSES, type CaseStatus } from '../workflow';

/** Days within which a rejected applicant may ask for a re-check (复核). */
export const RECHECK_DAYS = 15;

/** The case's figures the notices quote (as its row holds them). */
export type NoticeFacts = {
  publicityStart: Date | null;
  publicityEnd: Date | null;
  approvedAmountFen: number | null;
  measures: unknown;
  householdCategory: string | null;
  paidAt: Date | null;
};

/**
 * Something that happened to a case, as its event row records it: a move (type is its action,
 * data what it asked), a home visit booked (data.date), the filing.
 */
export type CaseHappening = { type: string; from: string | null; to: string | null; note: string | null; data: unknown };

/** The events (the filing, the moves) whose notice is the arrival words of the status they reach. */
const ARRIVALS: readonly string[] = [FILING_EVENT, 'accept', 'approve', 'return', 'reject', 'withdraw'];

/** The sentence the villager reads about it; null for what is not theirs to see (cadre notes, objections). */
export function villagerSentence(lang: Lang, h: CaseHappening, facts: NoticeFacts): string | null {
  const data = (h.data ?? {}) as Record<string, unknown>;
  if (ARRIVALS.includes(h.type)) return h.to && isCaseStatus(h.to) ? arrival(lang, h.to, h, data, facts) : null;
  switch (h.type) {
    case 'resubmit':
      return t(lang, 'workflow.villager.resubmitted', { step: stepLabel(lang, h.to ?? '') });
    case 'fast_approve':
      return t(lang, 'workflow.villager.approved_green', approvedFigures(lang, facts));
    case 'visit_scheduled':
      return typeof data.date === 'string' ? t(lang, 'workflow.villager.visit_scheduled', { date: day(lang, shanghaiMidnight(data.date)) }) : null;
    case 'duplicate_application':
      return t(lang, 'miniprogram.timeline.documents_added');
    default:
      return null;
  }
}

/** The chat's notice: the sentence, what to answer in the chat, the case number. */
export function chatNotice(lang: Lang, h: CaseHappening, facts: NoticeFacts, caseNo: string): string | null {
  const sentence = villagerSentence(lang, h, facts);
  if (sentence === null) return null;
  const chat = ARRIVALS.includes(h.type) && h.to ? `workflow.villager.chat.${h.to}` : null;
  return withFooter(lang, chat && hasKey(chat) ? `${sentence}\n${t(lang, chat)}` : sentence, caseNo);
}

/** The villager's case is late in `status` (the chat only: told once per status it is late in). */
export function delayedNotice(lang: Lang, status: CaseStatus, c: { caseNo: string; missingItems: unknown }): string {
  const body =
    status === CASE_STATUS.returned
      ? t(lang, 'workflow.villager.returned_reminder', { items: itemsText(lang, c.missingItems) })
      : t(lang, 'workflow.villager.delayed', { step: stepLabel(lang, status) });
  return withFooter(lang, body, c.caseNo);
}

/** A chat message to the villager: the body, then the case number. */
export const withFooter = (lang: Lang, body: string, caseNo: string): string => `${body}\n${t(lang, 'workflow.footer', { caseNo })}`;

/** A status as a step the villager waits at ("the town review"): workflow.step.<status>, one per timed status. */
export const stepLabel = (lang: Lang, status: string): string => ((TIMED_STATUSES as readonly string[]).includes(status) ? t(lang, `workflow.step.${status}`) : status);

/** The words of arriving in `to` (workflow.villager.to_<status>), with the figures that status quotes. */
function arrival(lang: Lang, to: CaseStatus, h: CaseHappening, data: Record<string, unknown>, c: NoticeFacts): string {
  const from = h.from ?? '';
  switch (to) {
    case CASE_STATUS.publicity:
      return t(lang, 'workflow.villager.to_publicity', { start: c.publicityStart ? day(lang, c.publicityStart) : '', end: c.publicityEnd ? day(lang, c.publicityEnd) : '' });
    case CASE_STATUS.approved:
      return t(lang, 'workflow.villager.to_approved', approvedFigures(lang, c));
    case CASE_STATUS.paid:
      return t(lang, 'workflow.villager.to_paid', { amount: formatMoney(lang, c.approvedAmountFen ?? 0), date: c.paidAt ? day(lang, c.paidAt) : '' });
    case CASE_STATUS.returned:
      return t(lang, 'workflow.villager.to_returned', { step: stepLabel(lang, from), items: itemsText(lang, data.items) });
    case CASE_STATUS.rejected:
      return t(lang, 'workflow.villager.to_rejected', { step: stepLabel(lang, from), reason: h.note ?? '', days: RECHECK_DAYS, office: t(lang, `workflow.office.${recheckOffice(from)}`) });
    default:
      return t(lang, `workflow.villager.to_${to}`);
  }
}

/** A category or measure in words (workflow.category.<id>, workflow.measure.<id>: flows/workflow/words.*.ts); one unknown here as it is. */
const named = (lang: Lang, kind: 'category' | 'measure', ids: readonly string[], id: string): string => (ids.includes(id) ? t(lang, `workflow.${kind}.${id}`) : id);

function approvedFigures(lang: Lang, c: Pick<NoticeFacts, 'approvedAmountFen' | 'measures' | 'householdCategory'>) {
  const measures = (Array.isArray(c.measures) ? c.measures.map(String) : []).map((m) => named(lang, 'measure', MEASURES, m));
  const category = c.householdCategory ? named(lang, 'category', HOUSEHOLD_CATEGORIES, c.householdCategory) : '';
  return { amount: formatMoney(lang, c.approvedAmountFen ?? 0), measures: measures.join(t(lang, 'workflow.list_separator')), category };
}

/** The missing items, one numbered line each. */
function itemsText(lang: Lang, items: unknown): string {
  const list = Array.isArray(items) ? items.map(String) : [];
  return list.map((item, i) => t(lang, 'workflow.item_line', { i: i + 1, item })).join('\n');
}

const day = (lang: Lang, at: Date): string => formatDate(lang, shanghaiDate(at));
