/**
 * A start with nothing to migrate reads `_prisma_migrations` once instead of loading the wasm
 * schema engine; anything but the plain state is left to the engine (`undefined`), which applies,
 * refuses or explains exactly as `prisma migrate deploy` would.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import { loadMigrationList, pendingMigrations } from '../../server/core/db/schema-engine';
import { createTestDatabase, type TestDatabase } from '../support/database';

let db: TestDatabase;
beforeEach(async () => {
  db = await createTestDatabase();
});
afterEach(async () => {
  await db.close();
});

const names = loadMigrationList().migrationDirectories.map((m) => m.path);
const first = names[0]!;
const last = names[names.length - 1]!;

test.each<[string, number | undefined, string[]]>([
  ['every migration of the folder applied', 0, []],
  ['the newest not applied yet', 1, [`DELETE FROM _prisma_migrations WHERE migration_name = '${last}'`]],
  ['the two newest not applied yet', 2, [`DELETE FROM _prisma_migrations WHERE migration_name IN ('${last}', '${names[names.length - 2]}')`]],
  ['no _prisma_migrations table (a new database)', undefined, ['DROP TABLE _prisma_migrations']],
  ['a migration that failed half-way', undefined, [`UPDATE _prisma_migrations SET finished_at = NULL WHERE migration_name = '${last}'`]],
  ['a migration rolled back', undefined, [`UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = '${last}'`]],
  ['a migration edited after it was applied', undefined, [`UPDATE _prisma_migrations SET checksum = repeat('0', 64) WHERE migration_name = '${first}'`]],
  ['a migration the folder does not have (a newer version ran here)', undefined, [`INSERT INTO _prisma_migrations (id, checksum, migration_name, finished_at, applied_steps_count) VALUES ('x', repeat('0', 64), '29991231000000_future', now(), 1)`]],
])('%s → %p pending', async (_state, expected, sql) => {
  for (const statement of sql) await db.raw.$executeRawUnsafe(statement);
  expect(await pendingMigrations(new PrismaPg({ connectionString: db.url }))).toBe(expected);
});
