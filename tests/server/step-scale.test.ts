/**
 * A conversation step does not depend on how many cases the province holds: on a database seeded
 * with 200,000 cases (enough for the planner to prefer an index when one fits), every query a step
 * issues is EXPLAINed (the prepared ones with their generic plan too) and none scans Case sequentially, and a plain answer costs at most five
 * round trips (today two: one statement reads the contact with its session and the message id,
 * one writes the session with the message row and its replies — server/chat/conversation/load.ts,
 * save.ts), and a contact's first words two as well. Counts only: timings belong in bench/.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import { sealedClient, sealValue } from '../../server/core/crypto/sealed-client';
import { SEALED_FIELDS } from '../../server/core/crypto/sealed-fields';
import { UNNAMED_BOT_CHANNEL } from '../../server/core/notify/channels';
import { PrismaClient } from '../../server/generated/prisma/client';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { TEST_KEYRING } from '../support/keys';
import { BOT_TOKEN, jpegBytes, sendFile, sendText, startTestServer, type TestServer } from '../support/server';
import { illnessTyped } from '../support/illness';
import { idNumber } from '../miniprogram/support';
import { throughPrisma } from '../../server/core/db/direct';
import { preparedName } from '../../server/core/db/prepared';

const CASES = 200_000;
/** The filing's statements, BEGIN and COMMIT included (bench/README.md, round 4: 25 before, 16 since). */
const FILING_ROUND_TRIPS = 16;
const OWNERS = 20_000;

type Query = { query: string; params: string };
let logged: Query[] = [];
let srv: TestServer;
let base: TestDatabase;
let logging: PrismaClient;

beforeAll(async () => {
  base = await createTestDatabase();
  // the server's own client, logging every statement it sends (BEGIN and COMMIT included)
  logging = new PrismaClient({ adapter: new PrismaPg({ connectionString: base.url }), log: [{ emit: 'event', level: 'query' }] });
  (logging as unknown as { $on(e: 'query', cb: (e: Query) => void): void }).$on('query', (e) => logged.push({ query: e.query, params: e.params }));
  // the step's two statements too (the server sends them past Prisma, core/db/direct.ts: here through the logging client)
  const db: TestDatabase = { ...base, prisma: sealedClient(logging, TEST_KEYRING), sql: throughPrisma(logging), close: async () => { await logging.$disconnect(); await base.close(); } };
  srv = await startTestServer({ db });
  await seedManyCases(base);
}, 240_000);
afterAll(async () => {
  await srv.close();
});

/** 20,000 villagers with ten cases each, set-based; the sealed columns hold one sealed value each. */
async function seedManyCases(db: TestDatabase) {
  const village = await db.raw.region.findFirstOrThrow({ where: { level: 'village' } });
  const name = sealValue(TEST_KEYRING, 'Contact', 'name', SEALED_FIELDS.Contact!.name!, '村民') as string;
  const answers = sealValue(TEST_KEYRING, 'Case', 'answers', SEALED_FIELDS.Case!.answers!, {}) as string;
  await db.raw.$executeRawUnsafe(
    `INSERT INTO "Contact" (id, channel, "externalId", name, "updatedAt")
     SELECT 'scale-contact-' || g, '${UNNAMED_BOT_CHANNEL}', 'scale-' || g, $1, now() FROM generate_series(1, ${OWNERS}) g`,
    name,
  );
  await db.raw.$executeRawUnsafe(
    `INSERT INTO "Case" (id, "caseNo", "villageId", "contactId", channel, cause, status, answers, "householdSize", "annualIncomeFen",
                         "perCapitaIncomeFen", "rigidExpenseFen", "incomeYear", "submittedAt", "updatedAt", "statusSince")
     SELECT 'scale-case-' || g, 'SC-' || lpad(g::text, 7, '0'), $1, 'scale-contact-' || (g % ${OWNERS} + 1), '${UNNAMED_BOT_CHANNEL}', 'illness', 'submitted',
            to_jsonb($2::text), 3, 1000000, 333333, 2000000, 2026, now() - g * interval '1 minute', now(), now()
     FROM generate_series(1, ${CASES}) g`,
    village.id,
    answers,
  );
  await db.raw.$executeRawUnsafe('ANALYZE');
}

/** The statements one message costs, as the server sends them. */
async function statementsOf(who: string, text: string, messageId: string): Promise<{ replies: string; queries: Query[] }> {
  logged = [];
  const res = await sendText(srv, who, text, messageId);
  expect(res.status).toBe(200);
  return { replies: res.body.replies!.map((r) => r.text).join('\n'), queries: logged };
}

const isControl = (q: string) => /^\s*(BEGIN|COMMIT|ROLLBACK|SET|SAVEPOINT|RELEASE)\b/i.test(q);

/** The plan of a logged statement with its own parameters (a custom plan, as the server gets). */
async function planOf(q: Query): Promise<string> {
  const params = JSON.parse(q.params) as unknown[];
  const client = base.raw;
  return client.$transaction(async (tx) => {
    const rows = (await tx.$queryRawUnsafe(`EXPLAIN ${q.query}`, ...params)) as { 'QUERY PLAN': string }[];
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  });
}

