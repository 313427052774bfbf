/**
 * The fields a guided exchange asks for, one file so each is read in one place: how it is asked,
 * how an answer is read (the villagers' parsers: "3万", "五口", numbered choices), how it is shown
 * in the final check. Every parse returns a value or the i18n key of a hint.
 */
import { parseAmount, parseChoice, parseDate, parseInteger, parseYesNo } from '../parse';
import { formatDate, formatMoney } from '../i18n/format';
import { t } from '../i18n';
import { fold } from './fold';
import { shanghaiDate } from '../china-time';
import { addDaysYmd, parseComingDay } from './day';
import { parseItems } from './commands';
import type { FieldId, Guide, GuideCtx } from './types';
import { HOUSEHOLD_CATEGORIES, MEASURES, publicityTooShort } from '../workflow';
import { CATEGORY_WORDS, MEASURE_WORDS } from './vocabulary';

export type Parsed = { ok: true; value: unknown } | { ok: false; hint: string; params?: Record<string, unknown> };

export interface FieldDef {
  id: FieldId;
  ask: (g: Guide, c: GuideCtx) => string;
  parse: (text: string, g: Guide, c: GuideCtx) => Parsed;
  show: (value: unknown, g: Guide, c: GuideCtx) => string;
}

const tr = (c: GuideCtx, key: string, params?: Record<string, unknown>) => t(c.lang, key, params);
const parseFail = (reason: string, params?: Record<string, unknown>): Parsed => ({ ok: false, hint: `parse.${reason}`, params });

/** "好", "默认", "ok": take the offered default. */
const DEFAULT_WORDS = ['好', '好的', '行', '可以', '默认', '就这样', '同意', '是', '对', 'ok', 'okay', 'yes', 'default', 'y'];
const isDefault = (text: string) => DEFAULT_WORDS.includes(fold(text).trim().replace(/[\s.,!?~。！？，]+$/u, ''));

function choice<T extends string>(text: string, options: { id: T; labels: string[] }[]): Parsed {
  const r = parseChoice(text, options);
  return r.ok ? r : parseFail(r.reason, { max: options.length });
}

const numbered = (labels: string[]) => labels.map((l, i) => `${i + 1}. ${l}`).join('\n');

function categoryOptions(c: GuideCtx) {
  return HOUSEHOLD_CATEGORIES.map((id) => ({ id, labels: [tr(c, `workflow.category.${id}`), ...CATEGORY_WORDS[id]] }));
}
function measureOptions(c: GuideCtx) {
  return MEASURES.map((id) => ({ id, labels: [tr(c, `workflow.measure.${id}`), ...MEASURE_WORDS[id]] }));
}

/** "1 3 5", "1、3、5", "135", "低保 医疗救助" → measure ids in the order given, without repeats. */
export function parseMeasures(text: string, c: GuideCtx): Parsed {
  const s = fold(text).trim().replace(/[.。!！]+$/u, '');
  if (s === '') return parseFail('empty');
  const options = measureOptions(c);
  const tokens = /^[1-9]{2,9}$/.test(s) ? s.split('') : s.split(/[\s,，、;；+和]+/u).filter(Boolean);
  const ids: string[] = [];
  for (const token of tokens) {
    const r = parseChoice(token, options);
    if (!r.ok) return { ok: false, hint: 'cadre.hint.measures', params: { token, max: options.length } };
    if (!ids.includes(r.value)) ids.push(r.value);
  }
  return { ok: true, value: ids };
}

function amount(text: string, allowZero: boolean): Parsed {
  const r = parseAmount(text, { allowZero });
  return r.ok ? r : parseFail(r.reason);
}

function integer(text: string, min: number, max: number): Parsed {
  const r = parseInteger(text, { min, max });
  if (r.ok) return r;
  return r.reason === 'choice_out_of_range' ? { ok: false, hint: 'cadre.hint.range', params: { min, max } } : parseFail(r.reason);
}

function comingDay(text: string, c: GuideCtx): Parsed {
  const r = parseComingDay(text, c.now);
  if (r.ok) return r;
  return r.reason === 'date_past' ? { ok: false, hint: 'cadre.hint.date_past' } : parseFail(r.reason);
}

