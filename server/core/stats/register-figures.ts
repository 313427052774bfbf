/**
 * The register's figures of the statistics (防返贫监测, issue 14), for the caller's region (the
 * villages of the statistics' scope) — one set-based statement per group:
 *   - households: 监测对象 now by category, and how many are 风险消除 now; 风险消除率 = eliminated /
 *     (monitored + eliminated), of the households now in the register (state now, not the period's);
 *   - months: per month of the period, the households newly identified (MonitoringEvent 'identified'),
 *     re-included ('reincluded') and eliminated ('eliminated') that month, by the China day each event
 *     takes effect (register/event-month.ts, the rule the register list filters by);
 *   - measures: the support measures (SupportMeasure) recorded for the households monitored now —
 *     their number and amount, and per monitored household;
 *   - alerts: the department alerts raised in the period (China dates of raisedAt), by department, and
 *     how many of them were closed within ALERT_CLOSE_DAYS calendar days of being raised (alerts without a
 *     department, a cadre's round, under NO_DEPARTMENT).
 * A figure of households comes with the register list's filters that list exactly them (`drill`,
 * GET /api/households, the console's /households?…); a department's alerts with the alert list's
 * (`drill`, GET /api/alerts, the console's /alerts?…), by the predicate that list applies (alerts/list.ts).
 */
import { HOUSEHOLD_CATEGORIES } from '../../../flows/workflow';
import { ALERT_STATUS, DEPARTMENT_CODES } from '../alerts/departments';
import { NO_DEPARTMENT, raisedBounds } from '../alerts/list';
import { chinaDaysBounds, eventDaySql, MONTH_EVENT_KINDS } from '../register/event-month';
import type { ListScope } from '../cases/list-query';
import type { RegionTree } from '../regions/tree';
import type { Period } from './period';

/** An alert counts as closed in time when closed within this many (calendar) days of being raised. */
export const ALERT_CLOSE_DAYS = 15;
export { NO_DEPARTMENT };

type Rows = <T>(sql: string, values: unknown[]) => Promise<T[]>;
const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const share = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);
const perHousehold = (v: number, households: number) => (households === 0 ? null : Math.round((v / households) * 100) / 100);

/** The villages of a scope (null: every village). */
function villagesOf(tree: RegionTree, scope: ListScope): string[] | null {
  if (scope.kind === 'all') return null;
  if (scope.kind === 'none') return [];
  return [...tree.villageIdsUnder(scope.regionId)];
}


/** A figure's households as the register list's query parameters (state, category, region). */
export type HouseholdsDrill = Record<string, string>;

