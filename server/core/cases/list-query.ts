/**
 * The SQL of the cadres' case list (the work queue), built in one place so that the route runs it
 * and tests/server/case-list-plans.test.ts EXPLAINs exactly it. Every variant is one ordered
 * index range (indexes: model Case in prisma/schema.prisma) read up to a LIMIT — never a count or
 * a sort of the whole table:
 *   - scope: the caller's region ∩ the region asked for is one region, so one column of Case
 *     (villageId, or townId/countyId, which a trigger keeps from the village);
 *   - paging by keyset: rows after the last one shown, by the sort's columns (caseNo breaks ties);
 *   - sort "due": cases with a due date first (dueAt, submittedAt, caseNo), then the others
 *     (submittedAt, caseNo) — two queries, each an index range, the second only when the first
 *     ran out (and never for overdue cases, which all have a due date).
 * A page's first statement also returns the static data's stamp (server/core/cache/static-data.ts)
 * and, on a first page, the counts — on its rows, or on a row of its own when none matches. Only
 * the columns a list row shows are read; the household's name (sealed) is joined for the page's rows only, and the application (sealed) only for a case filed without a registered
 * household (身份待核实), whose applicant's name is in it.
 */
import type { CaseStatus } from '../../../flows/workflow';
import { STATIC_STAMP_SQL } from '../cache/static-data';
import { figureConditions, type FigureFilter } from './list-figures';

/** Where the cases are: everything, one region's subtree (by its level), or nothing at all. */
export type ListScope = { kind: 'all' } | { kind: 'none' } | { kind: 'village' | 'town' | 'county'; regionId: string };

export type ListSort = 'newest' | 'due';

/** The last row of a page, as far as its sort needs it (see list-cursor.ts). */
export type ListKey = { submittedAt: Date; caseNo: string; dueAt: Date | null };

export type CaseListFilter = {
  scope: ListScope;
  /** An insurer's verifier, or "assigned to me": only the cases assigned to this cadre. */
  verifierId?: string;
  statuses?: readonly CaseStatus[];
  cause?: string;
  overdue?: boolean;
  /** A case number or its beginning: FP-2026, FP-2026-0001, FP-2026-000123. */
  caseNoPrefix?: string;
  /** A search by the applicant (list-search.ts): the household head's name or ID tail, by its keyed index. */
  applicant?: ApplicantSearch;
  /** The statistics' case sets (list-figures.ts): period, category, channel, steps, returns, payments. */
  figures?: FigureFilter;
  now: Date;
};

/**
 * The household head's exact normalised name, or the last 4 characters of the ID number, as its
 * keyed blind index (a Household column, server/core/crypto/sealed-fields.ts `search`) — or else,
 * for 4 digits that can also be the end of this year's case number, `orCaseNo` too.
 */
export type ApplicantSearch = { by: 'headNameIndex' | 'headIdTailIndex'; index: string; orCaseNo?: string };

/**
 * A statement and its parameters. `planEachTime`: never run it prepared (server/core/db/prepared.ts)
 * — a case-number range's size depends on its prefix (one case or a year of them), and a generic
 * plan, blind to it, reads a year's range by case number and sorts it.
 */
export type SqlQuery = { sql: string; values: unknown[]; planEachTime?: true };

const planFor = (f: CaseListFilter) => (f.caseNoPrefix !== undefined ? { planEachTime: true as const } : {});

/** Case numbers are FP-<year>-<6 digits>: a prefix is the range from its lowest to its highest completion. */
export const CASE_NO_PREFIX = /^FP-(\d{4})(?:-(\d{0,6}))?$/;

const SCOPE_COLUMN = { village: 'villageId', town: 'townId', county: 'countyId' } as const;

