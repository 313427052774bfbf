/** A fresh database for a test file, cloned from the migrated template (see postgres.ts). */
import type { Keyring } from '../../server/core/crypto/keyring';
import { sealedClient } from '../../server/core/crypto/sealed-client';
import { postgresConnection } from '../../server/core/db/connect';
import type { SqlRunner } from '../../server/core/db/direct';
import { PrismaClient } from '../../server/generated/prisma/client';
import { TEST_KEYRING } from './keys';
import { adminQuery, databaseUrl, TEMPLATE_DB, workerDatabaseName } from './postgres';

/** `prisma` seals and opens personal data with `keyring`, as the server does; `raw` sees what is stored. */
export type TestDatabase = { url: string; prisma: PrismaClient; raw: PrismaClient; keyring: Keyring; sql: SqlRunner; close(): Promise<void> };

/** A fresh database for this test file, cloned from the migrated template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = workerDatabaseName();
  await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DB}"`);
  const url = databaseUrl(name);
  const { adapter, sql, end } = await postgresConnection(url);
  const raw = new PrismaClient({ adapter });
  const close = async () => {
    await raw.$disconnect();
    await end();
  };
  return { url, prisma: sealedClient(raw, TEST_KEYRING), raw, keyring: TEST_KEYRING, sql, close };
}
