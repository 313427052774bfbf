/**
 * The case list stays an index range at a province's size: on a database seeded with 200,000
 * cases over 600 villages in 20 towns (enough for the planner to prefer a sequential scan where
 * no index fits) and ANALYZEd, every statement each list variant issues — built by the same
 * functions the route runs (server/core/cases/list-query.ts) — is EXPLAINed with its own
 * parameters, and none scans "Case" sequentially. Plans only: timings belong in bench/.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { CadreActor, CaseStatus } from '../../flows/workflow';
import { COUNT_CAP, countCases, listCases, listScope } from '../../server/core/cases/list';
import { decodeCursor } from '../../server/core/cases/list-cursor';
import { cappedCountQuery, casePageQueries, tallyQuery, verifierCountsQuery, type CaseListFilter, type ListKey, type ListSort, type SqlQuery } from '../../server/core/cases/list-query';
import { sealValue } from '../../server/core/crypto/sealed-client';
import { SEALED_FIELDS } from '../../server/core/crypto/sealed-fields';
import { RegionTree } from '../../server/core/regions/tree';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { TEST_KEYRING } from '../support/keys';
import { WEEKENDS_ONLY } from '../../server/core/workflow/deadlines';

const CASES = 200_000;
const TOWNS = 20;
const VILLAGES_PER_TOWN = 30;
const NOW = new Date('2026-06-01T00:00:00.000Z');
const NAMES = 20_000;
const TAILS = 11_000;
/** A search index as the seed wrote it (md5 stands in for the keyed HMAC: the plan sees only its selectivity). */
const seeded = (kind: 'name' | 'tail', n: number) => createHash('md5').update(`${kind}${n}`).digest('hex');
const byName = (n = 1234) => ({ by: 'headNameIndex', index: seeded('name', n) }) as const;
const byTail = (n = 123) => ({ by: 'headIdTailIndex', index: seeded('tail', n) }) as const;

let db: TestDatabase;
let tree: RegionTree;
const ids = { county: '', town: '', village: '', verifier: '' };

beforeAll(async () => {
  db = await createTestDatabase();
  await seed();
  tree = await RegionTree.load(db.raw);
}, 600_000);
afterAll(async () => {
  await db?.close();
});

/**
 * One county, its towns and villages; the newest tenth of the cases still open (most of those past
 * their due time, half of these flagged), the rest decided; a verifier holding a few thousand.
 */