/**
 * The plan PostgreSQL settles on for a statement the server prepares (core/db/prepared.ts): after
 * a few runs it may keep one generic plan for every parameter, so that plan must use the indexes too.
 */
let prepared = 0;
async function genericPlanOf(q: Query): Promise<string> {
  const params = JSON.parse(q.params) as unknown[];
  const name = `plan_check_${++prepared}`;
  return base.raw.$transaction(async (tx) => {
    await tx.$executeRawUnsafe('SET LOCAL plan_cache_mode = force_generic_plan');
    await tx.$executeRawUnsafe(`PREPARE ${name} AS ${q.query}`);
    // EXECUTE takes no bind parameters: the logged values as literals
    const literal = (v: unknown) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${String(v).replaceAll("'", "''")}'`);
    const rows = (await tx.$queryRawUnsafe(`EXPLAIN EXECUTE ${name}(${params.map(literal).join(', ')})`)) as { 'QUERY PLAN': string }[];
    await tx.$executeRawUnsafe(`DEALLOCATE ${name}`);
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  });
}

describe('a step at 200,000 cases', () => {
  const who = 'scale-villager';
  const all: Query[] = [];

  test('a plain answer in the application costs at most five round trips', async () => {
    // first words: the read, then the contact, its session and the message in one statement (save.ts);
    // another villager's first, so that the static data is cached already
    all.push(...(await statementsOf('scale-other', '你好', 'o1')).queries);
    const first = await statementsOf(who, '你好', 'm1');
    all.push(...first.queries);
    expect(first.queries.map((q) => q.query.trim().slice(0, 40))).toHaveLength(2);
    const steps: [string, string][] = [['1', 'm2'], ['因病', 'm3']];
    for (const [text, id] of steps) all.push(...(await statementsOf(who, text, id)).queries);
    const answer = await statementsOf(who, '王小明', 'm4');
    all.push(...answer.queries);
    expect(answer.replies).not.toBe('');
    // a transaction's BEGIN is sent by the adapter as it opens it, outside the query log: counted with its COMMIT
    const roundTrips = answer.queries.length + answer.queries.filter((q) => /^\s*COMMIT\b/i.test(q.query)).length;
    // the statements themselves when there are more, to see which
    expect(roundTrips <= 5 ? [] : answer.queries.map((q) => q.query.slice(0, 120))).toEqual([]);
  });

  test('a known villager asking for their cases, and a greeting, read them through an index', async () => {
    // an owner of ten seeded cases, talking through the seeded channel
    for (const [text, id] of [['你好', 'k1'], ['查询', 'k2'], ['进度', 'k3'], ['撤回', 'k4'], ['取消', 'k5']] as const) {
      logged = [];
      const res = await fetch(`${srv.url}/api/bot/inbound`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${BOT_TOKEN}` },
        body: JSON.stringify({ messageId: id, from: { id: 'scale-7', name: '村民' }, type: 'text', text }),
      });
      expect(res.status).toBe(200);
      all.push(...logged);
    }
    expect(all.some((q) => /FROM "public"\."Case"/.test(q.query))).toBe(true);
  });

  test(`filing the application costs at most ${FILING_ROUND_TRIPS} round trips`, async () => {
    // a new villager's whole 因病 application, then "确认": the case number, household, documents,
    // events, the move to the village's review and its notices, in one transaction (core/cases/file-case.ts)
    const filer = 'scale-filer';
    let n = 0;
    for (const text of ['你好', '1', '因病', '赵大山', idNumber('19800101', 901), '13700009001', '青山镇', '1', '4口人', '2万', '是', ...illnessTyped()]) {
      expect((await sendText(srv, filer, text, `f${++n}`)).status).toBe(200);
    }
    expect((await sendFile(srv, filer, jpegBytes(3), 'bill.jpg', `f${++n}`)).status).toBe(200);
    for (const text of ['好了', '跳过', '同意', '同意']) expect((await sendText(srv, filer, text, `f${++n}`)).status).toBe(200);
    const filing = await statementsOf(filer, '确认', `f${++n}`);
    expect(filing.replies).toMatch(/FP-\d{4}-\d{6}/);
    all.push(...filing.queries);
    const roundTrips = filing.queries.length + filing.queries.filter((q) => /^\s*COMMIT\b/i.test(q.query)).length;
    expect(roundTrips <= FILING_ROUND_TRIPS ? [] : filing.queries.map((q) => q.query.replace(/\s+/g, ' ').slice(0, 160))).toEqual([]);
  });

  test('no statement of those steps scans Case sequentially', async () => {
    const plans: { query: string; plan: string }[] = [];
    for (const q of all.filter((x) => !isControl(x.query))) {
      plans.push({ query: q.query, plan: await planOf(q) });
      if (preparedName({ sql: q.query })) plans.push({ query: `prepared: ${q.query}`, plan: await genericPlanOf(q) });
    }
    expect(plans.some((p) => p.query.startsWith('prepared: '))).toBe(true);
    const scans = plans.filter((p) => /Seq Scan on "Case"/.test(p.plan));
    expect(scans).toEqual([]);
  });
});
