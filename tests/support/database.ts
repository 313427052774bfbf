/** A fresh database for a test file, cloned from the migrated template (see postgres.ts). */
import { PrismaPg } from '@prisma/adapter-pg';
import type { Keyring } from '../../server/core/crypto/keyring';
import { sealedClient } from '../../server/core/crypto/sealed-client';
import { PrismaClient } from '../../server/generated/prisma/client';
import { TEST_KEYRING } from './keys';
import { adminQuery, databaseUrl, TEMPLATE_DB, workerDatabaseName } from './postgres';

/** `prisma` seals and opens personal data with `keyring`, as the server does; `raw` sees what is stored. */
export type TestDatabase = { url: string; prisma: PrismaClient; raw: PrismaClient; keyring: Keyring; close(): Promise<void> };

/** A fresh database for this test file, cloned from the migrated template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = workerDatabaseName();
  await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DB}"`);
  const url = databaseUrl(name);
  const raw = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  return { url, prisma: sealedClient(raw, TEST_KEYRING), raw, keyring: TEST_KEYRING, close: () => raw.$disconnect() };
}