async function seed() {
  const run = (sql: string, ...values: unknown[]) => db.raw.$executeRawUnsafe(sql, ...values);
  const county = `plan-county-${randomUUID()}`;
  await run(`INSERT INTO "Region" (id, code, name, level) VALUES ($1, '889901', '计划县', 'county')`, county);
  await run(
    `INSERT INTO "Region" (id, code, name, level, "parentId", "sortOrder")
     SELECT 'plan-town-' || t, '889901' || lpad(t::text, 3, '0'), '镇' || t, 'town', $1, t FROM generate_series(1, ${TOWNS}) t`,
    county,
  );
  await run(
    `INSERT INTO "Region" (id, code, name, level, "parentId", "sortOrder")
     SELECT 'plan-village-' || v, '889901' || lpad((1 + v / ${VILLAGES_PER_TOWN})::text, 3, '0') || lpad(v::text, 3, '0'), '村' || v, 'village',
            'plan-town-' || (1 + v / ${VILLAGES_PER_TOWN}), v
     FROM generate_series(0, ${TOWNS * VILLAGES_PER_TOWN - 1}) v`,
  );
  ids.county = county;
  ids.town = 'plan-town-3';
  ids.village = 'plan-village-75';
  const verifier = await db.raw.cadre.create({ data: { name: 'x', role: 'verifier', regionId: county } });
  ids.verifier = verifier.id;
  const answers = sealValue(TEST_KEYRING, 'Case', 'answers', SEALED_FIELDS.Case!.answers!, { applicant: { name: '村民' } }) as string;
  // every other case's household, for the search by name or ID tail: a name shared by ~5 households, an ID tail by ~9 (as 11,000 tails spread)
  const headName = sealValue(TEST_KEYRING, 'Household', 'headName', SEALED_FIELDS.Household!.headName!, '村民') as string;
  await run(
    `INSERT INTO "Household" (id, "villageId", "headName", "headIdNumber", phone, size, "updatedAt", "headNameIndex", "headIdTailIndex")
     SELECT 'plan-hh-' || g, 'plan-village-' || (g % ${TOWNS * VILLAGES_PER_TOWN}), $1, 'x', 'x', 3, now(), md5('name' || (g % ${NAMES})), md5('tail' || (g % ${TAILS}))
     FROM generate_series(2, ${CASES}, 2) g`,
    headName,
  );
  const open = ['village_review', 'town_review', 'county_review', 'verification', 'assessment', 'publicity', 'returned'];
  const closed = ['paid', 'paid', 'paid', 'paid', 'rejected', 'withdrawn', 'approved'];
  // g: 1 the newest, a minute apart
  await run(
    `INSERT INTO "Case" (id, "caseNo", "villageId", channel, cause, status, answers, "householdSize", "annualIncomeFen",
                         "perCapitaIncomeFen", "rigidExpenseFen", "incomeYear", "submittedAt", "updatedAt", "statusSince",
                         "dueAt", "overdueSince", "verifierId", "householdId")
     SELECT 'plan-case-' || g, 'FP-2026-' || lpad((g % 1000000)::text, 6, '0'), 'plan-village-' || (g % ${TOWNS * VILLAGES_PER_TOWN}), 'test',
            (ARRAY['illness', 'disaster', 'education'])[1 + g % 3]::"Cause", s.status, to_jsonb($1::text), 3, 1000000, 333333, 2000000, 2026,
            $2::timestamp(3) - g * interval '1 minute', $2::timestamp(3), $2::timestamp(3) - g * interval '1 minute',
            CASE WHEN s.open THEN $2::timestamp(3) - g * interval '1 minute' + interval '3 days' END,
            CASE WHEN s.open AND g > 4320 AND g % 2 = 0 THEN $2::timestamp(3) - (g - 4320) * interval '1 minute' END,
            CASE WHEN s.status = 'verification' OR (g % 50 = 0) THEN $3 END,
            CASE WHEN g % 2 = 0 THEN 'plan-hh-' || g END
     FROM generate_series(1, ${CASES}) g
     CROSS JOIN LATERAL (SELECT g <= ${CASES / 10} AS open) o
     CROSS JOIN LATERAL (SELECT o.open, CASE WHEN o.open THEN ($4::text[])[1 + g % 7] ELSE ($5::text[])[1 + g % 7] END AS status) s`,
    answers,
    NOW.toISOString(),
    verifier.id,
    open,
    closed,
  );
  // as autovacuum leaves a table: statistics, and the visibility map that lets an index answer alone
  await run('VACUUM (ANALYZE) "Case"');
  await run('VACUUM (ANALYZE) "Household"');
  await run('ANALYZE');
}

/** `ordered`: the page is read in its order off an index — no sort of the rows that match (a top-N sort over a status grew with the register). */
type Variant = { filter: Omit<CaseListFilter, 'now'>; sort?: ListSort; after?: ListKey; ordered?: true };
/** A search by the applicant reads "Case" by its households (Case(householdId)), never along a scope's range filtering. */
const searchesByHousehold = (v: Variant) => v.filter.applicant !== undefined;

const all = { kind: 'all' } as const;
const village = () => ({ kind: 'village', regionId: ids.village }) as const;
const town = () => ({ kind: 'town', regionId: ids.town }) as const;
const county = () => ({ kind: 'county', regionId: ids.county }) as const;
const at = (minutesAgo: number) => new Date(NOW.getTime() - minutesAgo * 60_000);
const key = (minutesAgo: number, due: boolean): ListKey => ({ submittedAt: at(minutesAgo), caseNo: `FP-2026-${String(minutesAgo).padStart(6, '0')}`, dueAt: due ? new Date(at(minutesAgo).getTime() + 3 * 86_400_000) : null });
const one = (s: CaseStatus) => [s] as const;
/** The month before NOW (the seed's cases are a minute apart, newest at NOW). */
const MONTH = { from: new Date(NOW.getTime() - 30 * 86_400_000), to: NOW };

