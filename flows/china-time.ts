/**
 * China time, once: villagers and offices live in Asia/Shanghai, times are stored UTC. China keeps
 * UTC+8 all year (no daylight saving), so shifting by eight hours is exact — no time-zone database
 * needed, here or in the mini-program. Dates travel as 'YYYY-MM-DD' strings.
 */

/** The IANA name, for libraries that take one (the job scheduler). */
export const CHINA_TIME_ZONE = 'Asia/Shanghai';

const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** An instant as China's wall clock: a Date whose UTC fields read China time. */
const wallClock = (instant: Date | string): Date => new Date((typeof instant === 'string' ? new Date(instant) : instant).getTime() + OFFSET_MS);

/** An instant → its calendar date in China, 'YYYY-MM-DD'. */
export function shanghaiDate(instant: Date | string): string {
  return wallClock(instant).toISOString().slice(0, 10);
}

/** An instant → China date and time to the minute, 'YYYY-MM-DD HH:MM'. */
export function shanghaiDateTime(instant: Date): string {
  return wallClock(instant).toISOString().slice(0, 16).replace('T', ' ');
}

/** The calendar year in China (a case filed on New Year's Eve night belongs to the new year there). */
export function shanghaiYear(instant: Date): number {
  return wallClock(instant).getUTCFullYear();
}

/** The weekday in China: 0 Sunday … 6 Saturday. */
export function shanghaiWeekday(instant: Date): number {
  return wallClock(instant).getUTCDay();
}

/** The instant a China calendar day 'YYYY-MM-DD' begins (00:00 in China, 16:00 UTC the day before). */
export function shanghaiMidnight(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

/** The instant the China day holding `instant` began. */
export function startOfShanghaiDay(instant: Date): Date {
  return new Date(Math.floor((instant.getTime() + OFFSET_MS) / DAY_MS) * DAY_MS - OFFSET_MS);
}

/** The instant the next China day begins after `instant` (China keeps no daylight saving: a day is 24 hours). */
export function startOfNextShanghaiDay(instant: Date): Date {
  return new Date(startOfShanghaiDay(instant).getTime() + DAY_MS);
}

/** Whole calendar days from day `a` to day `b` ('YYYY-MM-DD'); negative when `b` is earlier. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}
