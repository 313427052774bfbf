/**
 * A date said among other words ("那天是5月20号下大雨", "前几天下大雨那天 6月10号"): the one month-and-day
 * (or year-month-day) written in it, read alone. Null when there is none, or more than one — two
 * dates in one answer are not chosen between.
 */
import { LUNAR_MARKS, LUNAR_MONTHS, MONTH_PARTS, YEAR_ENDS } from './date-words';

const NUM = '(?:[0-9]{1,4}|[零〇一二两三四五六七八九十]{1,4})';
const YEAR = `(?:${NUM}年|今年|去年|前年|大前年)`;
const PARTS = Object.keys(MONTH_PARTS).sort((a, b) => b.length - a.length).join('|');
const LUNAR = `(?:${LUNAR_MARKS.join('|')})?(?:${Object.keys(LUNAR_MONTHS).sort((a, b) => b.length - a.length).join('|')})`;
const ENDS = Object.keys(YEAR_ENDS).sort((a, b) => b.length - a.length).join('|');
/**
 * A day ("7月3号"), a month with its part ("五月下旬", "去年8月", "上个月底", "去年腊月") or a year's end
 * ("去年年底", "2024年底") among other words; a day is tried first where both start.
 */
const DATE_IN_WORDS = new RegExp(
  [
    `(?:${NUM}年)?${NUM}月(?:份)?${NUM}[日号]`,
    // not a month whose day follows unread ("腊月四十", "五月三十五"): that is no date
    `${YEAR}?(?:${NUM}月份?|上上个?月|上个?月|${LUNAR})(?:${PARTS})?(?![0-9零〇一二两三四五六七八九十廿初])`,
    `${YEAR}?(?:${ENDS})|${YEAR}(?:初|底|末)`,
  ].join('|'),
  'gu',
);

/** The single written date inside a longer answer, or null. */
export function dateInside(text: string): string | null {
  const found = [...text.matchAll(DATE_IN_WORDS)].map((m) => m[0]);
  return found.length === 1 && found[0] !== text ? found[0] : null;
}

/** "5/20" written for May 20th: the month-day form the reader knows ("5-20"). */
export function slashMonthDay(text: string): string {
  return text.replace(/^(\d{1,2})\/(\d{1,2})$/u, '$1-$2');
}
