import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../support/database';

const root = path.resolve(__dirname, '../..');
let db: TestDatabase;
beforeAll(async () => { db = await createTestDatabase(); });
afterAll(async () => { await db.close(); });

test('the migrated database has every table of the schema', async () => {
  const rows = await db.prisma.$queryRaw<{ tablename: string }[]>`select tablename from pg_tables where schemaname = 'public' order by 1`;
  const names = rows.map((r) => r.tablename);
  for (const t of ['Region', 'IncomeLine', 'Household', 'Member', 'Case', 'CaseEvent', 'Document', 'Contact', 'ConversationSession', 'InboundMessage', 'Outbox', '_prisma_migrations']) {
    expect(names).toContain(t);
  }
});

test('schema.prisma and prisma/migrations agree (the diff is empty)', () => {
  // Replays migrations/ on an in-memory PGlite shadow database and diffs against the schema.
  const out = execFileSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'scripts/db-check-drift.ts')], { cwd: root, encoding: 'utf8' });
  expect(out.trim()).toBe('no drift');
});