const VARIANTS: [string, () => Variant][] = [
  ['newest', () => ({ filter: { scope: all } })],
  ['newest, page 3 000 rows deep (cursor)', () => ({ filter: { scope: all }, after: key(3000, false) })],
  ['the county', () => ({ filter: { scope: county() } })],
  ['a status', () => ({ filter: { scope: all, statuses: one('town_review') } })],
  ['a status, next page', () => ({ filter: { scope: all, statuses: one('town_review') }, after: key(7001, false) })],
  ['two statuses', () => ({ filter: { scope: all, statuses: ['town_review', 'county_review'] } })],
  ['a closed status (most cases)', () => ({ filter: { scope: all, statuses: one('paid') } })],
  ['a village', () => ({ filter: { scope: village() } })],
  ['a village, next page', () => ({ filter: { scope: village() }, after: key(60_075, false) })],
  ['a village and a status', () => ({ filter: { scope: village(), statuses: one('village_review') } })],
  ['a town', () => ({ filter: { scope: town() } })],
  ['a town, next page', () => ({ filter: { scope: town() }, after: key(90_075, false) })],
  ['a town and a status', () => ({ filter: { scope: town(), statuses: one('town_review') } })],
  ['a town and two statuses', () => ({ filter: { scope: town(), statuses: ['town_review', 'returned'] } })],
  ['overdue', () => ({ filter: { scope: all, overdue: true } })],
  ['overdue in a town', () => ({ filter: { scope: town(), overdue: true } })],
  ['overdue in a village', () => ({ filter: { scope: village(), overdue: true } })],
  ['not overdue', () => ({ filter: { scope: all, overdue: false } })],
  ['by due date', () => ({ filter: { scope: all }, sort: 'due' })],
  ['by due date, next page', () => ({ filter: { scope: all }, sort: 'due', after: key(5000, true) })],
  ['by due date, among the undated', () => ({ filter: { scope: all }, sort: 'due', after: key(50_000, false) })],
  ['by due date in a town', () => ({ filter: { scope: town() }, sort: 'due' })],
  ['by due date in a village', () => ({ filter: { scope: village() }, sort: 'due' })],
  ['by due date, a status in a town', () => ({ filter: { scope: town(), statuses: one('town_review') }, sort: 'due' })],
  ['overdue by due date', () => ({ filter: { scope: all, overdue: true }, sort: 'due' })],
  ['a status by due date', () => ({ filter: { scope: all, statuses: one('village_review') }, sort: 'due', ordered: true })],
  ['a status by due date, next page', () => ({ filter: { scope: all, statuses: one('village_review') }, sort: 'due', after: key(3001, true), ordered: true })],
  ['a cause', () => ({ filter: { scope: all, cause: 'education' } })],
  ['a cause in a town', () => ({ filter: { scope: town(), cause: 'disaster' } })],
  ['a case number', () => ({ filter: { scope: all, caseNoPrefix: 'FP-2026-001234' } })],
  ['the beginning of a case number', () => ({ filter: { scope: all, caseNoPrefix: 'FP-2026-0012' } })],
  ['a year of case numbers', () => ({ filter: { scope: all, caseNoPrefix: 'FP-2026' } })],
  ['a name', () => ({ filter: { scope: all, applicant: byName() } })],
  ['a name in a village', () => ({ filter: { scope: village(), applicant: byName() } })],
  ['a name in a town, a status', () => ({ filter: { scope: town(), applicant: byName(), statuses: one('town_review') } })],
  ['an ID tail in the county', () => ({ filter: { scope: county(), applicant: byTail() } })],
  ['an ID tail in a town, by due date', () => ({ filter: { scope: town(), applicant: byTail() }, sort: 'due' })],
  ['an ID tail or the end of a case number', () => ({ filter: { scope: town(), applicant: { ...byTail(), orCaseNo: 'FP-2026-000123' } } })],
  ['an ID tail, next page', () => ({ filter: { scope: all, applicant: byTail() }, after: key(100_000, false) })],
  // the statistics' drill-downs (server/core/cases/list-figures.ts): a period's cases, narrowed further
  ['a month of submissions in the county', () => ({ filter: { scope: county(), figures: { submitted: MONTH } } })],
  ['a month, a cause and a category in a town', () => ({ filter: { scope: town(), cause: 'illness', figures: { submitted: MONTH, category: 'marginal' } } })],
  ['a month, reached a status, in a village', () => ({ filter: { scope: village(), figures: { submitted: MONTH, reached: 'publicity' } } })],
  ['a verifier', () => ({ filter: { scope: county(), verifierId: ids.verifier } })],
  ['a verifier, a status', () => ({ filter: { scope: county(), verifierId: ids.verifier, statuses: one('verification') } })],
];

type PlanNode = { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; Plans?: PlanNode[] };

/** A statement's parameter as an SQL literal (EXECUTE takes its arguments in the text). */
function literal(v: unknown): string {
  if (Array.isArray(v)) return `ARRAY[${v.map(literal).join(', ')}]`;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return `'${v.replaceAll("'", "''")}'`;
  throw new Error(`no literal for ${String(v)}`);
}

/**
 * The plan of a statement as the server runs it: prepared (server/core/db/prepared.ts), PostgreSQL
 * plans its first five executions for their values ('custom') and may then keep one plan for
 * every value ('generic') when that looks no dearer — so both must read through an index.
 */