/** The columns a list row shows (server/core/cases/present.ts presentCaseSummary). */
const ROW_COLUMNS = `c."id", c."caseNo", c."channel", c."status", c."cause", c."villageId", c."householdId", c."submittedAt", c."updatedAt", c."statusSince",
  c."dueAt", c."overdueSince", c."greenChannel", c."rigidExpenseFen", c."perCapitaIncomeFen", c."identityCheck", c."identityNote"`;

/** Positional parameters ($1, $2, …) collected while a statement is written. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown, cast: string): string {
    this.values.push(value);
    return `$${this.values.length}::${cast}`;
  }
}

const ts = (d: Date) => d.toISOString();

/**
 * One status over the whole county, newest first: the page is read from the status index by
 * naming the status first in the ORDER BY, with the status as `= ANY` (an equality would make
 * that column redundant, and the planner could walk the newest-first index instead, skipping
 * every case of other statuses — the decided cases are the old ones, so all the open ones first).
 * Not by due date: there `= ANY` hid the order of the (status, dueAt) index, and a page after the
 * first sorted every dated case of the status (200 ms at 1 M cases); an equality reads it in order.
 */
function leadsByStatus(f: CaseListFilter, sort: ListSort): boolean {
  return sort === 'newest' && f.statuses?.length === 1 && (f.scope.kind === 'all' || f.scope.kind === 'county') && f.verifierId === undefined;
}

const newestOrder = (f: CaseListFilter) => `${leadsByStatus(f, 'newest') ? 'c."status", ' : ''}c."submittedAt" DESC, c."caseNo" DESC`;

/** The filter's conditions on "Case" c (without paging), for a list in `sort` order (also the 台账 export's: server/core/export/read.ts). */
export function conditions(f: CaseListFilter, p: Params, sort: ListSort = 'newest'): string[] {
  const where: string[] = [];
  const { scope } = f;
  if (scope.kind === 'none') where.push('FALSE');
  else if (scope.kind !== 'all') where.push(`c."${SCOPE_COLUMN[scope.kind]}" = ${p.add(scope.regionId, 'text')}`);
  if (f.verifierId !== undefined) where.push(`c."verifierId" = ${p.add(f.verifierId, 'text')}`);
  if (leadsByStatus(f, sort)) where.push(`c."status" = ANY(${p.add([...f.statuses!], 'text[]')})`);
  // one status as an equality: the order of the index after it stays usable (= ANY would need a sort)
  else if (f.statuses?.length === 1) where.push(`c."status" = ${p.add(f.statuses[0], 'text')}`);
  else if (f.statuses?.length) where.push(`c."status" = ANY(${p.add([...f.statuses], 'text[]')})`);
  if (f.cause !== undefined) where.push(`c."cause" = ${p.add(f.cause, '"Cause"')}`);
  if (f.overdue !== undefined) {
    // overdue: flagged by the deadline check, or due and not yet flagged (present.ts isOverdue)
    const now = p.add(ts(f.now), 'timestamp(3)');
    where.push(
      f.overdue
        ? `(c."overdueSince" IS NOT NULL OR c."dueAt" < ${now})`
        : `c."overdueSince" IS NULL AND (c."dueAt" IS NULL OR c."dueAt" >= ${now})`,
    );
  }
  if (f.caseNoPrefix !== undefined) {
    const m = CASE_NO_PREFIX.exec(f.caseNoPrefix);
    if (!m) throw new Error(`not a case number prefix: ${f.caseNoPrefix}`);
    const digits = m[2] ?? '';
    // both ends have the number's full shape, so any collation orders them as the numbers' digits
    where.push(`c."caseNo" BETWEEN ${p.add(`FP-${m[1]}-${digits.padEnd(6, '0')}`, 'text')} AND ${p.add(`FP-${m[1]}-${digits.padEnd(6, '9')}`, 'text')}`);
  }
  if (f.applicant !== undefined) {
    // the households first (a few for a name; for an ID tail ~1 in 11,000 of them), then their
    // cases through Case(householdId): an array, not IN (subquery), so that an OR beside it stays
    // two index reads (a BitmapOr) and no row of "Case" is read that does not match — the scope
    // and the other conditions filter those few
    const households = `c."householdId" = ANY(ARRAY(SELECT h."id" FROM "Household" h WHERE h."${f.applicant.by}" = ${p.add(f.applicant.index, 'text')}))`;
    where.push(f.applicant.orCaseNo !== undefined ? `(${households} OR c."caseNo" = ${p.add(f.applicant.orCaseNo, 'text')})` : households);
  }
  if (f.figures) where.push(...figureConditions(f.figures, (v, cast) => p.add(v, cast)));
  return where;
}

