import type { ParseResult } from './types';
import { normalizeInput, stripAffixes, stripTrailingPunctuation } from './normalize';
import { dateInside, slashMonthDay } from './date-inside';
import { chineseDigitValue, parseChineseNumber } from './chinese-number';
import { type Ymd, addDays, formatYmd, isAfter, isRealDate, shanghaiToday } from './calendar';
import {
  DATE_PREFIXES, DATE_SUFFIXES, DAYS_BACK, EN_DAYS_BACK, EN_MONTH_PARTS, EN_MONTHS, EN_SEASONS, EN_VAGUE_DAYS, EN_VAGUE_WEEKS,
  APPROX_DAY, EN_WEEKDAYS, LUNAR_AROUND, LUNAR_DAY, LUNAR_FESTIVALS, LUNAR_IN_MONTH, LUNAR_MARKS, LUNAR_MONTHS, MONTH_PARTS, NO_DAY, SEASONS, VAGUE_DAYS,
  THIS_TIME, VAGUE_WEEKS, WEEKDAYS, YEAR_ENDS, YEARS_BACK,
} from './date-words';
import { lunarMonthDays, lunarToSolar, lunarYearOf } from './lunar';

/**
 * What a villager said about when something happened (the words are data: date-words.ts):
 *   day      a calendar day, 'YYYY-MM-DD': "8月3号", "2026年8月3日", "昨天", "上周五", "三天前"
 *   month    a month without a day, 'YYYY-MM' (and the part of it, if said): "8月份", "上个月",
 *            "7月中旬", "去年8月" — never made into the 1st
 *   vague    no month either: "前几天" (days), "上周" (week), "去年冬天" (season), "去年" (year)
 *   no_day   "记不清了": the villager does not know the day
 * A day written "6.12", or said without a year where this year's has not come yet ("6月20号" on 6-15),
 * is that day's latest past date, `yearGuessed`: to say back for a yes. A day said as approximate
 * ("二十号左右", "大概20号") is `around`: to say back too.
 * A day or month of the lunar calendar ("腊月二十三", "端午", "去年腊月") is its solar day or month,
 * with `lunar` the words as understood; `around` when said with "前后"/"左右" ("中秋前后"): to say back.
 */
export type DateReading =
  | { kind: 'day'; value: string; yearGuessed?: true; lunar?: string; around?: true }
  /** `dayUnknown`: said with it ("8月份，记不清哪天了"). `lunar`: a lunar month, `value` the solar month most of its part falls in. */
  | { kind: 'month'; value: string; part?: MonthPart; dayUnknown?: true; lunar?: string }
  /** 'part': a part of a month without the month ("月底"). */
  | { kind: 'vague'; what: 'days' | 'week' | 'season' | 'year' | 'part' }
  | { kind: 'no_day' }
  | { kind: 'invalid'; reason: 'empty' | 'date_format' | 'date_future' | 'date_invalid' };

export type MonthPart = 'early' | 'mid' | 'late';

const N = '[0-9零〇一二两三四五六七八九十]+';
const YEAR = `(?:(${N})年|(今年|去年|前年|大前年))`;
const MONTH = `(?:(${N})月份?|(上上个?月|上个?月|本月|这个?月))`;
const PARTS = Object.keys(MONTH_PARTS).sort((a, b) => b.length - a.length).join('|');
const CHINESE = new RegExp(`^${YEAR}?${MONTH}?(?:(${N})[日号]?|(${PARTS}))?$`, 'u');
const WEEKDAY = /^(上上|上|这|本)?个?(?:周|星期|礼拜)([一二三四五六日天1-7])$/u;
const DAYS_AGO = new RegExp(`^(${N})天(?:以)?前$`, 'u');