async function planOf(q: SqlQuery, mode: 'custom' | 'generic'): Promise<PlanNode> {
  if (mode === 'custom') {
    const rows = await db.raw.$queryRawUnsafe<{ 'QUERY PLAN': [{ Plan: PlanNode }] }[]>(`EXPLAIN (FORMAT JSON) ${q.sql}`, ...q.values);
    return rows[0]!['QUERY PLAN'][0].Plan;
  }
  // a PREPAREd statement outlives its transaction: a name of its own, dropped whatever happens
  const name = `list_plan_${++prepared}`;
  const args = q.values.length ? `(${q.values.map(literal).join(', ')})` : '';
  return db.raw.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SET LOCAL plan_cache_mode = force_generic_plan`);
    await tx.$executeRawUnsafe(`PREPARE ${name} AS ${q.sql}`);
    try {
      const rows = await tx.$queryRawUnsafe<{ 'QUERY PLAN': [{ Plan: PlanNode }] }[]>(`EXPLAIN (FORMAT JSON) EXECUTE ${name}${args}`);
      return rows[0]!['QUERY PLAN'][0].Plan;
    } finally {
      await tx.$executeRawUnsafe(`DEALLOCATE ${name}`);
    }
  });
}
let prepared = 0;

/** Every node of a plan. */
const nodes = (p: PlanNode): PlanNode[] => [p, ...(p.Plans ?? []).flatMap(nodes)];

/** What a plan reads "Case" with, e.g. "Index Scan Case_townId_status_submittedAt_caseNo_idx". */
const readsOfCase = (p: PlanNode) =>
  nodes(p)
    .filter((n) => n['Relation Name'] === 'Case' || n['Index Name']?.startsWith('Case_'))
    .map((n) => `${n['Node Type']} ${n['Index Name'] ?? n['Relation Name']}`);

const MODES = ['custom', 'generic'] as const;

describe.each(VARIANTS)('%s', (_label, variant) => {
  const filterOf = () => ({ ...variant().filter, now: NOW }) as CaseListFilter;

  test.each(MODES)('each page query reads "Case" through an index (%s plan)', async (mode) => {
    const v = variant();
    const f = filterOf();
    // a first page carries its counts (per status, and the matching cases up to the cap)
    const counts = v.after ? undefined : ({ byStatus: f.verifierId !== undefined ? 'verifier' : 'tally', villageIds: null, cap: COUNT_CAP } as const);
    for (const q of casePageQueries(f, v.sort ?? 'newest', v.after ?? null, 51, counts)) {
      if (mode === 'generic' && q.planEachTime) continue; // never prepared
      const plan = await planOf(q, mode);
      const reads = readsOfCase(plan);
      expect(reads.length).toBeGreaterThan(0);
      expect(reads.filter((r) => r.startsWith('Seq Scan'))).toEqual([]);
      if (v.ordered) expect(nodes(plan).filter((n) => n['Node Type'] === 'Sort')).toEqual([]);
      if (searchesByHousehold(v)) expect(reads.some((r) => r.includes('householdId'))).toBe(true);
    }
  });

  test.each(MODES)('its counts read no "Case" row sequentially (%s plan)', async (mode) => {
    const f = filterOf();
    const byStatus = f.verifierId !== undefined ? 'verifier' : 'tally';
    // each alone (countCases); on a first page they ride on its first statement, planned above
    const queries = [cappedCountQuery(f, COUNT_CAP), byStatus === 'verifier' ? verifierCountsQuery(f) : tallyQuery(null)];
    for (const q of queries) if (mode === 'custom' || !q.planEachTime) expect(readsOfCase(await planOf(q, mode)).filter((r) => r.startsWith('Seq Scan'))).toEqual([]);
  });

  test('a case-number range is planned for its prefix, never from a kept generic plan', () => {
    const f = filterOf();
    const queries = [...casePageQueries(f, variant().sort ?? 'newest', null, 51), cappedCountQuery(f, COUNT_CAP)];
    for (const q of queries) expect(q.planEachTime === true).toBe(f.caseNoPrefix !== undefined);
  });
});

describe('on the same database', () => {
  test('a page and its cursor: the next page starts right after the last row, in order', async () => {
    const filter: CaseListFilter = { scope: town(), statuses: ['town_review', 'returned'], now: NOW };
    const req = { filter, sort: 'due' as const, pageSize: 40, offset: 0, withCounts: false, calendar: WEEKENDS_ONLY };
    const first = (await listCases(db.raw, TEST_KEYRING, tree, { ...req, after: null })).body;
    const reference = await db.raw.$queryRawUnsafe<{ caseNo: string }[]>(
      `SELECT "caseNo" FROM "Case" WHERE "townId" = $1 AND status IN ('town_review', 'returned') ORDER BY "dueAt" NULLS LAST, "submittedAt", "caseNo" LIMIT 80`,
      ids.town,
    );
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = (await listCases(db.raw, TEST_KEYRING, tree, { ...req, after: decodeCursor('due', first.nextCursor!) })).body;
    expect([...first.cases, ...second.cases].map((c) => c.caseNo)).toEqual(reference.map((r) => r.caseNo));
    expect(first.cases[0]!.applicantName).toBe('村民');
  });

  test.each([
    ['newest, rows: one statement', () => ({ scope: village() }), 'newest', 1, true],
    ['newest, no case matches: one statement', () => ({ scope: all, applicant: byName(NAMES + 1) }), 'newest', 1, false],
    ['by due date, no dated case: two, the undated after the turn', () => ({ scope: town(), statuses: one('paid') }), 'due', 2, true],
    ['by due date, no case matches: two', () => ({ scope: all, applicant: byName(NAMES + 1) }), 'due', 2, false],
  ] as const)('a first page, %s — its counts and stamp from the first', async (_l, filter, sort, statements, rows) => {
    const sent: string[] = [];
    const counting = { rows: <T>(sql: string, values: unknown[]) => (sent.push(sql), db.raw.$queryRawUnsafe<T[]>(sql, ...values)) };
    const f = { ...filter(), now: NOW } as CaseListFilter;
    const list = await listCases(counting, TEST_KEYRING, tree, { filter: f, sort, after: null, pageSize: 20, offset: 0, withCounts: true, calendar: WEEKENDS_ONLY });
    expect(sent).toHaveLength(statements);
    expect(list.staticStamp).not.toBeUndefined();
    expect(list.body.cases.length > 0).toBe(rows);
    expect({ total: list.body.total, statusCounts: list.body.statusCounts }).toEqual(await countCases(db.raw, tree, f).then((c) => ({ total: c.total, statusCounts: c.statusCounts })));
  });

  test.each([
    ['status and region alone: exact, from the tally', { scope: town(), statuses: ['paid'] as CaseStatus[] }, true],
    ['a few: counted', { scope: village(), overdue: true }, true],
    ['many overdue: estimated', { scope: all, overdue: true }, false],
  ])('the total, %s', async (_l, filter, exact) => {
    const f = { ...filter, now: NOW } as CaseListFilter;
    const counts = await countCases(db.raw, tree, f);
    const everything = cappedCountQuery(f, 10 ** 9);
    const actual = await db.raw.$queryRawUnsafe<{ n: number }[]>(everything.sql, ...everything.values);
    expect(counts.totalExact).toBe(exact);
    if (exact) expect(counts.total).toBe(actual[0]!.n);
    else expect(counts.total).toBeGreaterThan(COUNT_CAP);
  });

  test('the counts per status are the counts of the cases, in the transaction of every writer', async () => {
    const byStatus = async () => Object.fromEntries((await db.raw.$queryRawUnsafe<{ status: string; n: number }[]>(`SELECT status, count(*)::int AS n FROM "Case" WHERE "townId" = $1 GROUP BY status`, ids.town)).map((r) => [r.status, r.n]));
    const tally = async () => (await countCases(db.raw, tree, { scope: town(), now: NOW })).statusCounts;
    expect(await tally()).toEqual(await byStatus());
    // a set-based status change, a move to another village of the town and out of it, a delete: the tally follows
    await db.raw.$executeRawUnsafe(`UPDATE "Case" SET status = 'paid' WHERE "townId" = $1 AND status = 'approved'`, ids.town);
    await db.raw.$executeRawUnsafe(`UPDATE "Case" SET "villageId" = 'plan-village-0' WHERE id IN (SELECT id FROM "Case" WHERE "townId" = $1 LIMIT 10)`, ids.town);
    await db.raw.$executeRawUnsafe(`DELETE FROM "Case" WHERE id IN (SELECT id FROM "Case" WHERE "townId" = $1 AND status = 'rejected' LIMIT 5)`, ids.town);
    expect(await tally()).toEqual(await byStatus());
  });

  test.each([
    ['its own town', () => [], () => town()],
    ['a village of its town', () => [ids.village], () => village()],
    ['the county above it', () => [ids.county], () => town()],
    ['a village of another town', () => ['plan-village-5'], () => ({ kind: 'none' })],
  ])('a town cadre asking for %s', (_l, asked, scope) => {
    const actor: CadreActor = { kind: 'cadre', id: 'c', name: 'c', role: 'town', regionIds: tree.subtreeIds(ids.town) };
    expect(listScope(tree, actor, asked())).toEqual(scope());
  });
});
