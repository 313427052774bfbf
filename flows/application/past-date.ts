/**
 * When something happened (the disaster), taken down as a patient cadre would on the phone:
 *   - a day ("8月3号", "昨天", "上周五") is the answer;
 *   - a month without a day ("8月份", "上个月", "7月中旬") is said back with a request for the
 *     day in the same message ("按2025年8月记（哪天记不清），对吗？记得是哪天…"): a yes, "记不清了"
 *     or "8月份，记不清哪天" keeps the month, 'YYYY-MM', shown "2025年8月（日期不详）" — never
 *     the 1st made up; the day ("3号", "8月3号") replaces it;
 *   - "前几天", "上周", "去年冬天" name no month: asked again with examples that would be read;
 *   - a lunar day ("腊月二十三", "端午") is its solar day; "中秋前后" is said back for a yes; a lunar
 *     month without its day ("腊月里") is said back as the solar month it falls in, like "8月份".
 */
import { readDate, type MonthPart } from '../parse';
import { addDays, shanghaiToday, type Ymd } from '../parse/calendar';
import { parseChineseNumber } from '../parse/chinese-number';
import { APPROX_DAY, LUNAR_DAY } from '../parse/date-words';
import type { Checked, StepEnv } from '../engine/flow';
import type { Lang } from '../engine/types';
import { formatDate, formatMonth } from '../i18n/format';
import { canSayBack } from './say-back';

const MONTH = /^\d{4}-\d{2}$/;

/** True for a date kept to the month ('YYYY-MM'): the day was not known. */
export const isMonthOnly = (v: unknown): v is string => typeof v === 'string' && MONTH.test(v);

/** "2025年8月3日", or "2025年8月（日期不详）" for a month whose day is not known. */
export function showPastDate(v: unknown, env: Pick<StepEnv, 'lang' | 't'>): string {
  return isMonthOnly(v) ? env.t('heard.date.month_only', { month: formatMonth(env.lang, v) }) : formatDate(env.lang, String(v));
}

const pad = (n: number) => String(n).padStart(2, '0');
const PART_DAY: Record<MonthPart | 'none', number> = { early: 5, mid: 15, late: 25, none: 15 };

/** A day of the month `ym` that the villager could type back, within the month's part and not after today. */
function exampleDay(ym: string, part: MonthPart | undefined, today: Ymd, lang: Lang): string {
  const [y, m] = ym.split('-').map(Number);
  let d = PART_DAY[part ?? 'none'];
  if (y === today.y && m === today.m) d = Math.min(d, today.d);
  return formatDate(lang, `${ym}-${pad(d)}`);
}

/** The month before this one, 'YYYY-MM' (for examples). */
function lastMonth(today: Ymd): string {
  const d = addDays({ ...today, d: 1 }, -1);
  return `${d.y}-${pad(d.m)}`;
}

/** The say-back of a lunar month without its day ("腊月里"): its params name the month as said. */
const LUNAR_MONTH_ASK = 'heard.date.confirm_lunar';

/** "3号", "15日", "十五" — a day with no month, read in the month already said. */
function bareDay(text: string): number | null {
  const m = /^(?:是|大概|就)?([0-9]{1,2}|[一二三四五六七八九十]{1,3})[日号]?(?:那天|左右)?$/u.exec(text.trim().replace(/[.,!。，！了]+$/u, ''));
  if (!m) return null;
  return /^\d+$/.test(m[1]) ? Number(m[1]) : parseChineseNumber(m[1]);
}

