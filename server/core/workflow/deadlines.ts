/**
 * Time limits per status (configurable; the names and defaults are the workflow's,
 * flows/workflow/limits.ts). Working days skip Saturdays and Sundays in Asia/Shanghai; public
 * holidays are not known here.
 */
import { z } from 'zod';
import { addDaysYmd } from '../../../flows/cadre/day';
import { shanghaiDate, shanghaiMidnight, shanghaiWeekday } from '../../../flows/china-time';
import { DEFAULT_TIME_LIMITS, LIMIT_NAMES, type CaseStatus, type Limit, type TimeLimits } from '../../../flows/workflow';

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

/** The working-day rule: Monday to Friday in China time (public holidays and their make-up days are not known here). */
export function isWorkingDay(instant: Date): boolean {
  const weekday = shanghaiWeekday(instant);
  return weekday !== 0 && weekday !== 6;
}

/** The moment `limit` after `from`. Working days skip weekends (in China time). */
export function addLimit(from: Date, limit: Limit): Date {
  if (!limit.working) return new Date(from.getTime() + limit.days * DAY);
  let at = from.getTime();
  let left = limit.days;
  while (left > 0) {
    at += DAY;
    if (isWorkingDay(new Date(at))) left -= 1;
  }
  return new Date(at);
}

/** Working days (China dates) after today's up to and including the due day's; 0 when due today (or before). */
export function workingDaysLeft(dueAt: Date, now: Date): number {
  const due = shanghaiDate(dueAt);
  let day = shanghaiDate(now);
  let n = 0;
  while (day < due) {
    day = addDaysYmd(day, 1);
    if (isWorkingDay(shanghaiMidnight(day))) n += 1;
  }
  return n;
}

/**
 * How near a case is to its limit, the console's colour (as Anhui's platform marks it): `overdue`
 * past it (or flagged by the deadline check), `soon` with one working day or less left, `ok`
 * otherwise; null without a limit.
 */
export type DueState = 'ok' | 'soon' | 'overdue';
export function dueState(c: { dueAt: Date | null; overdueSince: Date | null }, now: Date): DueState | null {
  if (c.overdueSince !== null || (c.dueAt !== null && c.dueAt < now)) return 'overdue';
  if (c.dueAt === null) return null;
  return workingDaysLeft(c.dueAt, now) <= 1 ? 'soon' : 'ok';
}

export function dueAtFor(status: CaseStatus, enteredAt: Date, limits: TimeLimits): Date | null {
  const limit = limits[status];
  return limit ? addLimit(enteredAt, limit) : null;
}
