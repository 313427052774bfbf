/**
 * The time limits: one per status a case waits in for someone, plus `total` (the whole
 * identification). Their defaults; the county configures them (TIME_LIMITS, server/config.ts).
 */
import type { CaseStatus } from './statuses';

export type Limit = { days: number; working: boolean };

/** Statuses with a time limit, and `total`: the names TIME_LIMITS and the FAQ's {{limits.…}} use. */
export const LIMIT_NAMES = ['village_review', 'town_review', 'county_review', 'verification', 'assessment', 'publicity', 'approved', 'returned', 'total'] as const;
export type LimitName = (typeof LIMIT_NAMES)[number];
/** The statuses a case waits in for someone (each has a time limit and a step name in the notices). */
export const TIMED_STATUSES = LIMIT_NAMES.filter((n): n is Exclude<LimitName, 'total'> => n !== 'total') satisfies readonly CaseStatus[];

export type TimeLimits = Partial<Record<CaseStatus, Limit>> & { total: Limit };

/** The village acts within 2 days, verification within 5 working days, the whole identification within about 15 days. */
export const DEFAULT_TIME_LIMITS: TimeLimits & Record<LimitName, Limit> = {
  village_review: { days: 2, working: false },
  town_review: { days: 3, working: false },
  county_review: { days: 3, working: false },
  verification: { days: 5, working: true },
  assessment: { days: 3, working: false },
  // from the start of the notice: it lasts at least PUBLICITY_MIN_DAYS, then the county decides
  publicity: { days: 10, working: false },
  approved: { days: 10, working: true },
  returned: { days: 10, working: false },
  total: { days: 15, working: false },
};
