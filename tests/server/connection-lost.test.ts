/**
 * A database connection that PostgreSQL ends while it sits idle in the pool (a restart, an
 * administrator's terminate, DROP DATABASE … WITH (FORCE) in tests) is heard and replaced: the
 * process does not die of an unheard 'error' event, and the next query works.
 */
import { connectDatabase } from '../../server/core/db/connect';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { adminQuery } from '../support/postgres';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.close();
});

async function terminateBackendsOf(database: string): Promise<number> {
  const rows = await adminQuery<{ ended: boolean }>(
    `SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE datname = '${database}' AND pid <> pg_backend_pid()`,
  );
  return rows.filter((r) => r.ended).length;
}

test('the server pool hears a lost idle connection, tells the log, and serves the next query', async () => {
  const lost: Error[] = [];
  const conn = await connectDatabase({ databaseUrl: db.url, dataDir: '/nonexistent', onConnectionLost: (e) => lost.push(e) });
  try {
    // two connections in the pool, both idle afterwards
    await Promise.all([conn.prisma.$queryRawUnsafe('SELECT 1 AS one FROM pg_sleep(0.05)'), conn.prisma.$queryRawUnsafe('SELECT 1 AS one FROM pg_sleep(0.05)')]);
    expect(await terminateBackendsOf(new URL(db.url).pathname.slice(1))).toBeGreaterThanOrEqual(1);
    for (let i = 0; i < 50 && lost.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(lost.length).toBeGreaterThanOrEqual(1);
    expect(lost.every((e) => (e as Error & { code?: string }).code === '57P01')).toBe(true);
    const rows = await conn.prisma.$queryRawUnsafe<{ one: number }[]>('SELECT 1 AS one');
    expect(rows).toEqual([{ one: 1 }]);
  } finally {
    await conn.close();
  }
});

test('the tests\' own connection (the same factory) survives it too', async () => {
  await db.raw.$queryRawUnsafe('SELECT 1');
  await terminateBackendsOf(new URL(db.url).pathname.slice(1));
  await new Promise((r) => setTimeout(r, 100));
  expect(await db.raw.$queryRawUnsafe<{ one: number }[]>('SELECT 1 AS one')).toEqual([{ one: 1 }]);
});
