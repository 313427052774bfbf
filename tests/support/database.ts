/** A fresh database for a test file, cloned from the migrated template (see postgres.ts). */
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../server/generated/prisma/client';
import { adminQuery, databaseUrl, TEMPLATE_DB, workerDatabaseName } from './postgres';

export type TestDatabase = { url: string; prisma: PrismaClient; close(): Promise<void> };

/** A fresh database for this test file, cloned from the migrated template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = workerDatabaseName();
  await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DB}"`);
  const url = databaseUrl(name);
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  return { url, prisma, close: () => prisma.$disconnect() };
}
