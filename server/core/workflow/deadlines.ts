/**
 * Time limits per status (configurable; the names and defaults are the workflow's,
 * flows/workflow/limits.ts). Working days skip Saturdays and Sundays in Asia/Shanghai; public
 * holidays are not known here.
 */
import { z } from 'zod';
import { shanghaiWeekday } from '../../../flows/china-time';
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

/** The moment `limit` after `from`. Working days skip weekends (in China time). */
export function addLimit(from: Date, limit: Limit): Date {
  if (!limit.working) return new Date(from.getTime() + limit.days * DAY);
  let at = from.getTime();
  let left = limit.days;
  while (left > 0) {
    at += DAY;
    const weekday = shanghaiWeekday(new Date(at));
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return new Date(at);
}

export function dueAtFor(status: CaseStatus, enteredAt: Date, limits: TimeLimits): Date | null {
  const limit = limits[status];
  return limit ? addLimit(enteredAt, limit) : null;
}
