/**
 * A date said among other words ("那天是5月20号下大雨", "前几天下大雨那天 6月10号"): the one month-and-day
 * (or year-month-day) written in it, read alone. Null when there is none, or more than one — two
 * dates in one answer are not chosen between.
 */
const NUM = '(?:[0-9]{1,4}|[零〇一二两三四五六七八九十]{1,4})';
const DAY_IN_WORDS = new RegExp(`(?:${NUM}年)?${NUM}月(?:份)?${NUM}[日号]`, 'gu');

/** The single written date inside a longer answer, or null. */
export function dateInside(text: string): string | null {
  const found = [...text.matchAll(DAY_IN_WORDS)].map((m) => m[0]);
  return found.length === 1 && found[0] !== text ? found[0] : null;
}

/** "5/20" written for May 20th: the month-day form the reader knows ("5-20"). */
export function slashMonthDay(text: string): string {
  return text.replace(/^(\d{1,2})\/(\d{1,2})$/u, '$1-$2');
}
