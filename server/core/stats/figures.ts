/**
 * The county office's figures for a region and a period (the month-end report): each a few
 * set-based statements (GROUP BY over the period's cases and their events — no loop over cases in
 * Node), read with the work queue's own conditions (cases/list-query.ts conditions, list-figures.ts),
 * so that every figure comes with the queue filters that list exactly its cases (`drill`).
 *
 * A case's events are read per case (CROSS JOIN LATERAL a subquery PostgreSQL cannot flatten into
 * a join: DISTINCT, GROUP BY, a window, OFFSET 0), from the index on CaseEvent (caseId, at, seq,
 * toStatus, fromStatus) alone: the work is the period's cases, whatever the register's size. As a
 * plain join the planner read the whole CaseEvent table for a month (~5 s at 1,000,000 cases;
 * bench/README.md "The statistics' reads").
 *
 * The period's cases are those submitted in it (China dates); the payments are those paid in it.
 *   - applications: by cause × household category × town × village; by channel; where they are now;
 *   - funnel: how many reached each status (from the case events) and how many are in each now;
 *   - steps: per timed status, the cases that went through it (a completed stay), the days they
 *     spent there (median, 90th percentile; several stays add up) and how many kept its time limit
 *     at every stay (working days by the county's calendar);
 *   - identification: decided (approved or rejected) and within the whole limit (limits.total) of
 *     submitting;
 *   - returns (by step, by missing item) and rejections (by reason);
 *   - payments by month (paidAt in China time) against the county's budget for the year.
 */
import { addDaysYmd } from '../../../flows/cadre/day';
import { shanghaiDate } from '../../../flows/china-time';
import { CASE_STATUS, CASE_STATUSES, HOUSEHOLD_CATEGORIES, TIMED_STATUSES, type CaseStatus, type Limit, type TimeLimits } from '../../../flows/workflow';
import { CAUSES } from '../../../flows/engine/types';
import type { PrismaClient } from '../../generated/prisma/client';
import type { SqlRunner } from '../db/direct';
import { CASE_NOS_MAX, CHANNEL_KINDS, channelKindSql, dayRange, deadlineTable, decidedAtSql, staysOf, type DeadlineTable, type FigureFilter } from '../cases/list-figures';
import { conditions, Params, type ListScope } from '../cases/list-query';
import type { RegionRow, RegionTree } from '../regions/tree';
import type { WorkCalendar } from '../workflow/deadlines';
import { yearsOf, type Period } from './period';
import { computeRegisterStats } from './register-figures';

type Db = Pick<SqlRunner, 'rows'> | Pick<PrismaClient, '$queryRawUnsafe'>;
const isRunner = (db: Db): db is Pick<SqlRunner, 'rows'> => typeof (db as { rows?: unknown }).rows === 'function';
const rowsOf = <T>(db: Db, sql: string, values: unknown[]): Promise<T[]> => (isRunner(db) ? db.rows<T>(sql, values) : db.$queryRawUnsafe<T[]>(sql, ...values));
/** count(*), sum(…) and percentiles arrive as numbers, strings (bigint through pg) or BigInt (Prisma). */
const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const maybe = (v: unknown): number | null => (v === null || v === undefined ? null : Math.round(Number(v) * 10) / 10);

/** A figure's cases as work-queue query parameters (GET /api/cases, the console's /cases?…). */
export type Drill = Record<string, string>;

export type StatsRequest = {
  scope: ListScope;
  /** The region asked for (its code goes into every drill), or null: the caller's whole region. */
  region: RegionRow | null;
  period: Period;
  limits: TimeLimits;
  calendar: WorkCalendar;
  /** The county's budget per year (fen), for the years of the period. */
  budgets: Map<number, number>;
  /** Opens a rejection reason as stored (sealed); without it the reasons are not read. */
  openReason?: (stored: string | null, caseNo: string) => string | null;
  now: Date;
};

const share = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

