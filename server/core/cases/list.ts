/**
 * The cadres' case list (the work queue) at any size: a page read by keyset through one index
 * range (list-query.ts), counts that never count a large set — per status exactly from the
 * tally the database keeps (CaseTally), the total exactly when it is small and estimated above
 * COUNT_CAP — and the rows shown as the list shows them (present.ts).
 */
import type { CadreActor, CaseStatus } from '../../../flows/workflow';
import type { PrismaClient } from '../../generated/prisma/client';
import type { Keyring } from '../crypto/keyring';
import { openValue } from '../crypto/sealed-client';
import { SEALED_FIELDS } from '../crypto/sealed-fields';
import type { SqlRunner } from '../db/direct';
import { preparedShape } from '../db/prepared';
import type { RegionTree } from '../regions/tree';
import { encodeCursor } from './list-cursor';
import { hasFigureFilter } from './list-figures';
import { cappedCountQuery, casePageQueries, estimateQuery, tallyQuery, verifierCountsQuery, type CaseListFilter, type ListKey, type ListScope, type ListSort, type PageCounts, type SqlQuery } from './list-query';
import { presentCaseSummary } from './present';
import type { WorkCalendar } from '../workflow/deadlines';

/** Up to this many matching cases the total is counted exactly; above, it is the planner's estimate. */
export const COUNT_CAP = 1000;

/**
 * Where the statements go: the pool's runner (server/core/db/direct.ts — past Prisma's runtime,
 * which cost more Node CPU per statement than the statement's own driver work; bench/README.md,
 * "The HTTP side"), or a Prisma client (PGlite, tests).
 */
type Db = Pick<SqlRunner, 'rows'> | Pick<PrismaClient, '$queryRawUnsafe'>;

const isRunner = (db: Db): db is Pick<SqlRunner, 'rows'> => typeof (db as { rows?: unknown }).rows === 'function';
const rowsOf = <T>(db: Db, sql: string, values: unknown[]): Promise<T[]> => (isRunner(db) ? db.rows<T>(sql, values) : db.$queryRawUnsafe<T[]>(sql, ...values));

type ListRow = {
  id: string;
  caseNo: string;
  channel: string;
  status: string;
  cause: string;
  villageId: string;
  householdId: string | null;
  submittedAt: Date;
  updatedAt: Date;
  statusSince: Date;
  dueAt: Date | null;
  overdueSince: Date | null;
  greenChannel: boolean;
  rigidExpenseFen: number;
  perCapitaIncomeFen: number;
  identityCheck: string | null;
  identityNote: string | null;
  /** Sealed, as stored: only for a case without a registered household. */
  answers: unknown;
  /** Sealed, as stored. */
  headName: string | null;
};

// Prepared per connection: a list statement plans slower than it runs (bench/README.md, "The case
// list"); every shape's generic plan is checked in tests/server/case-list-plans.test.ts.
const run = <T>(db: Db, q: SqlQuery) => rowsOf<T>(db, q.planEachTime ? q.sql : preparedShape('case_list', q.sql), q.values);
/** A statement PostgreSQL cannot keep a plan of (EXPLAIN): unnamed. */
const runOnce = <T>(db: Db, q: SqlQuery) => rowsOf<T>(db, q.sql, q.values);

/**
 * The one region whose subtree is both the caller's and every region asked for (regions form a
 * tree: two subtrees are nested or apart), as a list scope. `asked`: region ids, already known.
 */
export function listScope(tree: RegionTree, actor: CadreActor, asked: readonly string[]): ListScope {
  const bounds = [...asked];
  if (actor.regionIds) {
    const own = [...actor.regionIds].find((id) => !actor.regionIds!.has(tree.byId.get(id)?.parentId ?? ''));
    if (!own) return { kind: 'none' };
    bounds.push(own);
  }
  if (bounds.length === 0) return { kind: 'all' };
  // the deepest bound, if every other bound is on its line to the root
  const lines = bounds.map((id) => tree.lineOf(id));
  const deepest = lines.reduce((a, b) => (b.length > a.length ? b : a));
  if (!bounds.every((id) => deepest.includes(id))) return { kind: 'none' };
  const region = tree.byId.get(deepest[0]!)!;
  return { kind: region.level, regionId: region.id };
}

/** The villages of a scope, for the tally (null: all of them). */
function villagesOf(tree: RegionTree, scope: ListScope): readonly string[] | null {
  if (scope.kind === 'all') return null;
  if (scope.kind === 'none') return [];
  return tree.villageIdsUnder(scope.regionId);
}

export type ListRequest = { filter: CaseListFilter; sort: ListSort; after: ListKey | null; pageSize: number; offset: number; withCounts: boolean; calendar: WorkCalendar };

export type ListCounts = { total: number; totalExact: boolean; statusCounts: Partial<Record<CaseStatus, number>> };

/** What a page's first statement carries besides the rows (list-query.ts pageQuery). */
type PageHead = { staticStamp: string | null; statusCounts?: Record<string, number> | null; cappedCount?: number | null };

/** A row of a page's first statement: a case with the head, or the head alone (id null: no case matched). */
type HeadOrRow = (ListRow & PageHead) | (PageHead & { id: null });

