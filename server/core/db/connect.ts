/**
 * One place that decides which database the system talks to: PostgreSQL through
 * @prisma/adapter-pg when DATABASE_URL is set, otherwise embedded PGlite under ./data.
 */
import path from 'node:path';
import { mkdirSync, readdirSync } from 'node:fs';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient } from '../../generated/prisma/client';

export type Database = {
  prisma: PrismaClient;
  /** Adapter factory for the schema engine (migrations). */
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  kind: 'postgres' | 'pglite';
  close(): Promise<void>;
};

export async function connectDatabase(opts: { databaseUrl?: string; dataDir: string; progress?: (line: string) => void }): Promise<Database> {
  if (opts.databaseUrl) {
    const { PrismaPg } = await import('@prisma/adapter-pg');
    const factory = new PrismaPg({ connectionString: opts.databaseUrl });
    const prisma = new PrismaClient({ adapter: factory });
    return { prisma, adapterFactory: factory, kind: 'postgres', close: () => prisma.$disconnect() };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { PrismaPGlite } = await import('pglite-prisma-adapter');
  const dir = path.resolve(opts.dataDir, 'pglite');
  mkdirSync(dir, { recursive: true });
  // an empty folder: PGlite runs initdb first (several seconds, once)
  if (readdirSync(dir).length === 0) opts.progress?.(`creating the embedded database in ${dir}…`);
  const pglite = await PGlite.create(dir);
  const factory = new PrismaPGlite(pglite) as unknown as SqlMigrationAwareDriverAdapterFactory;
  const prisma = new PrismaClient({ adapter: factory as never });
  return {
    prisma,
    adapterFactory: factory,
    kind: 'pglite',
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}