export async function computeStats(db: Db, tree: RegionTree, req: StatsRequest) {
  const { period, scope, now } = req;
  const base: Drill = { submittedFrom: period.from, submittedTo: period.to, ...(req.region ? { region: req.region.code } : {}) };
  const drill = (extra: Drill, b: Drill = base): Drill => ({ ...b, ...extra });
  // the deadlines of stays that began from the period's first day up to today (or the period's end, if later)
  const today = shanghaiDate(now);
  const last = period.to > today ? period.to : today;
  const deadlines = deadlineTable(req.limits, req.calendar, period.from, addDaysYmd(last, 1));
  const cohort: FigureFilter = { submitted: dayRange(period.from, period.to) };

  /** The statement `build` writes over the period's cases ("Case" c, `where` their conditions). */
  const query = async <T>(build: (where: string, p: Params) => string, figures: FigureFilter = cohort): Promise<T[]> => {
    const p = new Params();
    const where = conditions({ scope, figures, now }, p).join('\n  AND ');
    return rowsOf<T>(db, build(where, p), p.values);
  };

  const [groups, reached, steps, identified, returnsByStep, returnItems, rejectedFrom, rejections, payments, yearPayments] = await Promise.all([
    query<{ cause: string; category: string | null; townId: string | null; villageId: string; channel: string; status: string; n: unknown }>(
      (where) => `SELECT c."cause"::text AS "cause", c."householdCategory" AS "category", c."townId", c."villageId", ${channelKindSql()} AS "channel", c."status", count(*) AS "n"
FROM "Case" c WHERE ${where} GROUP BY 1, 2, 3, 4, 5, 6`,
    ),
    query<{ status: string; n: unknown }>(
      (where) => `SELECT e."status", count(*) AS "n"
FROM "Case" c CROSS JOIN LATERAL (SELECT DISTINCT e."toStatus" AS "status" FROM "CaseEvent" e WHERE e."caseId" = c."id" AND e."toStatus" IS NOT NULL) e
WHERE ${where} GROUP BY 1`,
    ),
    query<{ status: string; n: unknown; late: unknown; median: unknown; p90: unknown }>(
      (where, p) => `WITH "deadline" AS (${deadlineRows(deadlines, p)}),
"stay" AS MATERIALIZED (
  SELECT c."id" AS "caseId", s."toStatus" AS "status", s."at", s."leftAt"
  FROM "Case" c CROSS JOIN LATERAL (${staysOf('c')}) s WHERE ${where}
),
"per_case" AS (
  SELECT s."caseId", s."status", sum(extract(epoch FROM s."leftAt" - s."at")) / 86400 AS "days",
    bool_or(s."leftAt" > ${dueJoined('s."at"', 's."status"', deadlines, p)}) AS "late"
  FROM "stay" s LEFT JOIN "deadline" d ON d."name" = s."status" AND d."day" = (s."at" + interval '8 hours')::date
  WHERE s."leftAt" IS NOT NULL AND s."status" = ANY(${p.add([...TIMED_STATUSES], 'text[]')})
  GROUP BY 1, 2
)
SELECT "status", count(*) AS "n", count(*) FILTER (WHERE "late") AS "late",
  percentile_cont(0.5) WITHIN GROUP (ORDER BY "days") AS "median", percentile_cont(0.9) WITHIN GROUP (ORDER BY "days") AS "p90"
FROM "per_case" GROUP BY 1`,
    ),
    query<{ n: unknown; late: unknown; median: unknown; p90: unknown }>(
      (where, p) => `WITH "deadline" AS (${deadlineRows(deadlines, p)}),
"decided" AS (
  SELECT c."submittedAt", e."decidedAt"
  FROM "Case" c CROSS JOIN LATERAL (SELECT ${decidedAtSql('c', (value, cast) => p.add(value, cast))} AS "decidedAt" OFFSET 0) e WHERE ${where} AND e."decidedAt" IS NOT NULL
)
SELECT count(*) AS "n", count(*) FILTER (WHERE x."decidedAt" > ${dueJoined('x."submittedAt"', `'total'`, deadlines, p)}) AS "late",
  percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM x."decidedAt" - x."submittedAt") / 86400) AS "median",
  percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM x."decidedAt" - x."submittedAt") / 86400) AS "p90"
FROM "decided" x LEFT JOIN "deadline" d ON d."name" = 'total' AND d."day" = (x."submittedAt" + interval '8 hours')::date`,
    ),
    query<{ from: string | null; cases: unknown; events: unknown }>(
      (where, p) => `SELECT e."fromStatus" AS "from", count(DISTINCT c."id") AS "cases", sum(e."events") AS "events"
FROM "Case" c CROSS JOIN LATERAL (SELECT e."fromStatus", count(*) AS "events" FROM "CaseEvent" e WHERE e."caseId" = c."id" AND e."toStatus" = ${p.add(CASE_STATUS.returned, 'text')} GROUP BY 1) e
WHERE ${where} GROUP BY ROLLUP (1)`,
    ),
    query<{ item: string; cases: unknown }>(
      (where) => `SELECT i."item", count(DISTINCT c."id") AS "cases"
FROM "Case" c CROSS JOIN LATERAL jsonb_array_elements_text(CASE WHEN jsonb_typeof(c."missingItems") = 'array' THEN c."missingItems" ELSE '[]'::jsonb END) i("item")
WHERE ${where} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${TOP}`,
      { ...cohort, returned: {} },
    ),
    query<{ from: string | null; cases: unknown }>(
      (where, p) => `SELECT e."fromStatus" AS "from", count(*) AS "cases"
FROM "Case" c CROSS JOIN LATERAL (SELECT DISTINCT e."fromStatus" FROM "CaseEvent" e WHERE e."caseId" = c."id" AND e."toStatus" = ${p.add(CASE_STATUS.rejected, 'text')}) e
WHERE ${where} GROUP BY 1`,
    ),
    // the reasons are sealed (free text that can name an illness): the latest rejected cases' reasons, opened and counted here
    query<{ caseNo: string; reason: string | null }>(
      (where, p) => `SELECT c."caseNo", c."rejectionReason" AS "reason" FROM "Case" c WHERE ${where} AND c."status" = ${p.add(CASE_STATUS.rejected, 'text')}
ORDER BY c."submittedAt" DESC, c."caseNo" DESC LIMIT ${p.add(REASONS_READ, 'int')}`,
    ),
    query<{ month: string; cases: unknown; amount: unknown }>(
      (where) => `SELECT to_char(c."paidAt" + interval '8 hours', 'YYYY-MM') AS "month", count(*) AS "cases", sum(c."approvedAmountFen") AS "amount"
FROM "Case" c WHERE ${where} GROUP BY 1 ORDER BY 1`,
      { paid: dayRange(period.from, period.to) },
    ),
    query<{ year: unknown; cases: unknown; amount: unknown }>(
      (where) => `SELECT extract(year FROM c."paidAt" + interval '8 hours')::int AS "year", count(*) AS "cases", sum(c."approvedAmountFen") AS "amount"
FROM "Case" c WHERE ${where} GROUP BY 1`,
      { paid: dayRange(`${yearsOf(period)[0]}-01-01`, `${yearsOf(period).at(-1)}-12-31`) },
    ),
  ]);
  // the register's figures (register-figures.ts): its households, events, measures and alerts in the same region
  const register = await computeRegisterStats((sql, values) => rowsOf(db, sql, values), tree, scope, period, monthList(period), req.region?.code ?? null);

  // ---- applications: the grouped rows added up along each dimension (a few hundred rows, not cases)
  const total = groups.reduce((s, g) => s + num(g.n), 0);
  const sumBy = <K extends string>(key: (g: (typeof groups)[number]) => K | null) => {
    const out = new Map<K, number>();
    for (const g of groups) {
      const k = key(g);
      if (k !== null) out.set(k, (out.get(k) ?? 0) + num(g.n));
    }
    return out;
  };
  const byCause = sumBy((g) => g.cause);
  const byCategory = sumBy((g) => g.category ?? 'none');
  const byCauseCategory = sumBy((g) => `${g.cause}|${g.category ?? 'none'}`);
  const byChannel = sumBy((g) => g.channel);
  const byStatus = sumBy((g) => g.status);
  // by region, one level below the one looked at (a county's towns, a town's villages)
  const level = scope.kind === 'county' || scope.kind === 'all' ? 'town' : 'village';
  const byRegion = sumBy((g) => (level === 'town' ? g.townId : g.villageId));
  const byVillage = sumBy((g) => `${g.cause}|${g.category ?? 'none'}|${g.villageId}`);
  const regionOf = (id: string | null) => (id ? (tree.byId.get(id) ?? null) : null);
  const categories = [...HOUSEHOLD_CATEGORIES, 'none'] as const;

  const applications = {
    total,
    drill: drill({}),
    byCause: CAUSES.map((cause) => ({ cause, n: byCause.get(cause) ?? 0, drill: drill({ cause }) })),
    byCategory: categories.map((category) => ({ category, n: byCategory.get(category) ?? 0, drill: drill({ category }) })),
    byCauseCategory: CAUSES.flatMap((cause) => categories.map((category) => ({ cause, category, n: byCauseCategory.get(`${cause}|${category}`) ?? 0, drill: drill({ cause, category }) }))),
    regionLevel: level,
    byRegion: [...byRegion]
      .map(([id, n]) => ({ region: regionOf(id), n }))
      .filter((r): r is { region: RegionRow; n: number } => r.region !== null)
      .sort((a, b) => a.region.sortOrder - b.region.sortOrder || a.region.code.localeCompare(b.region.code))
      .map(({ region, n }) => ({ code: region.code, name: region.name, nameEn: region.nameEn, n, drill: drill({ region: region.code }) })),
    /** Every cause × category × village with cases (the XLSX's full table). */
    rows: [...byVillage]
      .map(([key, n]) => {
        const [cause, category, villageId] = key.split('|') as [string, string, string];
        const village = regionOf(villageId);
        const town = regionOf(village?.parentId ?? null);
        return { cause, category, town: town ? { code: town.code, name: town.name } : null, village: village ? { code: village.code, name: village.name } : null, n, drill: drill({ cause, category, ...(village ? { region: village.code } : {}) }) };
      })
      .sort((a, b) => (a.village?.code ?? '').localeCompare(b.village?.code ?? '') || a.cause.localeCompare(b.cause) || a.category.localeCompare(b.category)),
  };

  const channels = CHANNEL_KINDS.map((channel) => ({ channel, n: byChannel.get(channel) ?? 0, drill: drill({ channel }) }));

  const reachedBy = new Map(reached.map((r) => [r.status, num(r.n)]));
  const funnel = CASE_STATUSES.map((status) => ({
    status,
    reached: reachedBy.get(status) ?? 0,
    reachedDrill: drill({ reached: status }),
    now: byStatus.get(status) ?? 0,
    nowDrill: drill({ status }),
  }));

  const stepBy = new Map(steps.map((s) => [s.status, s]));
  const stepFigures = TIMED_STATUSES.map((status) => {
    const s = stepBy.get(status);
    const n = num(s?.n);
    const late = num(s?.late);
    return {
      status,
      limit: req.limits[status] ?? null,
      cases: n,
      within: n - late,
      late,
      withinShare: share(n - late, n),
      medianDays: maybe(s?.median),
      p90Days: maybe(s?.p90),
      drill: drill({ step: status }),
      withinDrill: drill({ step: status, stepLate: 'false' }),
      lateDrill: drill({ step: status, stepLate: 'true' }),
    };
  });

  const id = identified[0];
  const decided = num(id?.n);
  const decidedLate = num(id?.late);
  const identification = {
    limit: req.limits.total as Limit,
    submitted: total,
    decided,
    within: decided - decidedLate,
    late: decidedLate,
    withinShare: share(decided - decidedLate, decided),
    medianDays: maybe(id?.median),
    p90Days: maybe(id?.p90),
    drill: drill({ decided: 'true' }),
    withinDrill: drill({ decided: 'true', decidedLate: 'false' }),
    lateDrill: drill({ decided: 'true', decidedLate: 'true' }),
  };

  const returnsTotal = returnsByStep.find((r) => r.from === null);
  const returns = {
    cases: num(returnsTotal?.cases),
    events: num(returnsTotal?.events),
    drill: drill({ wasReturned: 'true' }),
    byStep: returnsByStep
      .filter((r): r is typeof r & { from: string } => r.from !== null)
      .map((r) => ({ status: r.from as CaseStatus, cases: num(r.cases), events: num(r.events), drill: drill({ wasReturned: 'true', returnedFrom: r.from }) }))
      .sort((a, b) => CASE_STATUSES.indexOf(a.status) - CASE_STATUSES.indexOf(b.status)),
    items: returnItems.map((r) => ({ item: r.item, cases: num(r.cases), drill: drill({ wasReturned: 'true', missingItem: r.item }) })),
  };

  const rejected = byStatus.get(CASE_STATUS.rejected) ?? 0;
  const reasons = new Map<string, string[]>();
  for (const r of rejections) {
    const text = (req.openReason?.(r.reason, r.caseNo) ?? '').trim();
    reasons.set(text, [...(reasons.get(text) ?? []), r.caseNo]);
  }
  const rejectionFigures = {
    cases: rejected,
    drill: drill({ status: CASE_STATUS.rejected }),
    byStep: rejectedFrom
      .filter((r): r is typeof r & { from: string } => r.from !== null)
      .map((r) => ({ status: r.from as CaseStatus, cases: num(r.cases), drill: drill({ status: CASE_STATUS.rejected, rejectedFrom: r.from }) }))
      .sort((a, b) => CASE_STATUSES.indexOf(a.status) - CASE_STATUSES.indexOf(b.status)),
    /** Whether every rejected case's reason was read (at most REASONS_READ are). */
    reasonsComplete: rejections.length === rejected,
    reasons: [...reasons]
      .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
      .slice(0, TOP)
      .map(([reason, caseNos]) => ({ reason, cases: caseNos.length, drill: caseNos.length <= CASE_NOS_MAX ? drill({ status: CASE_STATUS.rejected, caseNos: caseNos.join(',') }) : drill({ status: CASE_STATUS.rejected }) })),
  };

  // payments: by when they were paid, not by when the case was submitted
  const paidBase: Drill = req.region ? { region: req.region.code } : {};
  const monthsOf = monthList(period);
  const paidBy = new Map(payments.map((r) => [r.month, r]));
  const paidYear = new Map(yearPayments.map((r) => [num(r.year), r]));
  const paymentFigures = {
    cases: payments.reduce((s, r) => s + num(r.cases), 0),
    amountFen: payments.reduce((s, r) => s + num(r.amount), 0),
    drill: drill({ paidFrom: period.from, paidTo: period.to }, paidBase),
    months: monthsOf.map(({ month, from, to }) => ({ month, cases: num(paidBy.get(month)?.cases), amountFen: num(paidBy.get(month)?.amount), drill: drill({ paidFrom: from, paidTo: to }, paidBase) })),
    budgets: yearsOf(period).map((year) => {
      const paid = paidYear.get(year);
      const budgetFen = req.budgets.get(year) ?? null;
      return {
        year,
        budgetFen,
        paidFen: num(paid?.amount),
        cases: num(paid?.cases),
        usedShare: budgetFen ? share(num(paid?.amount), budgetFen) : null,
        drill: drill({ paidFrom: `${year}-01-01`, paidTo: `${year}-12-31` }, paidBase),
      };
    }),
  };

  return {
    period,
    region: req.region ? { code: req.region.code, name: req.region.name, nameEn: req.region.nameEn, level: req.region.level } : null,
    generatedAt: now.toISOString(),
    applications,
    channels,
    funnel,
    steps: stepFigures,
    identification,
    returns,
    rejections: rejectionFigures,
    payments: paymentFigures,
    register,
  };
}