/**
 * The counts a first page carries (list.ts): per status — from the tally of these villages (null:
 * all), or a verifier's own cases — and, when `cap` is set, the matching cases up to cap + 1.
 */
export type PageCounts = { byStatus: 'tally' | 'verifier'; villageIds: readonly string[] | null; cap: number | null };

/**
 * What a page comes with (computed once, on each of its rows): the stamp of the static data (the
 * region tree the caller used is checked without a round trip of its own) and, on a first page,
 * the counts.
 */
function headColumns(f: CaseListFilter, p: Params, counts?: PageCounts): string[] {
  const head = [`${STATIC_STAMP_SQL} AS "staticStamp"`];
  if (counts) {
    const byStatus = counts.byStatus === 'verifier' ? verifierCountsSql(f, p) : tallySql(counts.villageIds, p);
    head.push(`(SELECT json_object_agg(t."status", t."n") FROM (${byStatus}) t) AS "statusCounts"`);
    if (counts.cap !== null) head.push(`(${cappedCountSql(f, counts.cap, p)}) AS "cappedCount"`);
  }
  return head;
}

/**
 * One ordered read of a page: `order` the sort, `after` the keyset condition. `head`: the statement
 * also carries what the page comes with (headColumns; `counts` on a first page) — then it answers
 * at least one row: the page's rows each with the head, or, when no case matches, the head alone
 * with null case columns (`id` null). The page is the inner side of a nested-loop left join over
 * the head's one row (no join clause: PostgreSQL has no other way to join it), so its rows come
 * out in the order its index range read them and its plan is the plan it has alone.
 */
function pageQuery(f: CaseListFilter, sort: ListSort, limit: number, extra: (p: Params) => string[], order: string, head: { counts?: PageCounts } | null): SqlQuery {
  const p = new Params();
  const where = [...conditions(f, p, sort), ...extra(p)];
  // the household's name as a subquery, not a join: the page plans in half the time
  const page = `SELECT ${ROW_COLUMNS},
  CASE WHEN c."householdId" IS NULL THEN c."answers" END AS "answers",
  (SELECT h."headName" FROM "Household" h WHERE h."id" = c."householdId") AS "headName"
FROM "Case" c
WHERE ${where.length ? where.join('\n  AND ') : 'TRUE'}
ORDER BY ${order}
LIMIT ${p.add(limit, 'int')}`;
  const sql = head ? `SELECT head.*, page.* FROM (SELECT ${headColumns(f, p, head.counts).join(', ')}) head\nLEFT JOIN (${page}) page ON TRUE` : page;
  return { sql, values: p.values, ...planFor(f) };
}

/**
 * The statements that read one page of `limit` rows after `after` (null: from the start), in
 * the order to run them: the next runs only while the rows so far are fewer than `limit`. The
 * first carries the head (pageQuery) — with `counts` when asked for — rows or not.
 */