const dayOf = (v: unknown, c: GuideCtx) => formatDate(c.lang, String(v));
const day = (v: unknown, _g: Guide, c: GuideCtx) => dayOf(v, c);
const money = (v: unknown, _g: Guide, c: GuideCtx) => formatMoney(c.lang, Number(v));

/** The end of the notice offered by default: the shortest notice allowed. */
export function defaultPublicityEnd(start: string, c: GuideCtx): string {
  return addDaysYmd(start, c.publicityMinDays - 1);
}

export const FIELDS: Record<FieldId, FieldDef> = {
  verifierId: {
    id: 'verifierId',
    ask: (g, c) => [tr(c, 'cadre.field.verifierId.ask'), numbered((g.options ?? []).map((o) => o.label)), (g.options?.length === 1 ? tr(c, 'cadre.field.verifierId.how_one') : tr(c, 'cadre.field.verifierId.how', { max: g.options?.length ?? 0 }))].join('\n'),
    parse: (text, g) => choice(text, (g.options ?? []).map((o) => ({ id: o.id, labels: [o.label] }))),
    show: (v, g) => g.options?.find((o) => o.id === v)?.label ?? String(v),
  },
  verifiedIncomeFen: {
    id: 'verifiedIncomeFen',
    ask: (_g, c) => tr(c, 'cadre.field.verifiedIncomeFen.ask'),
    parse: (text) => amount(text, true),
    show: money,
  },
  verifiedMembers: {
    id: 'verifiedMembers',
    ask: (_g, c) => tr(c, 'cadre.field.verifiedMembers.ask'),
    parse: (text) => integer(text, 1, 30),
    show: (v, _g, c) => tr(c, 'cadre.field.verifiedMembers.show', { n: v }),
  },
  verifiedExpenseFen: {
    id: 'verifiedExpenseFen',
    ask: (_g, c) => tr(c, 'cadre.field.verifiedExpenseFen.ask'),
    parse: (text) => amount(text, true),
    show: money,
  },
  outcome: {
    id: 'outcome',
    ask: (_g, c) => tr(c, 'cadre.field.outcome.ask'),
    parse: (text, _g, c) =>
      choice(text, [
        { id: 'confirmed', labels: [tr(c, 'cadre.outcome.confirmed'), '一致', '属实', '相符', '情况属实', 'confirmed', 'matches'] },
        { id: 'differs', labels: [tr(c, 'cadre.outcome.differs'), '不一致', '有出入', '不符', '不属实', 'differs', 'different'] },
      ]),
    show: (v, _g, c) => tr(c, `cadre.outcome.${String(v)}`),
  },
  result: {
    id: 'result',
    ask: (_g, c) => tr(c, 'cadre.field.result.ask'),
    parse: (text, _g, c) =>
      choice(text, [
        { id: 'agreed', labels: [tr(c, 'cadre.result.agreed'), '同意', '通过', '评议通过', 'agreed', 'agree', 'yes'] },
        { id: 'disagreed', labels: [tr(c, 'cadre.result.disagreed'), '不同意', '不通过', '没通过', 'disagreed', 'disagree', 'no'] },
      ]),
    show: (v, _g, c) => tr(c, `cadre.result.${String(v)}`),
  },
  attendance: {
    id: 'attendance',
    ask: (_g, c) => tr(c, 'cadre.field.attendance.ask'),
    parse: (text) => integer(text, 1, 1000),
    show: (v, _g, c) => tr(c, 'cadre.field.attendance.show', { n: v }),
  },
  publicityStart: {
    id: 'publicityStart',
    ask: (_g, c) => tr(c, 'cadre.field.publicityStart.ask', { today: dayOf(shanghaiDate(c.now), c) }),
    parse: (text, _g, c) => (isDefault(text) ? { ok: true, value: shanghaiDate(c.now) } : comingDay(text, c)),
    show: day,
  },
  publicityEnd: {
    id: 'publicityEnd',
    ask: (g, c) => tr(c, 'cadre.field.publicityEnd.ask', { days: c.publicityMinDays, end: dayOf(defaultPublicityEnd(String(g.data.publicityStart), c), c) }),
    parse: (text, g, c) => {
      const start = String(g.data.publicityStart);
      const r = isDefault(text) ? { ok: true as const, value: defaultPublicityEnd(start, c) } : comingDay(text, c);
      if (!r.ok) return r;
      if (publicityTooShort(start, String(r.value), c.publicityMinDays)) {
        return { ok: false, hint: 'cadre.hint.publicity_short', params: { days: c.publicityMinDays, end: dayOf(defaultPublicityEnd(start, c), c) } };
      }
      return r;
    },
    show: day,
  },
  amountFen: {
    id: 'amountFen',
    ask: (_g, c) => tr(c, 'cadre.field.amountFen.ask'),
    parse: (text) => amount(text, false),
    show: money,
  },
  category: {
    id: 'category',
    ask: (_g, c) => [tr(c, 'cadre.field.category.ask'), numbered(HOUSEHOLD_CATEGORIES.map((id) => tr(c, `workflow.category.${id}`))), tr(c, 'cadre.field.category.how', { max: HOUSEHOLD_CATEGORIES.length })].join('\n'),
    parse: (text, _g, c) => choice(text, categoryOptions(c)),
    show: (v, _g, c) => tr(c, `workflow.category.${String(v)}`),
  },
  measures: {
    id: 'measures',
    ask: (_g, c) => [tr(c, 'cadre.field.measures.ask'), numbered(MEASURES.map((id) => tr(c, `workflow.measure.${id}`))), tr(c, 'cadre.field.measures.how')].join('\n'),
    parse: (text, _g, c) => parseMeasures(text, c),
    show: (v, _g, c) => (v as string[]).map((id) => tr(c, `workflow.measure.${id}`)).join(tr(c, 'cadre.list_separator')),
  },
  paymentRef: {
    id: 'paymentRef',
    ask: (_g, c) => tr(c, 'cadre.field.paymentRef.ask'),
    parse: (text) => {
      const s = text.trim();
      if (s === '') return parseFail('empty');
      if (s.length > 100) return { ok: false, hint: 'cadre.hint.too_long', params: { max: 100 } };
      return { ok: true, value: s };
    },
    show: (v) => String(v),
  },
  paidOn: {
    id: 'paidOn',
    ask: (_g, c) => tr(c, 'cadre.field.paidOn.ask', { today: dayOf(shanghaiDate(c.now), c) }),
    parse: (text, _g, c) => {
      if (isDefault(text)) return { ok: true, value: shanghaiDate(c.now) };
      const r = parseDate(text, c.now);
      return r.ok ? r : parseFail(r.reason);
    },
    show: day,
  },
  reason: {
    id: 'reason',
    ask: (g, c) => tr(c, g.kind === 'fast_approve' ? 'cadre.field.reason.ask_fast' : 'cadre.field.reason.ask_reject'),
    parse: (text) => {
      const s = text.trim();
      if (s === '') return parseFail('empty');
      if (s.length > 500) return { ok: false, hint: 'cadre.hint.too_long', params: { max: 500 } };
      return { ok: true, value: s };
    },
    show: (v) => String(v),
  },
  items: {
    id: 'items',
    ask: (_g, c) => tr(c, 'cadre.field.items.ask'),
    parse: (text) => {
      const items = parseItems(text);
      return items.length > 0 ? { ok: true, value: items } : parseFail('empty');
    },
    show: (v, _g, c) => (v as string[]).join(tr(c, 'cadre.list_separator')),
  },
  confirm: {
    id: 'confirm',
    ask: (_g, c) => tr(c, 'cadre.field.confirm.ask'),
    parse: (text) => {
      const s = fold(text).trim().replace(/[\s.,!?~。！？，]+$/u, '');
      if (['确认', '确定', '提交', '通过', 'confirm', 'submit'].includes(s)) return { ok: true, value: true };
      const yn = parseYesNo(text);
      if (yn.ok) return { ok: true, value: yn.value };
      return { ok: false, hint: 'cadre.hint.confirm' };
    },
    show: () => '',
  },
};
