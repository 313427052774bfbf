/**
 * The conversation step's two statements (chat/conversation/load.ts, save.ts) straight through
 * the pool Prisma's adapter uses — the same connections and prepared names (prepared.ts) — past
 * Prisma's client runtime, which cost more Node CPU per statement than the pg driver itself
 * (bench/README.md, "Where a conversation step's time goes"). Without a pool (PGlite, a
 * transaction, a test calling the runtime directly) the same SQL goes through Prisma.
 */
import type { Pool } from 'pg';
import { preparedName } from './prepared';

export type SqlRunner = {
  /** The rows of a SELECT (or RETURNING). */
  rows<T>(sql: string, values: unknown[]): Promise<T[]>;
  /** The number of rows a write touched. */
  count(sql: string, values: unknown[]): Promise<number>;
};

type RawCapable = { $queryRawUnsafe<T>(sql: string, ...values: unknown[]): Promise<T>; $executeRawUnsafe(sql: string, ...values: unknown[]): Promise<number> };

export function throughPrisma(db: RawCapable): SqlRunner {
  return { rows: (sql, values) => db.$queryRawUnsafe(sql, ...values), count: (sql, values) => db.$executeRawUnsafe(sql, ...values) };
}

export function throughPool(pool: Pool): SqlRunner {
  const run = (sql: string, values: unknown[]) => pool.query({ name: preparedName({ sql }), text: sql, values });
  return { rows: async (sql, values) => (await run(sql, values)).rows, count: async (sql, values) => (await run(sql, values)).rowCount ?? 0 };
}

/** A unique violation from either path: Prisma's wrapped driver error, or pg's own (SQLSTATE 23505). */
export function isUniqueViolation(err: unknown): boolean {
  if ((err as { code?: string }).code === '23505') return true;
  const cause = (err as { meta?: { driverAdapterError?: { cause?: { kind?: string } } } }).meta?.driverAdapterError?.cause?.kind;
  return (err as { code?: string }).code === 'P2010' && cause === 'UniqueConstraintViolation';
}
