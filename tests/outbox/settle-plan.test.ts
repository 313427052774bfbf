/**
 * Settling dirty queues (outbox_heads_settle → outbox_heads_recompute) looks up each queue's oldest
 * pending message through an index: 100,000 pending messages over 3,000 queues of one channel,
 * inserted in one statement, statistics refreshed as a broadcast's expansion does, then settled at
 * once. Without statistics the planner read every pending row of the channel per queue (≈1,500
 * buffers a queue, 47 s for 3,000 queues). Buffers only: timings belong in bench/.
 */
import { refreshOutboxStatistics } from '../../server/core/broadcasts/lifecycle';
import { createTestDatabase, type TestDatabase } from '../support/database';

const CHANNEL = 'settle:bot';
const MESSAGES = 100_000;
const QUEUES = 3_000;
/** Buffers a queue's settle may touch (an index descent, its head row, the dirty entries): ≈17 seen. */
const BUFFERS_PER_QUEUE = 40;

type Plan = { 'Shared Hit Blocks': number; 'Shared Read Blocks': number };

let db: TestDatabase | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

// Without statistics the planner may settle through Outbox(channel, status, nextAttemptAt) and read
// the whole channel for each queue: a broadcast's expansion therefore refreshes them
// (refreshOutboxStatistics, broadcasts/lifecycle.ts), which is what this test runs after its bulk insert.
test.each([{ statistics: 'fresh (ANALYZEd after the insert)', analyze: true }])(`settling ${QUEUES} queues touches at most ${BUFFERS_PER_QUEUE} buffers a queue; statistics: $statistics`, async ({ analyze }) => {
  db = await createTestDatabase();
  const run = (sql: string) => db!.raw.$executeRawUnsafe(sql);
  await run(`ALTER TABLE "Outbox" SET (autovacuum_enabled = false)`);
  await run(`INSERT INTO "Outbox" (id, channel, "targetType", "targetId", kind, payload)
             SELECT 'm' || g, '${CHANNEL}', 'contact', 't' || (g % ${QUEUES}), CASE WHEN g % 2 = 0 THEN 'reminder' ELSE 'case_update' END, '{}'
             FROM generate_series(1, ${MESSAGES}) g`);
  if (analyze) await refreshOutboxStatistics(db.raw);
  const [row] = await db.raw.$queryRawUnsafe<{ 'QUERY PLAN': [{ Plan: Plan }] }[]>(
    `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) SELECT "outbox_heads_settle"($1, ${QUEUES})`,
    CHANNEL,
  );
  const plan = row!['QUERY PLAN'][0].Plan;
  expect(plan['Shared Hit Blocks'] + plan['Shared Read Blocks']).toBeLessThanOrEqual(BUFFERS_PER_QUEUE * QUEUES);
  // every queue got its head: its oldest message (seq follows g, so t<r> starts at g = r, or QUEUES for t0)
  const heads = await db.raw.$queryRawUnsafe<{ n: bigint; wrong: bigint }[]>(
    `SELECT count(*) AS n, count(*) FILTER (WHERE o.id <> 'm' || COALESCE(NULLIF(substr(h."targetId", 2), '0'), '${QUEUES}')) AS wrong
     FROM "OutboxHead" h JOIN "Outbox" o ON o.seq = h."headSeq" WHERE h.channel = $1`,
    CHANNEL,
  );
  expect(heads[0]).toEqual({ n: BigInt(QUEUES), wrong: 0n });
}, 300_000);
