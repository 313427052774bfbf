/**
 * The monitoring register's vocabulary (防返贫监测, server/core/register): a household's monitoring
 * states, the causes and sources of its risks, the kinds of its history's events. Their words are
 * the 'register' namespace of flows/i18n (register.state.<s>, register.risk_cause.<c>,
 * register.risk_source.<s>, register.event.<e>); the categories and measures are the decision's
 * (flows/workflow HOUSEHOLD_CATEGORIES, MEASURES: workflow.category.<c>, workflow.measure.<m>).
 */
import { CAUSES, type Cause } from '../engine/types';

/** none: not monitored; monitored: 监测对象 (with a category and since); eliminated: 风险消除. */
export const MONITORING_STATES = ['none', 'monitored', 'eliminated'] as const;
export type MonitoringState = (typeof MONITORING_STATES)[number];

/** A risk's cause: an application's causes, and other (就业不稳, 产业失败, 突发事件…, named in its note). */
export const RISK_CAUSES = [...CAUSES, 'other'] as const satisfies readonly (Cause | 'other')[];
export type RiskCause = (typeof RISK_CAUSES)[number];

/** Where a risk was found: a villager's application, a department's alert, a cadre's round (干部排查), an import. */
export const RISK_SOURCES = ['application', 'alert', 'cadre_round', 'import'] as const;
export type RiskSource = (typeof RISK_SOURCES)[number];

/**
 * What a household's history records: identified (a decided case made it a 监测对象), reincluded
 * (返贫/再次纳入 after 风险消除), eliminated (风险消除), category_changed (a later decision named
 * another category), responsible_set (帮扶责任人), labour_flag_set (无劳动能力), measure_added, risk_added.
 */
export const MONITORING_EVENTS = [
  'identified',
  'reincluded',
  'eliminated',
  'category_changed',
  'responsible_set',
  'labour_flag_set',
  'measure_added',
  'risk_added',
  // a follow-up visit (走访) recorded; the steps of a 风险消除 proposal (its approval by the county is 'eliminated')
  'follow_up',
  'elimination_proposed',
  'elimination_town_approved',
  'elimination_returned',
  'elimination_rejected',
] as const;
export type MonitoringEventType = (typeof MONITORING_EVENTS)[number];

/** Follow-up interval (months) of a 监测对象 when the county set none: monthly. */
export const DEFAULT_FOLLOW_UP_MONTHS = 1;

/** How long (months) a household is monitored, its visits all above the income line, before 风险消除 may be proposed, when the county set none. */
export const DEFAULT_ELIMINATION_MIN_MONTHS = 6;

/**
 * A 风险消除 proposal (server/core/register/elimination.ts): proposed by the village, town_approved,
 * then county_approved (the household is eliminated) — or sent_back (退回: to be proposed again
 * later) or declined (不予通过), with a reason, by the town or the county. Words: register.elimination_status.<s>.
 */
export const ELIMINATION_STATUSES = ['proposed', 'town_approved', 'county_approved', 'sent_back', 'declined'] as const;
export type EliminationStatus = (typeof ELIMINATION_STATUSES)[number];
/** The statuses of a proposal still waiting for a step. */
export const OPEN_ELIMINATION_STATUSES = ['proposed', 'town_approved'] as const satisfies readonly EliminationStatus[];

/** What a step does: the town approves a proposed one, the county a town-approved one; either returns or rejects one open at its level. */
export const ELIMINATION_ACTIONS = ['approve', 'return', 'reject'] as const;
export type EliminationAction = (typeof ELIMINATION_ACTIONS)[number];

/** The status an open proposal is in when `level` acts on it, and where each action takes it from there. */
export const ELIMINATION_STEPS = {
  town: { from: 'proposed', approve: 'town_approved', return: 'sent_back', reject: 'declined' },
  county: { from: 'town_approved', approve: 'county_approved', return: 'sent_back', reject: 'declined' },
} as const satisfies Record<'town' | 'county', { from: EliminationStatus } & Record<EliminationAction, EliminationStatus>>;

/** The China day (YYYY-MM-DD) `months` months after `day` (before, when negative), the day of the month kept or the month's last. */
export function addMonthsToDay(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