/** The answer to "是哪一天…？" for the step `step` (its pending month, if one was said back, gives "3号" its month). */
export function checkPastDate(text: string, env: StepEnv, step: string): Checked<string> {
  const now = env.ctx.now;
  const today = shanghaiToday(now);
  const waiting = env.state.pending?.step === step ? env.state.pending : undefined;
  const pending = waiting?.patch[step];
  const r = readDate(text, now);
  if (isMonthOnly(pending)) {
    if (r.kind === 'no_day') return { ok: true, value: pending };
    // "8月3号" after "8月份" was said back: a day of the month said back, its year settled there
    if (r.kind === 'day' && !r.around && r.value.startsWith(`${pending}-`)) return { ok: true, value: r.value };
    // a lunar month said back ("腊月里"): "二十三" is its day, not the solar month's
    const lunarMonth = waiting?.ask.key === LUNAR_MONTH_ASK ? waiting.ask.params?.said : undefined;
    if (typeof lunarMonth === 'string' && LUNAR_DAY.test(text.trim())) {
      const inLunar = readDate(`${lunarMonth}${text.trim()}`, now);
      if (inLunar.kind === 'day') return { ok: true, value: inLunar.value };
    }
    const d = typeof lunarMonth === 'string' ? null : bareDay(text);
    if (d !== null) {
      const inMonth = readDate(`${pending}-${pad(d)}`, now);
      // "大概20号": still approximate — said back for a yes
      if (inMonth.kind === 'day' && APPROX_DAY.test(text.trim()) && canSayBack(env, step)) {
        return { ok: false, confirm: { key: 'heard.date.confirm_day', params: { date: formatDate(env.lang, inMonth.value) } }, value: inMonth.value };
      }
      if (inMonth.kind === 'day') return { ok: true, value: inMonth.value };
      if (inMonth.kind === 'invalid') return { ok: false, hint: `parse.${inMonth.reason}`, understood: true };
    }
  }
  const month = formatMonth(env.lang, lastMonth(today));
  const example = exampleDay(lastMonth(today), undefined, today, env.lang);
  switch (r.kind) {
    case 'day':
      // "中秋前后": the festival's solar day, said back for a yes (a form asks for the day itself)
      // "五月二十号左右": the day said back for a yes (a form takes the day as typed)
      if (r.around && r.lunar === undefined) {
        return canSayBack(env, step) ? { ok: false, confirm: { key: 'heard.date.confirm_day', params: { date: formatDate(env.lang, r.value) } }, value: r.value } : { ok: true, value: r.value };
      }
      if (r.around) {
        const params = { said: r.lunar ?? '', date: formatDate(env.lang, r.value) };
        return canSayBack(env, step) ? { ok: false, confirm: { key: 'heard.date.confirm_lunar_day', params }, value: r.value } : { ok: false, hint: 'heard.date.lunar', params, understood: true };
      }
      // "6.12": the year is ours, said back for a yes
      if (r.yearGuessed && canSayBack(env, step)) return { ok: false, confirm: { key: 'heard.date.confirm_day', params: { date: formatDate(env.lang, r.value) } }, value: r.value };
      return { ok: true, value: r.value };
    case 'month':
      if (r.dayUnknown) return { ok: true, value: r.value };
      // "腊月里": the solar month it mostly falls in, said back with the lunar month named
      if (r.lunar !== undefined && canSayBack(env, step)) {
        const params = { said: r.lunar, month: formatMonth(env.lang, r.value), example: exampleDay(r.value, r.part, today, env.lang) };
        return { ok: false, confirm: { key: LUNAR_MONTH_ASK, params }, value: r.value };
      }
      if (!canSayBack(env, step)) {
        const shown = formatMonth(env.lang, r.value);
        return { ok: false, hint: 'heard.date.write_day', params: { month: shown, example: exampleDay(r.value, r.part, today, env.lang) }, understood: true };
      }
      return {
        ok: false,
        confirm: { key: 'heard.date.confirm', params: { month: formatMonth(env.lang, r.value), example: exampleDay(r.value, r.part, today, env.lang) } },
        value: r.value,
      };
    case 'vague':
      return r.what === 'days' || r.what === 'week'
        ? { ok: false, hint: 'heard.date.vague_days', params: { example, month: formatMonth(env.lang, `${today.y}-${pad(today.m)}`) }, understood: true }
        : { ok: false, hint: 'heard.date.vague_month', params: { example, month }, understood: true };
    case 'no_day':
      return { ok: false, hint: 'heard.date.no_day', params: { month }, understood: true };
    case 'invalid':
      return { ok: false, hint: `parse.${r.reason}`, ...(r.reason === 'date_format' || r.reason === 'empty' ? {} : { understood: true }) };
  }
}
