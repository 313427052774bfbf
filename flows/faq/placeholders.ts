/**
 * Figures in answers come from configuration, never from text typed into an FAQ or an article:
 * authors write placeholders and they are filled when the answer is given.
 *
 *   {{incomeLine}}            the villager's own village's line for this year, as a sentence
 *                             (or the county's when the village is unknown and all agree)
 *   {{year}}                  this year (China time)
 *   {{documents}}             the checklist of every cause, one line each
 *   {{documents.illness}}     the checklist of one cause (flows/application CHECKLIST)
 *   {{limits.steps}}          the review steps and their limits, in order ("村委会初审一般2天内；
 *                             镇审核一般3天内；…；公示至少5天"): each step's words are the workflow's
 *   {{limits.total}}          a time limit ("15天", "5个工作日"), one per name in the workflow's
 *                             LIMIT_NAMES (the statuses with a time limit, and total); the statuses'
 *                             own are kept for answers a county wrote with them before limits.steps
 *   {{publicityDays}}         the shortest public notice ("5天")
 */
import { CHECKLIST } from '../application/documents';
import { CAUSES, type Lang, type TownOption } from '../engine/types';
import { t } from '../i18n';
import { formatMoney } from '../i18n/format';
import { shanghaiYear } from '../china-time';
import { LIMIT_NAMES, REVIEW_STATUSES } from '../workflow';
import type { LimitView } from './types';

/** The time limits' names (the workflow's): statuses with a time limit, plus `total`. */
export { LIMIT_NAMES };

export const PLACEHOLDERS: readonly string[] = [
  'incomeLine',
  'year',
  'publicityDays',
  'documents',
  ...CAUSES.map((c) => `documents.${c}`),
  'limits.steps',
  ...LIMIT_NAMES.map((n) => `limits.${n}`),
];

const PATTERN = /\{\{\s*([A-Za-z_][\w.]*)\s*\}\}/g;

/** What a template needs to be filled: the villager's language, village and the configuration. */
export interface RenderScope {
  lang: Lang;
  now: Date;
  /** The villager's village, when known. */
  villageCode?: string;
  towns: TownOption[];
  incomeLineFen: (villageCode: string, year: number) => number | null;
  limits: Record<string, LimitView>;
  publicityMinDays: number;
}

/** Placeholders in a text that are not known (the API refuses them). */
export function unknownPlaceholders(text: string): string[] {
  return [...new Set([...text.matchAll(PATTERN)].map((m) => m[1]).filter((name) => !PLACEHOLDERS.includes(name)))];
}

/** Money typed as a figure ("8700元", "5,200 yuan", "3千块"): it must come from {{incomeLine}} instead. */
export function moneyFigures(text: string): string[] {
  return [...text.matchAll(/\d[\d,，.]*\s*[千万]?\s*(?:元|块|yuan|rmb)/giu)].map((m) => m[0]);
}

export function renderTemplate(text: string, scope: RenderScope): string {
  return text.replace(PATTERN, (whole, name: string) => fill(name, scope) ?? whole);
}

function fill(name: string, scope: RenderScope): string | null {
  const { lang } = scope;
  if (name === 'incomeLine') return incomeLine(scope);
  if (name === 'year') return String(shanghaiYear(scope.now));
  if (name === 'publicityDays') return days(lang, { days: scope.publicityMinDays, working: false });
  if (name === 'documents') {
    return CAUSES.map((c) => t(lang, 'faq.documents_line', { cause: t(lang, `cause.${c}`), items: checklist(lang, c) })).join('\n');
  }
  const [head, tail] = name.split('.', 2);
  if (head === 'documents' && (CAUSES as readonly string[]).includes(tail)) return checklist(lang, tail as (typeof CAUSES)[number]);
  if (name === 'limits.steps') return steps(scope);
  if (head === 'limits' && (LIMIT_NAMES as readonly string[]).includes(tail)) {
    const limit = scope.limits[tail];
    return limit ? days(lang, limit) : t(lang, 'faq.limit.unknown');
  }
  return null;
}

/** Each review step with its limit (workflow.within.<status>), in the order a case goes through them. */
function steps(scope: RenderScope): string {
  const { lang } = scope;
  const limit = (status: string) => (scope.limits[status] ? days(lang, scope.limits[status]) : t(lang, 'faq.limit.unknown'));
  const publicityDays = days(lang, { days: scope.publicityMinDays, working: false });
  return REVIEW_STATUSES.map((s) => t(lang, `workflow.within.${s}`, { limit: limit(s), publicityDays })).join(t(lang, 'faq.part_separator'));
}

function checklist(lang: Lang, cause: (typeof CAUSES)[number]): string {
  return CHECKLIST[cause].map((item) => t(lang, item.label)).join(t(lang, 'faq.list_separator'));
}

function days(lang: Lang, limit: LimitView): string {
  const key = limit.working ? 'faq.limit.working_days' : limit.days === 1 ? 'faq.limit.day' : 'faq.limit.days';
  return t(lang, key, { n: limit.days });
}

/** The income line as a sentence: the village's own; else the county's when every village agrees; else each. */
function incomeLine(scope: RenderScope): string {
  const { lang } = scope;
  const year = shanghaiYear(scope.now);
  const villages = scope.towns.flatMap((town) => town.villages);
  const nameOf = (code: string) => {
    const v = villages.find((x) => x.code === code);
    return v ? (lang === 'en' && v.nameEn ? v.nameEn : v.name) : null;
  };
  const known = scope.villageCode ? nameOf(scope.villageCode) : null;
  if (scope.villageCode && known) {
    const line = scope.incomeLineFen(scope.villageCode, year);
    if (line === null) return t(lang, 'faq.income_line.unknown', { year });
    return t(lang, 'faq.income_line.village', { place: known, year, amount: formatMoney(lang, line) });
  }
  // villages grouped by their line (null: none configured)
  const groups = new Map<number | null, string[]>();
  for (const v of villages) {
    const line = scope.incomeLineFen(v.code, year);
    groups.set(line, [...(groups.get(line) ?? []), lang === 'en' && v.nameEn ? v.nameEn : v.name]);
  }
  const only = groups.size === 1 ? [...groups.keys()][0] : undefined;
  if (groups.size === 0 || only === null) return t(lang, 'faq.income_line.unknown', { year });
  if (only !== undefined) return t(lang, 'faq.income_line.county', { year, amount: formatMoney(lang, only) });
  // the line most villages share is "the others"; the exceptions are named
  const [common, ...rest] = [...groups.entries()].sort((a, b) => b[1].length - a[1].length);
  const amount = (fen: number | null) => (fen === null ? t(lang, 'faq.income_line.not_set') : formatMoney(lang, fen));
  const parts = rest.map(([fen, names]) => t(lang, 'faq.income_line.part', { places: names.join(t(lang, 'faq.list_separator')), amount: amount(fen) }));
  parts.push(t(lang, 'faq.income_line.others', { amount: amount(common[0]) }));
  return t(lang, 'faq.income_line.varies', { year, list: parts.join(t(lang, 'faq.part_separator')) });
}
