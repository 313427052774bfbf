/**
 * The conversation step's two statements (chat/conversation/load.ts, save.ts) straight through
 * the pool Prisma's adapter uses — the same connections and prepared names (prepared.ts) — past
 * Prisma's client runtime, which cost more Node CPU per statement than the pg driver itself
 * (bench/README.md, "Where a conversation step's time goes"). Without a pool (PGlite, a
 * transaction, a test calling the runtime directly) the same SQL goes through Prisma.
 */
import { types, type Pool } from 'pg';
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

/**
 * Prisma's DateTime columns are `timestamp(3)` (no time zone) holding UTC, and Prisma's runtime reads
 * and writes them as such; the pg driver alone would read them, and write a Date parameter, in the
 * process's local time zone. So the pool's rows and parameters are made to match Prisma's: a
 * statement answers the same values whichever way it is sent.
 */
const TIMESTAMP_OID = 1114;
const utcTimestamp = (text: string) => new Date(`${text.replace(' ', 'T')}Z`);
const AS_PRISMA_READS = { getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === TIMESTAMP_OID && format !== 'binary' ? utcTimestamp : types.getTypeParser(oid, format))) as typeof types.getTypeParser };
const asPrismaWrites = (value: unknown) => (value instanceof Date ? value.toISOString() : value);

export function throughPool(pool: Pool): SqlRunner {
  const run = (sql: string, values: unknown[]) => pool.query({ name: preparedName({ sql }), text: sql, values: values.map(asPrismaWrites), types: AS_PRISMA_READS });
  return { rows: async (sql, values) => (await run(sql, values)).rows, count: async (sql, values) => (await run(sql, values)).rowCount ?? 0 };
}

/** A unique violation from either path: Prisma's wrapped driver error, or pg's own (SQLSTATE 23505). */
export function isUniqueViolation(err: unknown): boolean {
  if ((err as { code?: string }).code === '23505') return true;
  const cause = (err as { meta?: { driverAdapterError?: { cause?: { kind?: string } } } }).meta?.driverAdapterError?.cause?.kind;
  return (err as { code?: string }).code === 'P2010' && cause === 'UniqueConstraintViolation';
}
