import type { ParseResult } from './types';
import { normalizeInput, stripAffixes, stripTrailingPunctuation } from './normalize';
import { chineseDigitValue, parseChineseNumber } from './chinese-number';
import { type Ymd, addDays, formatYmd, isAfter, isRealDate, shanghaiToday } from './calendar';

const RELATIVE_DAYS: Record<string, number> = {
  今天: 0, 今日: 0, 今儿: 0, 今儿个: 0,
  昨天: 1, 昨日: 1, 昨儿: 1, 昨儿个: 1,
  前天: 2, 前日: 2, 大前天: 3,
  上周: 7, 上星期: 7, 上个星期: 7, 上礼拜: 7, 上个礼拜: 7, 一周前: 7, 一个星期前: 7,
};
const RELATIVE_YEARS: Record<string, number> = { 今年: 0, 去年: 1, 前年: 2 };
// The villager's own approximation is accepted as the date they name.
const PREFIXES = ['大概是', '大概', '大约', '约', '差不多', '是', '在'];
const SUFFIXES = ['左右', '前后', '的时候', '那天', '的'];

const N = '[0-9零〇一二两三四五六七八九十]+';
const CHINESE = new RegExp(
  `^(?:(${N})年|(今年|去年|前年))?(?:(${N})月份?|(上个?月|本月|这个?月))?(?:(${N})[日号]?)?$`, 'u');

const num = (s: string): number | null => (/^\d+$/.test(s) ? Number(s) : parseChineseNumber(s));

/** A four-digit year: "2026" or read digit by digit "二〇二六"; two-digit years are ambiguous. */
function year(s: string): number | null {
  if (/^\d{4}$/.test(s)) return Number(s);
  const digits = Array.from(s).map((ch) => (ch === '两' ? undefined : chineseDigitValue(ch)));
  return digits.length === 4 && digits.every((d) => d !== undefined) ? Number(digits.join('')) : null;
}

/** The date the text names (not yet validated), or null when it is not a date form we read. */
function resolve(s: string, today: Ymd): Ymd | null {
  const numeric = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (numeric) return { y: Number(numeric[1]), m: Number(numeric[2]), d: Number(numeric[3]) };

  const m = CHINESE.exec(s);
  if (!m || s === '') return null;
  const [, yNum, yRel, mNum, mRel, dNum] = m;
  const hasYear = yNum !== undefined || yRel !== undefined;
  if (dNum !== undefined && !/[日号]$/u.test(s) && mNum === undefined) return null; // a bare "5"
  if (hasYear && (mRel !== undefined || (mNum === undefined && dNum !== undefined))) return null;

  const month = mNum === undefined ? undefined : num(mNum);
  const day = dNum === undefined ? 1 : num(dNum);
  if (month === null || day === null) return null;

  if (hasYear) {
    const y = yNum !== undefined ? year(yNum) : today.y - RELATIVE_YEARS[yRel as string];
    return y === null ? null : { y, m: month ?? 1, d: day }; // "去年" = 1 Jan, "去年8月" = 1 Aug
  }
  if (mRel !== undefined) {
    const first = mRel.startsWith('上') ? addDays({ ...today, d: 1 }, -1) : today; // previous month
    return { y: first.y, m: first.m, d: day }; // "上个月" alone = its 1st
  }
  if (month !== undefined) {
    // "3月5号": this year, or last year when that day has not come yet.
    const future = month > today.m || (month === today.m && day > today.d);
    return { y: future ? today.y - 1 : today.y, m: month, d: day };
  }
  // "5号": this month, or last month when that day has not come yet.
  const base = day > today.d ? addDays({ ...today, d: 1 }, -1) : today;
  return { y: base.y, m: base.m, d: day };
}

/**
 * A past or present calendar date → 'YYYY-MM-DD', "today" being taken in Asia/Shanghai.
 * Vague answers resolve to the first day of the period named: "上个月" → 1st of last month,
 * "去年" → 1 January of last year, "去年8月" → 1 August; "上周" is exactly 7 days ago.
 */
export function parseDate(text: string, now: Date): ParseResult<string> {
  let s = stripTrailingPunctuation(normalizeInput(text)).replace(/\s+/g, '');
  if (s === '') return { ok: false, reason: 'empty' };
  s = stripAffixes(s, PREFIXES, SUFFIXES);
  const today = shanghaiToday(now);

  const back = RELATIVE_DAYS[s];
  const date = back !== undefined ? addDays(today, -back) : resolve(s, today);
  if (date === null) return { ok: false, reason: 'date_format' };
  if (date.y < 1900 || !isRealDate(date)) return { ok: false, reason: 'date_invalid' };
  if (isAfter(date, today)) return { ok: false, reason: 'date_future' };
  return { ok: true, value: formatYmd(date) };
}