/**
 * One page of the list: one statement, rows or not (two for sort=due at the turn from dated to
 * undated cases; one more for an estimated total), the counts and the static data's stamp riding
 * on the first statement — on a row of its own, null case columns, when that statement found none.
 */
export async function listCases(db: Db, keyring: Keyring, tree: RegionTree, req: ListRequest) {
  const { filter, sort, pageSize } = req;
  const want = req.offset + pageSize + 1; // one more than shown: whether there is a next page
  const counting = req.withCounts && filter.scope.kind !== 'none' ? pageCountsOf(tree, filter) : undefined;
  const rows: ListRow[] = [];
  let head: PageHead | undefined; // from the first statement only (sort=due's second carries none)
  if (filter.scope.kind !== 'none') {
    for (const [i, q] of casePageQueries(filter, sort, req.after, want, counting).entries()) {
      const found = await run<HeadOrRow>(db, q);
      if (i === 0) head = found[0];
      rows.push(...found.filter((r): r is ListRow & PageHead => r.id !== null));
      if (rows.length >= want) break;
    }
  }
  const page = rows.slice(req.offset, req.offset + pageSize);
  const last = page.at(-1);
  const nextCursor = rows.length > req.offset + pageSize && last ? encodeCursor(sort, last) : null;
  const cases = presentRows(keyring, tree, req, page);
  const counts = !req.withCounts ? null : counting && head ? await totalOf(db, filter, statusCountsOf(head.statusCounts), head.cappedCount ?? null) : NOTHING;
  return {
    /** The stamp of the static data the page was read with (undefined: nothing was read — a scope with no region). */
    staticStamp: head?.staticStamp,
    // two literals, no spread: building the answer with object spreads was the hottest code of ours (bench/README.md, round 6)
    body: counts ? { total: counts.total, totalExact: counts.totalExact, statusCounts: counts.statusCounts, nextCursor, cases } : { nextCursor, cases },
  };
}

/** The page's rows as the list shows them, the sealed names opened. */
function presentRows(keyring: Keyring, tree: RegionTree, req: ListRequest, page: ListRow[]) {
  return page.map((r) => presentCaseSummary({ ...r, household: r.householdId && r.headName !== null ? { headName: open(keyring, 'Household', 'headName', r.headName) as string } : null, answers: r.householdId ? null : open(keyring, 'Case', 'answers', r.answers) }, tree, req.filter.now, req.calendar));
}

const NOTHING: ListCounts = { total: 0, totalExact: true, statusCounts: {} };

function open(keyring: Keyring, model: 'Household' | 'Case', field: string, stored: unknown): unknown {
  return openValue(keyring, model, field, SEALED_FIELDS[model]![field]!, stored);
}

/** Status and region alone: the counts per status say the total; any other filter is counted (up to COUNT_CAP). */
const needsCount = (f: CaseListFilter) => f.cause !== undefined || f.overdue !== undefined || f.caseNoPrefix !== undefined || f.applicant !== undefined || (f.figures !== undefined && hasFigureFilter(f.figures));

function pageCountsOf(tree: RegionTree, filter: CaseListFilter): PageCounts {
  return { byStatus: filter.verifierId !== undefined ? 'verifier' : 'tally', villageIds: villagesOf(tree, filter.scope), cap: needsCount(filter) ? COUNT_CAP : null };
}

function statusCountsOf(json: Record<string, number> | null | undefined): Partial<Record<CaseStatus, number>> {
  const out: Partial<Record<CaseStatus, number>> = {};
  for (const [status, n] of Object.entries(json ?? {})) if (n > 0) out[status as CaseStatus] = n;
  return out;
}

/** The total from the counts per status, or the capped count — estimated by the planner above COUNT_CAP. */
async function totalOf(db: Db, filter: CaseListFilter, statusCounts: Partial<Record<CaseStatus, number>>, capped: number | null): Promise<ListCounts> {
  if (capped === null) {
    const statuses = filter.statuses ?? (Object.keys(statusCounts) as CaseStatus[]);
    return { total: statuses.reduce((sum, s) => sum + (statusCounts[s] ?? 0), 0), totalExact: true, statusCounts };
  }
  if (capped <= COUNT_CAP) return { total: capped, totalExact: true, statusCounts };
  const [plan] = await runOnce<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(db, estimateQuery(filter));
  const estimate = Math.round(plan!['QUERY PLAN'][0].Plan['Plan Rows']);
  return { total: Math.max(estimate, COUNT_CAP + 1), totalExact: false, statusCounts };
}

/** The counts of a list alone, each by its own statement (what the first page carries). */
export async function countCases(db: Db, tree: RegionTree, filter: CaseListFilter): Promise<ListCounts> {
  if (filter.scope.kind === 'none') return NOTHING;
  const c = pageCountsOf(tree, filter);
  const byStatus = await run<{ status: string; n: number }>(db, c.byStatus === 'verifier' ? verifierCountsQuery(filter) : tallyQuery(c.villageIds));
  const capped = c.cap === null ? null : ((await run<{ n: number }>(db, cappedCountQuery(filter, c.cap)))[0]?.n ?? 0);
  return totalOf(db, filter, statusCountsOf(Object.fromEntries(byStatus.map((r) => [r.status, r.n]))), capped);
}
