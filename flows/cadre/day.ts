/**
 * Dates cadres type for things still to come — a household visit, the start and end of the public
 * notice: "3月5日", "3.5", "2026-03-05", "明天", "5号". A date without a year is this year's, or
 * next year's when this year's is long past (in December "1月5日" means next January); a date
 * weeks or months past is a mistake and is refused rather than moved a year on. Dates already past
 * (the payment date) use the villagers' parseDate in flows/parse.
 */
import { daysBetween } from '../china-time';
import { parseChineseNumber } from '../parse';
import { addDays, formatYmd, isAfter, isRealDate, shanghaiToday, type Ymd } from '../parse/calendar';
import { fold } from './fold';

export type DayResult = { ok: true; value: string } | { ok: false; reason: 'date_format' | 'date_invalid' | 'date_past' };

const RELATIVE: Record<string, number> = { 今天: 0, 今日: 0, today: 0, 明天: 1, 明日: 1, tomorrow: 1, 后天: 2, 大后天: 3 };
const N = '([0-9零〇一二两三四五六七八九十]{1,3})';
const FULL = /^(\d{4})(?:[-/.年](\d{1,2})[-/.月](\d{1,2})[日号]?|(\d{2})(\d{2}))$/u;
const MONTH_DAY = new RegExp(`^(?:${N}月${N}[日号]?|(\\d{1,2})[-/.](\\d{1,2}))$`, 'u');
const DAY_ONLY = new RegExp(`^${N}[日号]$`, 'u');
/** Past by more than half a year, a yearless date means next year's ("1月5日" said in December). */
const NEXT_YEAR_AFTER_DAYS = 183;

const num = (s: string | undefined): number | null => (s === undefined ? null : /^\d+$/.test(s) ? Number(s) : parseChineseNumber(s));

/** A date today or later → 'YYYY-MM-DD' (today in Asia/Shanghai). */
export function parseComingDay(text: string, now: Date): DayResult {
  const s = fold(text).replace(/\s+/g, '').replace(/[.,!?~;:…、。！？～，]+$/u, '');
  const today = shanghaiToday(now);
  const rel = RELATIVE[s];
  if (rel !== undefined) return { ok: true, value: formatYmd(addDays(today, rel)) };

  let date: Ymd | null = null;
  let yearless = false;
  const full = FULL.exec(s);
  const md = MONTH_DAY.exec(s);
  const dOnly = DAY_ONLY.exec(s);
  if (full) {
    date = { y: Number(full[1]), m: Number(full[2] ?? full[4]), d: Number(full[3] ?? full[5]) };
  } else if (md) {
    const m = num(md[1] ?? md[3]);
    const d = num(md[2] ?? md[4]);
    if (m === null || d === null) return { ok: false, reason: 'date_format' };
    date = { y: today.y, m, d };
    yearless = true;
  } else if (dOnly) {
    const d = num(dOnly[1]);
    if (d === null) return { ok: false, reason: 'date_format' };
    // "5号": this month's 5th, or next month's when it has passed
    date = d >= today.d ? { ...today, d } : { ...addDays({ ...today, d: 1 }, 32), d };
  } else {
    return { ok: false, reason: 'date_format' };
  }
  if (!isRealDate(date)) return { ok: false, reason: 'date_invalid' };
  if (isAfter(today, date)) {
    if (yearless && daysBetween(formatYmd(date), formatYmd(today)) > NEXT_YEAR_AFTER_DAYS) {
      const next = { ...date, y: date.y + 1 };
      return isRealDate(next) ? { ok: true, value: formatYmd(next) } : { ok: false, reason: 'date_invalid' };
    }
    return { ok: false, reason: 'date_past' };
  }
  return { ok: true, value: formatYmd(date) };
}

/** 'YYYY-MM-DD' plus `days`. */
export function addDaysYmd(ymd: string, days: number): string {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  return formatYmd(addDays({ y, m, d }, days));
}