export type Stats = Awaited<ReturnType<typeof computeStats>>;

/** The most frequent missing items and rejection reasons listed. */
const TOP = 30;
/** The rejected cases whose (sealed) reasons are opened, the latest first. */
const REASONS_READ = 2000;

/** The deadline table as rows (name, day, k) of a CTE. */
function deadlineRows(t: DeadlineTable, p: Params): string {
  return `SELECT * FROM unnest(${p.add(t.names, 'text[]')}, ${p.add(t.days, 'date[]')}, ${p.add(t.offsets, 'int[]')}) d("name", "day", "k")`;
}

/** The moment a limit runs out for a stay entered at `entered`, the deadline row joined as d (else its calendar days) — as list-figures.ts dueSql. */
function dueJoined(entered: string, name: string, t: DeadlineTable, p: Params): string {
  return `(${entered} + make_interval(days => COALESCE(d."k", (${p.add(JSON.stringify(t.fallback), 'jsonb')} ->> ${name})::int)))`;
}

/** The months of a period, each with its first and last day within the period. */
function monthList(period: Period): { month: string; from: string; to: string }[] {
  const out: { month: string; from: string; to: string }[] = [];
  for (let day = period.from; day <= period.to; ) {
    const month = day.slice(0, 7);
    const [y, m] = month.split('-').map(Number) as [number, number];
    const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
    const end = addDaysYmd(next, -1);
    out.push({ month, from: day, to: end < period.to ? end : period.to });
    day = next;
  }
  return out;
}