export function casePageQueries(f: CaseListFilter, sort: ListSort, after: ListKey | null, limit: number, counts?: PageCounts): SqlQuery[] {
  if (sort === 'newest') {
    return [
      pageQuery(
        f,
        sort,
        limit,
        (p) => (after ? [`(c."submittedAt", c."caseNo") < (${p.add(ts(after.submittedAt), 'timestamp(3)')}, ${p.add(after.caseNo, 'text')})`] : []),
        newestOrder(f),
        { counts },
      ),
    ];
  }
  const undated = (head: { counts?: PageCounts } | null) =>
    pageQuery(
      f,
      sort,
      limit,
      (p) => [
        'c."dueAt" IS NULL',
        ...(after && after.dueAt === null ? [`(c."submittedAt", c."caseNo") > (${p.add(ts(after.submittedAt), 'timestamp(3)')}, ${p.add(after.caseNo, 'text')})`] : []),
      ],
      'c."submittedAt", c."caseNo"',
      head,
    );
  if (after && after.dueAt === null) return [undated({ counts })];
  const dated = pageQuery(
    f,
    sort,
    limit,
    (p) => [
      'c."dueAt" IS NOT NULL',
      ...(after?.dueAt ? [`(c."dueAt", c."submittedAt", c."caseNo") > (${p.add(ts(after.dueAt), 'timestamp(3)')}, ${p.add(ts(after.submittedAt), 'timestamp(3)')}, ${p.add(after.caseNo, 'text')})`] : []),
    ],
    'c."dueAt", c."submittedAt", c."caseNo"',
    { counts },
  );
  // overdue is late against a due date (the deadline check flags only those): none is undated, and
  // looking for one would walk every undated case
  return f.overdue === true ? [dated] : [dated, undated(null)];
}

const whereOf = (where: string[]) => (where.length ? where.join(' AND ') : 'TRUE');

function cappedCountSql(f: CaseListFilter, cap: number, p: Params): string {
  // in the list's order, so that the planner reads it from the list's indexes: a dense filter
  // stops after cap + 1 index entries, a sparse one is a bitmap of its few rows
  return `SELECT count(*)::int AS "n" FROM (
  SELECT 1 FROM "Case" c WHERE ${whereOf(conditions(f, p))} ORDER BY ${newestOrder(f)} LIMIT ${p.add(cap + 1, 'int')}
) capped`;
}

function tallySql(villageIds: readonly string[] | null, p: Params): string {
  const where = villageIds === null ? '' : ` WHERE "villageId" = ANY(${p.add([...villageIds], 'text[]')})`;
  return `SELECT "status", sum("n")::int AS "n" FROM "CaseTally"${where} GROUP BY "status"`;
}

function verifierCountsSql(f: CaseListFilter, p: Params): string {
  return `SELECT c."status", count(*)::int AS "n" FROM "Case" c WHERE ${whereOf(conditions({ scope: f.scope, verifierId: f.verifierId, now: f.now }, p))} GROUP BY c."status"`;
}

const alone = (f: CaseListFilter | null, build: (p: Params) => string): SqlQuery => {
  const p = new Params();
  const sql = build(p);
  return { sql, values: p.values, ...(f ? planFor(f) : {}) };
};

/**
 * How many cases match, read no further than `cap` + 1 of them: the count when it is at most
 * `cap`, and `cap` + 1 when there are more (then estimateQuery says about how many).
 */
export const cappedCountQuery = (f: CaseListFilter, cap: number): SqlQuery => alone(f, (p) => cappedCountSql(f, cap, p));

/** Cases per status in a scope, exactly, from the tally the triggers keep (no case is read). */
export const tallyQuery = (villageIds: readonly string[] | null): SqlQuery => alone(null, (p) => tallySql(villageIds, p));

/** A verifier's cases per status (the tally is per village, not per verifier): its index alone. */
export const verifierCountsQuery = (f: CaseListFilter): SqlQuery => alone(null, (p) => verifierCountsSql(f, p));

/** The planner's estimate of the matching rows (EXPLAIN: no row is read). */
export const estimateQuery = (f: CaseListFilter): SqlQuery => alone(f, (p) => `EXPLAIN (FORMAT JSON) SELECT 1 FROM "Case" c WHERE ${whereOf(conditions(f, p))}`);
