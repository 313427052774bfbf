/**
 * Days of the lunar calendar (农历) turned into the solar calendar, as a cadre with an almanac does:
 * "腊月二十三" is the latest 腊月二十三 not after today, "去年中秋" last lunar year's 八月十五.
 * lunar-javascript does the arithmetic (leap months, months of 29 days).
 */
/// <reference path="./lunar-javascript.d.ts" />
import { Lunar, LunarMonth, Solar } from 'lunar-javascript';
import type { Ymd } from './calendar';

/** The lunar year today falls in (before 春节 it is still last solar year's). */
export function lunarYearOf(today: Ymd): number {
  return Solar.fromYmd(today.y, today.m, today.d).getLunar().getYear();
}

/** Days in a lunar month (29 or 30); null outside the almanac's years. */
export function lunarMonthDays(year: number, month: number): number | null {
  return LunarMonth.fromYm(year, month)?.getDayCount() ?? null;
}

/** The solar day of a lunar one (never the leap month of that number); null when it does not exist. */
export function lunarToSolar(year: number, month: number, day: number): Ymd | null {
  const days = lunarMonthDays(year, month);
  if (days === null || day < 1 || day > days) return null;
  const s = Lunar.fromYmd(year, month, day).getSolar();
  return { y: s.getYear(), m: s.getMonth(), d: s.getDay() };
}
