/**
 * Time limits per status (configurable; the names and defaults are the workflow's,
 * flows/workflow/limits.ts). Working days are Monday to Friday in Asia/Shanghai, except the public
 * holidays the county lists (HOLIDAYS) and plus the make-up working weekends (调休, WORKDAYS) —
 * the State Council publishes each year's in December.
 */
import { z } from 'zod';
import { addDaysYmd } from '../../../flows/cadre/day';
import { shanghaiDate, shanghaiMidnight, shanghaiWeekday } from '../../../flows/china-time';
import { DEFAULT_TIME_LIMITS, LIMIT_NAMES, type CaseStatus, type Limit, type TimeLimits } from '../../../flows/workflow';
import { Day } from '../day';

export type { Limit, TimeLimits };

const LimitText = z.string().regex(/^\d{1,3}w?d$/, 'like 2d (days) or 5wd (working days)');

/**
 * Parses TIME_LIMITS, e.g. "village_review=2d,verification=5wd,total=15d"; unnamed statuses keep
 * their defaults.
 */
export function parseTimeLimits(text: string | undefined): TimeLimits {
  const limits: TimeLimits = { ...DEFAULT_TIME_LIMITS };
  if (!text?.trim()) return limits;
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [name, value] = part.split('=').map((p) => p?.trim());
    if (!name || !value || !(LIMIT_NAMES as readonly string[]).includes(name)) throw new Error(`TIME_LIMITS: unknown status "${name}"`);
    const parsed = LimitText.safeParse(value);
    if (!parsed.success) throw new Error(`TIME_LIMITS: ${name}=${value} must be ${parsed.error.issues[0]?.message}`);
    (limits as Record<string, Limit>)[name] = { days: parseInt(value, 10), working: value.endsWith('wd') };
  }
  return limits;
}

const DAY = 86_400_000;

/** The days the calendar moves (China dates, YYYY-MM-DD): public holidays off, make-up weekends on. */
export type WorkCalendar = { holidays: ReadonlySet<string>; workdays: ReadonlySet<string> };
export const WEEKENDS_ONLY: WorkCalendar = { holidays: new Set(), workdays: new Set() };

/** At most a year's holidays in one range (a typo such as 2026-10-01..2062-10-07 is refused, not looped over). */
const RANGE_MAX_DAYS = 366;

/** "2026-10-01..2026-10-08,2027-01-01": single days and inclusive ranges, comma-separated. */
function parseDays(name: string, text: string | undefined): Set<string> {
  const days = new Set<string>();
  for (const part of (text ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const [first, last = first] = part.split('..').map((p) => p.trim());
    if (!Day.safeParse(first).success || !Day.safeParse(last).success || last! < first!) throw new Error(`${name}: "${part}" must be a date YYYY-MM-DD or a range YYYY-MM-DD..YYYY-MM-DD`);
    for (let day = first!, n = 0; day <= last!; day = addDaysYmd(day, 1), n++) {
      if (n >= RANGE_MAX_DAYS) throw new Error(`${name}: "${part}" spans more than a year`);
      days.add(day);
    }
  }
  return days;
}

/** HOLIDAYS and WORKDAYS (a day in both is refused: the calendar would say two things). */
export function parseWorkCalendar(holidaysText: string | undefined, workdaysText: string | undefined): WorkCalendar {
  const holidays = parseDays('HOLIDAYS', holidaysText);
  const workdays = parseDays('WORKDAYS', workdaysText);
  const both = [...workdays].find((d) => holidays.has(d));
  if (both) throw new Error(`${both} is in both HOLIDAYS and WORKDAYS`);
  return { holidays, workdays };
}

/** The working-day rule: Monday to Friday in China time, less the calendar's holidays, plus its make-up days. */
export function isWorkingDay(instant: Date, calendar: WorkCalendar): boolean {
  const day = shanghaiDate(instant);
  if (calendar.workdays.has(day)) return true;
  if (calendar.holidays.has(day)) return false;
  const weekday = shanghaiWeekday(instant);
  return weekday !== 0 && weekday !== 6;
}

/** The moment `limit` after `from`. Working days skip weekends and holidays (in China time). */
export function addLimit(from: Date, limit: Limit, calendar: WorkCalendar): Date {
  if (!limit.working) return new Date(from.getTime() + limit.days * DAY);
  let at = from.getTime();
  let left = limit.days;
  while (left > 0) {
    at += DAY;
    if (isWorkingDay(new Date(at), calendar)) left -= 1;
  }
  return new Date(at);
}

/** Working days (China dates) after today's up to and including the due day's; 0 when due today (or before). */
export function workingDaysLeft(dueAt: Date, now: Date, calendar: WorkCalendar): number {
  const due = shanghaiDate(dueAt);
  let day = shanghaiDate(now);
  let n = 0;
  while (day < due) {
    day = addDaysYmd(day, 1);
    if (isWorkingDay(shanghaiMidnight(day), calendar)) n += 1;
  }
  return n;
}

/**
 * How near a case is to its limit, the console's colour (as Anhui's platform marks it): `overdue`
 * past it (or flagged by the deadline check), `soon` with one working day or less left, `ok`
 * otherwise; null without a limit.
 */
export type DueState = 'ok' | 'soon' | 'overdue';
/** Past its time limit: flagged by the deadline check, or due and not yet flagged. */
export function isPastDue(c: { dueAt: Date | null; overdueSince: Date | null }, now: Date): boolean {
  return c.overdueSince !== null || (c.dueAt !== null && c.dueAt < now);
}

export function dueState(c: { dueAt: Date | null; overdueSince: Date | null }, now: Date, calendar: WorkCalendar): DueState | null {
  if (isPastDue(c, now)) return 'overdue';
  if (c.dueAt === null) return null;
  return workingDaysLeft(c.dueAt, now, calendar) <= 1 ? 'soon' : 'ok';
}

export function dueAtFor(status: CaseStatus, enteredAt: Date, limits: TimeLimits, calendar: WorkCalendar): Date | null {
  const limit = limits[status];
  return limit ? addLimit(enteredAt, limit, calendar) : null;
}