const num = (s: string): number | null => (/^\d+$/.test(s) ? Number(s) : parseChineseNumber(s));
const ym = (y: number, m: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;

/** A four-digit year: "2026" or read digit by digit "二〇二六"; two-digit years are ambiguous. */
function year(s: string): number | null {
  if (/^\d{4}$/.test(s)) return Number(s);
  const digits = Array.from(s).map((ch) => (ch === '两' ? undefined : chineseDigitValue(ch)));
  return digits.length === 4 && digits.every((d) => d !== undefined) ? Number(digits.join('')) : null;
}

/** The month `back` months before today's. */
function monthsBack(today: Ymd, back: number): { y: number; m: number } {
  const i = today.y * 12 + (today.m - 1) - back;
  return { y: Math.floor(i / 12), m: (i % 12) + 1 };
}

/** "上周五" (the week before this one, weeks from Monday), "这周三", "星期三" (the latest one not after today). */
function weekday(s: string, today: Ymd): Ymd | null {
  const m = WEEKDAY.exec(s);
  if (!m) return null;
  const want = WEEKDAYS[m[2]];
  const dow = ((new Date(Date.UTC(today.y, today.m - 1, today.d)).getUTCDay() + 6) % 7) + 1; // Mon 1 … Sun 7
  const monday = addDays(today, 1 - dow);
  if (m[1] === undefined) return addDays(today, -((dow - want + 7) % 7));
  const weeksBack = m[1] === '上上' ? 2 : m[1] === '上' ? 1 : 0;
  return addDays(monday, want - 1 - 7 * weeksBack);
}

/** A year-month-day form ("8月3号", "去年8月", "上个月底", "2026-08-03"), or null when the text is not one. */
function calendarForm(s: string, today: Ymd): DateReading | null {
  const numeric = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (numeric) return checkDay({ y: Number(numeric[1]), m: Number(numeric[2]), d: Number(numeric[3]) }, today);
  const numericMonth = /^(\d{4})[-/.年](\d{1,2})月?份?$/.exec(s);
  if (numericMonth) return checkMonth(Number(numericMonth[1]), Number(numericMonth[2]), today);
  // "6.12", "6-12": month and day, in the latest year it is not after today ("3/5" may be a share or day/month: not read)
  const monthDay = /^(\d{1,2})[-.](\d{1,2})$/.exec(s);
  if (monthDay) {
    const [m, d] = [Number(monthDay[1]), Number(monthDay[2])];
    if (m < 1 || m > 12) return null;
    const y = m * 100 + d > today.m * 100 + today.d ? today.y - 1 : today.y;
    const r = checkDay({ y, m, d }, today);
    return r.kind === 'day' ? { ...r, yearGuessed: true } : r;
  }

  const m = CHINESE.exec(s);
  if (!m || s === '') return null;
  const [, yNum, yRel, mNum, mRel, dNum, part] = m;
  const hasYear = yNum !== undefined || yRel !== undefined;
  const hasMonth = mNum !== undefined || mRel !== undefined;
  if (dNum !== undefined && !/[日号]$/u.test(s) && mNum === undefined) return null; // a bare "5"
  if (hasYear && mRel !== undefined) return null; // "去年上个月"
  if (hasYear && !hasMonth) return dNum !== undefined || part !== undefined ? null : { kind: 'vague', what: 'year' };
  if (part !== undefined && !hasMonth) return { kind: 'vague', what: 'part' }; // "月底" alone: of which month?

  const y = yNum !== undefined ? year(yNum) : yRel !== undefined ? today.y - YEARS_BACK[yRel] : null;
  if (hasYear && y === null) return null;
  let month: { y: number; m: number; said: boolean };
  if (mRel !== undefined) {
    const back = mRel.startsWith('上上') ? 2 : mRel.startsWith('上') ? 1 : 0;
    month = { ...monthsBack(today, back), said: true };
  } else if (mNum !== undefined) {
    const n = num(mNum);
    if (n === null) return null;
    // "8月" without a year: this year's, or last year's when this year's has not come yet
    month = { y: y ?? (n > today.m ? today.y - 1 : today.y), m: n, said: true };
  } else month = { y: today.y, m: today.m, said: false }; // "5号", "月底": this month's

  if (dNum !== undefined) {
    const d = num(dNum);
    if (d === null) return null;
    let day = { y: month.y, m: month.m, d };
    // "5号" alone: this month, or last month when that day has not come yet
    if (!month.said && d > today.d) day = { ...monthsBack(today, 1), d };
    // "3月5号" alone: this year, or last year when that day has not come yet
    if (mNum !== undefined && y === null && month.m === today.m && d > today.d) day = { ...day, y: today.y - 1 };
    const r = checkDay(day, today);
    // "6月20号" said on 6-15, "20号" on the 15th: moved back to last year (or month) — a guess, said back
    const moved = y === null && (day.y !== today.y || (!month.said && day.m !== today.m));
    return r.kind === 'day' && moved ? { ...r, yearGuessed: true } : r;
  }
  const r = checkMonth(month.y, month.m, today);
  return r.kind === 'month' && part !== undefined ? { ...r, part: MONTH_PARTS[part] } : r;
}

const YEAR_END = new RegExp(`^${YEAR}?(${Object.keys(YEAR_ENDS).sort((a, b) => b.length - a.length).join('|')}|[初底末尾])$`, 'u');

/** "年初", "去年年底", "2024年底", "今年初": the year's first or last month (the latest not after today when no year is said); null when not one. */
function yearEnd(s: string, today: Ymd): DateReading | null {
  const m = YEAR_END.exec(s);
  if (!m) return null;
  const [, yNum, yRel, word] = m;
  if (yNum === undefined && yRel === undefined && word.length === 1) return null; // "底" alone
  const end = YEAR_ENDS[word.length === 1 ? `年${word}` : word];
  if (end === undefined) return null;
  const month = end === 'early' ? 1 : 12;
  const y = yNum !== undefined ? year(yNum) : yRel !== undefined ? today.y - YEARS_BACK[yRel] : month > today.m ? today.y - 1 : today.y;
  if (y === null) return null;
  const r = checkMonth(y, month, today);
  return r.kind === 'month' ? { ...r, part: end } : r;
}

function checkDay(date: Ymd, today: Ymd): DateReading {
  if (date.y < 1900 || !isRealDate(date)) return { kind: 'invalid', reason: 'date_invalid' };
  if (isAfter(date, today)) return { kind: 'invalid', reason: 'date_future' };
  return { kind: 'day', value: formatYmd(date) };
}

function checkMonth(y: number, m: number, today: Ymd): DateReading {
  if (y < 1900 || m < 1 || m > 12) return { kind: 'invalid', reason: 'date_invalid' };
  if (y * 12 + m > today.y * 12 + today.m) return { kind: 'invalid', reason: 'date_future' };
  return { kind: 'month', value: ym(y, m) };
}

const squeeze = (s: string) => s.replace(/\s/g, '');
const NO_DAY_SET = new Set(NO_DAY.map(squeeze));
const NO_DAY_LONGEST = [...NO_DAY_SET].sort((a, b) => b.length - a.length);
const isNoDay = (s: string) => NO_DAY_SET.has(squeeze(s)) || NO_DAY_SET.has(squeeze(s).replace(/了$/u, ''));

/** "8月份，记不清哪天了" or "不记得哪天了，8月份" → "8月份" and that the day is not known; anything else unchanged. */
function splitNoDay(s: string): { rest: string; noDay: boolean } {
  const lead = /^([^,;:]+?)了?[,;:]\s*(.+)$/u.exec(s);
  if (lead && isNoDay(lead[1])) return { rest: lead[2], noDay: true };
  const t = s.replace(/了$/u, '');
  const flat = squeeze(t);
  const w = NO_DAY_LONGEST.find((x) => flat.endsWith(x) && flat.length > x.length);
  if (!w) return { rest: s, noDay: false };
  // cut as many characters (not counting spaces) as the phrase has
  let cut = t.length;
  for (let left = w.length; left > 0; cut--) if (!/\s/.test(t[cut - 1])) left--;
  return { rest: stripTrailingPunctuation(t.slice(0, cut).trim()).replace(/(具体|是|哪天|几号)+$/u, ''), noDay: true };
}

/** When something happened, as said; "today" is taken in Asia/Shanghai. */
export function readDate(text: string, now: Date): DateReading {
  const said = slashMonthDay(stripTrailingPunctuation(normalizeInput(text)).toLowerCase());
  if (said === '') return { kind: 'invalid', reason: 'empty' };
  if (isNoDay(said)) return { kind: 'no_day' };
  const { rest, noDay } = splitNoDay(said);
  const today = shanghaiToday(now);
  const r = /[a-z]/.test(rest)
    ? readEnglish(rest.replace(/,/g, ' ').replace(/\s+/g, ' ').trim(), today)
    : (lunarSaid(squeeze(rest), today) ?? readSaid(stripAffixes(squeeze(rest), DATE_PREFIXES, DATE_SUFFIXES), today));
  // "那天是5月20号下大雨": the one date written among other words (date-inside.ts)
  const inside = r.kind === 'invalid' && r.reason === 'date_format' ? dateInside(said) : null;
  if (inside) return readDate(inside, now);
  // "开春的时候下了场冰雹": no date among the words, but a season or "前几天" — which month is asked
  if (r.kind === 'invalid' && r.reason === 'date_format') {
    const flat = squeeze(said);
    if (VAGUE_DAYS.some((w) => flat.includes(w))) return { kind: 'vague', what: 'days' };
    if (SEASONS.some((w) => flat.includes(w))) return { kind: 'vague', what: 'season' };
  }
  // "五月二十号左右", "大概20号": a day said as approximate is no exact day
  if (r.kind === 'day' && r.around === undefined && r.lunar === undefined && APPROX_DAY.test(squeeze(rest))) return { ...r, around: true };
  return noDay && r.kind === 'month' ? { ...r, dayUnknown: true } : r;
}

const EN_MONTH = `(${EN_MONTHS.join('|')}|${EN_MONTHS.map((m) => m.slice(0, 3)).join('|')})\\.?`;
const EN_DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const EN_PART = `(?:(${Object.keys(EN_MONTH_PARTS).join('|')}) )?`;
const EN_DATE = new RegExp(`^(?:on |in )?(?:the )?${EN_PART}(?:${EN_DAY} (?:of )?)?${EN_MONTH}(?: ${EN_DAY})?(?: (\\d{4}))?$`);

/** The English flow's forms: "yesterday", "3 days ago", "last friday", "3 august 2025", "august 2025". */
function readEnglish(s: string, today: Ymd): DateReading {
  const t = s.replace(/^(about|around|maybe|it was|on|in) /, '');
  if (EN_DAYS_BACK[t] !== undefined) return { kind: 'day', value: formatYmd(addDays(today, -EN_DAYS_BACK[t])) };
  const ago = /^(\d+) days? ago$/.exec(t);
  if (ago) return checkDay(addDays(today, -Number(ago[1])), today);
  const wd = /^(last |this )?(\w+)$/.exec(t);
  if (wd && EN_WEEKDAYS[wd[2]] !== undefined) {
    const zh = { 'last ': '上', 'this ': '这' }[wd[1] ?? ''] ?? '';
    return checkDay(weekday(`${zh}周${EN_WEEKDAYS[wd[2]]}`, today)!, today);
  }
  if (EN_VAGUE_DAYS.includes(t)) return { kind: 'vague', what: 'days' };
  if (EN_VAGUE_WEEKS.includes(t)) return { kind: 'vague', what: 'week' };
  if (EN_SEASONS.includes(t.replace(/^(last|this) /, ''))) return { kind: 'vague', what: 'season' };
  if (t === 'last year' || t === 'this year') return { kind: 'vague', what: 'year' };
  if (t === 'last month' || t === 'this month') return checkMonth(monthsBack(today, t === 'last month' ? 1 : 0).y, monthsBack(today, t === 'last month' ? 1 : 0).m, today);
  const m = EN_DATE.exec(t);
  if (!m) return /^\d/.test(t) ? readSaid(squeeze(t), today) : { kind: 'invalid', reason: 'date_format' };
  const [, part, dayBefore, monthName, dayAfter, yearText] = m;
  const month = EN_MONTHS.findIndex((x) => x.startsWith(monthName)) + 1;
  const dayText = dayBefore ?? dayAfter;
  const y = yearText !== undefined ? Number(yearText) : month > today.m ? today.y - 1 : today.y;
  if (dayText !== undefined) {
    if (part !== undefined) return { kind: 'invalid', reason: 'date_format' };
    const d = Number(dayText);
    const sameMonthLater = yearText === undefined && month === today.m && d > today.d;
    return checkDay({ y: sameMonthLater ? y - 1 : y, m: month, d }, today);
  }
  const r = checkMonth(y, month, today);
  return r.kind === 'month' && part !== undefined ? { ...r, part: EN_MONTH_PARTS[part] } : r;
}

function readSaid(s: string, today: Ymd): DateReading {
  if (isNoDay(s)) return { kind: 'no_day' };

  const back = DAYS_BACK[s];
  if (back !== undefined) return { kind: 'day', value: formatYmd(addDays(today, -back)) };
  const ago = DAYS_AGO.exec(s);
  if (ago) {
    const n = num(ago[1]);
    return n === null ? { kind: 'invalid', reason: 'date_format' } : checkDay(addDays(today, -n), today);
  }
  const wd = weekday(s, today);
  if (wd) return checkDay(wd, today);
  if (VAGUE_DAYS.includes(s)) return { kind: 'vague', what: 'days' };
  if (VAGUE_WEEKS.includes(s)) return { kind: 'vague', what: 'week' };
  const end = yearEnd(s, today);
  if (end) return end;
  // "去年这个时候": this month, a year or two back
  const sameTime = /^(去年|前年|大前年)的?(.+)$/u.exec(s);
  if (sameTime && THIS_TIME.includes(sameTime[2])) return checkMonth(today.y - YEARS_BACK[sameTime[1]], today.m, today);
  // "去年冬天", "今年夏天", "过年前后": a season, whichever year
  const season = s.replace(/^(今年|去年|前年)/u, '');
  if (SEASONS.includes(season)) return { kind: 'vague', what: 'season' };
  return calendarForm(s, today) ?? { kind: 'invalid', reason: 'date_format' };
}

const LUNAR_MONTH_WORDS = Object.keys(LUNAR_MONTHS).sort((a, b) => b.length - a.length);
const AROUND_OFF = DATE_SUFFIXES.filter((w) => !LUNAR_AROUND.test(w));

/** The lunar reading of what was said ("中秋前后": the day, and that it is approximate); null when it is not a lunar day or month. */
function lunarSaid(s: string, today: Ymd): DateReading | null {
  const t = stripAffixes(s, DATE_PREFIXES, AROUND_OFF);
  const around = LUNAR_AROUND.exec(t);
  const core = around ? stripAffixes(t.slice(0, -around[0].length), DATE_PREFIXES, DATE_SUFFIXES) : t;
  const r = lunarDay(core, today);
  return r && around && r.kind === 'day' ? { ...r, around: true } : r;
}

/** 初三 → 3, 二十三 / 廿三 → 23, 15 / 15号 → 15. */
function lunarDayNumber(day: string): number | null {
  const t = day.replace(/^初/u, '').replace(/^廿/u, '二十').replace(/[日号]$/u, '');
  return num(t);
}

/** "正月十五", "去年腊月二十三", "农历八月初三", "端午节", "大年三十", "腊月里": a lunar day or month in solar terms; null when not one. */
function lunarDay(s: string, today: Ymd): DateReading | null {
  const yearMatch = new RegExp(`^${YEAR}`, 'u').exec(s);
  const rest = s.slice(yearMatch?.[0].length ?? 0);
  const mark = LUNAR_MARKS.find((w) => rest.startsWith(w));
  const after = mark ? rest.slice(mark.length) : rest;
  let month: number;
  let day: number | 'eve' | null = null;
  let part: MonthPart | undefined;
  let monthText = '';
  const festival = LUNAR_FESTIVALS[after.replace(/节$/u, '')];
  if (festival !== undefined) {
    month = festival === 'eve' ? 12 : festival[0];
    day = festival === 'eve' ? 'eve' : festival[1];
  } else {
    const named = LUNAR_MONTH_WORDS.find((w) => after.startsWith(w));
    const numbered = mark && !named ? new RegExp(`^(${N})月`, 'u').exec(after) : null;
    const n = named ? LUNAR_MONTHS[named] : numbered ? num(numbered[1]) : null;
    if (n === null || n < 1 || n > 12) return null;
    month = n;
    monthText = named ?? numbered![0];
    let dayText = after.slice(monthText.length);
    const inMonth = LUNAR_IN_MONTH.find((w) => dayText.endsWith(w));
    if (inMonth) dayText = dayText.slice(0, -inMonth.length);
    if (dayText === '') day = null;
    else if (MONTH_PARTS[dayText] !== undefined && !inMonth) part = MONTH_PARTS[dayText];
    else if (LUNAR_DAY.test(dayText) && !inMonth) {
      day = lunarDayNumber(dayText);
      if (day === null) return null;
      if (month === 12 && day === 30) day = 'eve'; // 腊月三十 is 除夕, in a year of a 29-day 腊月 too
    } else return null;
  }
  // as understood, 农历 said: "农历腊月初八"; a month without its day is named without the words after it ("去年农历腊月")
  const said = `${yearMatch?.[0] ?? ''}${mark ?? (festival !== undefined ? '' : LUNAR_MARKS[0])}${day === null ? monthText : after}`;

  // the lunar year: as said ("2024年", "去年"), else the latest in which that day (or month) is not after today
  const thisYear = lunarYearOf(today);
  const [, yNum, yRel] = yearMatch ?? [];
  const said4 = yNum !== undefined ? year(yNum) : null;
  if (yNum !== undefined && said4 === null) return null;
  const fixed = said4 ?? (yRel !== undefined ? thisYear - YEARS_BACK[yRel] : null);
  const dayIn = (y: number): number | null => (day === 'eve' ? lunarMonthDays(y, 12) : day ?? PART_DAY[part ?? 'none']);
  const solarOf = (y: number): Ymd | null => {
    const d = dayIn(y);
    return d === null ? null : lunarToSolar(y, month, Math.min(d, lunarMonthDays(y, month) ?? d));
  };
  let ly = fixed ?? thisYear;
  const start = (y: number) => (day === null ? lunarToSolar(y, month, 1) : solarOf(y));
  if (fixed === null) {
    const first = start(ly);
    if (first !== null && isAfter(first, today)) ly -= 1;
  }
  const first = start(ly);
  const solar = solarOf(ly);
  if (first === null || solar === null) return { kind: 'invalid', reason: 'date_invalid' };
  if (isAfter(first, today)) return { kind: 'invalid', reason: 'date_future' };
  if (day !== null) {
    const r = checkDay(solar, today);
    return r.kind === 'day' ? { ...r, lunar: said } : r;
  }
  // a lunar month without its day: the solar month its said part (else its middle) falls in, not after today
  const shown = isAfter(solar, today) ? today : solar;
  const r = checkMonth(shown.y, shown.m, today);
  return r.kind === 'month' ? { ...r, lunar: said, ...(part ? { part } : {}) } : r;
}

/** The day standing for a part of a lunar month ("腊月底"), to find the solar month it falls in. */
const PART_DAY: Record<MonthPart | 'none', number> = { early: 5, mid: 15, late: 25, none: 15 };

/**
 * A past or present calendar day → 'YYYY-MM-DD', "today" being taken in Asia/Shanghai. Only a
 * day the text names: a month ("上个月", "8月份"), a week or a season gives 'date_format', for the
 * caller to ask which day — never the 1st of the month made up. `readDate` tells them apart.
 */
export function parseDate(text: string, now: Date): ParseResult<string> {
  const r = readDate(text, now);
  // a hedged day ("大概8月3号") is the day typed; a festival's "前后" is no day
  if (r.kind === 'day' && (!r.around || r.lunar === undefined)) return { ok: true, value: r.value };
  return { ok: false, reason: r.kind === 'invalid' ? r.reason : 'date_format' };
}
