/**
 * One place that decides which database the system talks to: PostgreSQL through
 * @prisma/adapter-pg when DATABASE_URL is set, otherwise embedded PGlite under ./data.
 */
import path from 'node:path';
import { mkdirSync, readdirSync } from 'node:fs';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaClient } from '../../generated/prisma/client';
import { throughPool, type SqlRunner } from './direct';
import { preparedName } from './prepared';

export type Database = {
  prisma: PrismaClient;
  /** Adapter factory for the schema engine (migrations). */
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  kind: 'postgres' | 'pglite';
  /** PostgreSQL: the step's hot statements past Prisma's runtime, on the same pool (direct.ts). */
  sql?: SqlRunner;
  close(): Promise<void>;
};

/**
 * The adapter for a PostgreSQL URL, as the server uses it (tests too), on a pool of its own that
 * the hot statements share (direct.ts); those are prepared once per connection (prepared.ts).
 * `end` closes the pool after Prisma's disconnect (the adapter leaves a pool it was given open: the
 * schema engine connects and disposes the same factory while migrating).
 */
export async function postgresConnection(databaseUrl: string, onConnectionLost: (error: Error) => void = () => {}) {
  const { PrismaPg } = await import('@prisma/adapter-pg');
  const { Pool } = await import('pg');
  const pool = new Pool({ connectionString: databaseUrl });
  // An idle connection whose backend ends (PostgreSQL restarted, the connection terminated) is an
  // 'error' event on the pool: unheard, Node throws it and the process dies. The pool has already
  // dropped that connection and opens a new one on the next query, so hearing it is enough.
  pool.on('error', onConnectionLost);
  return { adapter: new PrismaPg(pool, { statementNameGenerator: preparedName }), sql: throughPool(pool), end: () => pool.end() };
}

export async function connectDatabase(opts: { databaseUrl?: string; dataDir: string; progress?: (line: string) => void; onConnectionLost?: (error: Error) => void }): Promise<Database> {
  if (opts.databaseUrl) {
    const { adapter: factory, sql, end } = await postgresConnection(opts.databaseUrl, opts.onConnectionLost);
    const prisma = new PrismaClient({ adapter: factory });
    return {
      prisma,
      adapterFactory: factory,
      kind: 'postgres',
      sql,
      close: async () => {
        await prisma.$disconnect();
        await end();
      },
    };
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