/** `regionCode`: the region asked for, which goes into every drill (none: the caller's whole region, the list's own). */
export async function computeRegisterStats(rows: Rows, tree: RegionTree, scope: ListScope, period: Period, months: { month: string }[], regionCode: string | null = null) {
  const drill = (filter: HouseholdsDrill): HouseholdsDrill => ({ ...filter, ...(regionCode ? { region: regionCode } : {}) });
  const villages = villagesOf(tree, scope);
  /** `col` within the scope's villages: $1 is their list (null: every village). */
  const inScope = (col: string) => `($1::text[] IS NULL OR ${col} = ANY($1::text[]))`;
  const v = villages;

  const [states, events, measures, alerts] = await Promise.all([
    rows<{ state: string; category: string | null; n: unknown }>(
      `SELECT h."monitoringState"::text AS "state", h."monitoringCategory" AS "category", count(*) AS "n"
FROM "Household" h WHERE ${inScope('h."villageId"')} AND h."monitoringState" <> 'none' GROUP BY 1, 2`,
      [v],
    ),
    // households, not events: a month's figure is the register list's households (eventsTakingEffect)
    rows<{ month: string; type: string; n: unknown }>(
      `SELECT left(${eventDaySql('e')}, 7) AS "month", e."type", count(DISTINCT e."householdId") AS "n"
FROM "MonitoringEvent" e JOIN "Household" h ON h."id" = e."householdId"
WHERE ${inScope('h."villageId"')} AND e."type" = ANY($2::text[])
  AND (e."day" BETWEEN $5 AND $6 OR (e."day" IS NULL AND e."at" >= $3::timestamp AND e."at" < $4::timestamp)) GROUP BY 1, 2`,
      [v, [...MONTH_EVENT_KINDS], chinaDaysBounds(period.from, period.to).gte.toISOString(), chinaDaysBounds(period.from, period.to).lt.toISOString(), period.from, period.to],
    ),
    rows<{ households: unknown; withMeasures: unknown; measures: unknown; amount: unknown }>(
      `SELECT count(*) AS "households", count(*) FILTER (WHERE m."n" > 0) AS "withMeasures", COALESCE(sum(m."n"), 0) AS "measures", COALESCE(sum(m."amount"), 0) AS "amount"
FROM "Household" h CROSS JOIN LATERAL (SELECT count(*) AS "n", sum(s."amountFen") AS "amount" FROM "SupportMeasure" s WHERE s."householdId" = h."id") m
WHERE ${inScope('h."villageId"')} AND h."monitoringState" = 'monitored'`,
      [v],
    ),
    rows<{ department: string; raised: unknown; closed: unknown; closedInTime: unknown }>(
      `SELECT COALESCE(d."code", $6) AS "department", count(*) AS "raised", count(*) FILTER (WHERE a."status" = $4) AS "closed",
  count(*) FILTER (WHERE a."status" = $4 AND a."closedAt" <= a."raisedAt" + make_interval(days => $5::int)) AS "closedInTime"
FROM "Alert" a LEFT JOIN "Department" d ON d."id" = a."departmentId"
WHERE ${inScope('a."villageId"')} AND a."raisedAt" >= $2::timestamp AND a."raisedAt" < $3::timestamp GROUP BY 1`,
      [v, raisedBounds(period).gte.toISOString(), raisedBounds(period).lt.toISOString(), ALERT_STATUS.closed, ALERT_CLOSE_DAYS, NO_DEPARTMENT],
    ),
  ]);

  const count = (state: string, category?: string) => states.filter((s) => s.state === state && (category === undefined || s.category === category)).reduce((n, s) => n + num(s.n), 0);
  const monitored = count('monitored');
  const eliminated = count('eliminated');
  const byCategory = [...HOUSEHOLD_CATEGORIES, 'none'].map((category) => ({
    category,
    // monitored without a category: no list filter names them
    drill: category === 'none' ? null : drill({ state: 'monitored', category }),
    n: category === 'none' ? states.filter((s) => s.state === 'monitored' && (s.category === null || !(HOUSEHOLD_CATEGORIES as readonly string[]).includes(s.category))).reduce((n, s) => n + num(s.n), 0) : count('monitored', category),
  }));

  const eventN = (month: string, type: string) => num(events.find((e) => e.month === month && e.type === type)?.n);
  const monthFigures = months.map(({ month }) => ({
    month,
    identified: eventN(month, 'identified'),
    reincluded: eventN(month, 'reincluded'),
    eliminated: eventN(month, 'eliminated'),
    /** The register list's filters of each figure's households. */
    drill: Object.fromEntries(MONTH_EVENT_KINDS.map((event) => [event, drill({ event, month })])) as Record<(typeof MONTH_EVENT_KINDS)[number], HouseholdsDrill>,
  }));

  const m = measures[0];
  const households = num(m?.households);
  const measureCount = num(m?.measures);
  const amountFen = num(m?.amount);

  const byDept = new Map(alerts.map((a) => [a.department, a]));
  const departments = [...DEPARTMENT_CODES, ...alerts.map((a) => a.department).filter((c) => !(DEPARTMENT_CODES as readonly string[]).includes(c))].map((department) => {
    const a = byDept.get(department);
    const raised = num(a?.raised);
    const closedInTime = num(a?.closedInTime);
    // the alert list's filters of the department's alerts raised in the period (any status: none asked)
    const alertsDrill = { department, raisedFrom: period.from, raisedTo: period.to, ...(regionCode ? { region: regionCode } : {}) };
    return { department, raised, closed: num(a?.closed), closedInTime, closedInTimeShare: share(closedInTime, raised), drill: alertsDrill };
  });
  const raised = departments.reduce((s, d) => s + d.raised, 0);
  const closedInTime = departments.reduce((s, d) => s + d.closedInTime, 0);

  return {
    monitored,
    eliminated,
    drill: { monitored: drill({ state: 'monitored' }), eliminated: drill({ state: 'eliminated' }) },
    /** eliminated / (monitored + eliminated), in percent (null: none in the register). */
    eliminationRate: share(eliminated, monitored + eliminated),
    byCategory,
    months: monthFigures,
    identified: monthFigures.reduce((s, x) => s + x.identified, 0),
    reincluded: monthFigures.reduce((s, x) => s + x.reincluded, 0),
    eliminatedInPeriod: monthFigures.reduce((s, x) => s + x.eliminated, 0),
    measures: {
      households,
      /** The households the measures are counted over: those monitored now. */
      drill: drill({ state: 'monitored' }),
      withMeasures: num(m?.withMeasures),
      count: measureCount,
      amountFen,
      perHousehold: perHousehold(measureCount, households),
      amountFenPerHousehold: households === 0 ? null : Math.round(amountFen / households),
    },
    alerts: { closeDays: ALERT_CLOSE_DAYS, raised, closed: departments.reduce((s, d) => s + d.closed, 0), closedInTime, closedInTimeShare: share(closedInTime, raised), byDepartment: departments },
  };
}

export type RegisterStats = Awaited<ReturnType<typeof computeRegisterStats>>;
