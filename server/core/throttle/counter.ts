/**
 * Attempt counters for throttling. A counter's window starts at its first attempt and lasts
 * `windowMs`; the next attempt after it starts a new window at one. `hit` counts an attempt and
 * answers the count including it, atomically: of 40 parallel attempts against a limit of 5,
 * exactly 5 see a count ≤ 5. Callers count BEFORE doing the work the limit protects (checking a
 * password or a code), so a refused attempt costs nothing.
 *
 * Two stores with the same meaning:
 *  - DbCounters: one row per key, one `INSERT … ON CONFLICT DO UPDATE … RETURNING` (PostgreSQL and
 *    PGlite): shared by every server process and kept across restarts — per account, per phone,
 *    per binding contact, the global binding budget. Inside a transaction the row stays locked
 *    until commit, so concurrent attempts queue on it and still count one by one.
 *  - MemoryCounters: per client address, in this process — a flood is refused without a database
 *    round trip (that is what keeps the server answering during one).
 */
import type { Prisma, PrismaClient } from '../../generated/prisma/client';

type Db = PrismaClient | Prisma.TransactionClient;

export type Hit = { count: number; resetAt: Date };
export type Limit = { max: number; windowMs: number };

/** Seconds until `hit`'s window ends, at least one (for Retry-After). */
export function retryAfterSeconds(hit: Hit, now: Date): number {
  return Math.max(1, Math.ceil((hit.resetAt.getTime() - now.getTime()) / 1000));
}

// timestamp(3) columns hold UTC; a literal's zone is ignored when cast to timestamp
const ts = (d: Date) => d.toISOString();

/** Counts one attempt on `key`, a row offered by SELECT or VALUES (key, 1, window start, expiry), answering n and expiresAt. */
const COUNT_ATTEMPT = (source: string) => `
  INSERT INTO "ThrottleCounter" (key, n, "windowStart", "expiresAt")
  ${source}
  ON CONFLICT (key) DO UPDATE SET
    n = CASE WHEN "ThrottleCounter"."expiresAt" <= EXCLUDED."windowStart" THEN 1 ELSE "ThrottleCounter".n + 1 END,
    "windowStart" = CASE WHEN "ThrottleCounter"."expiresAt" <= EXCLUDED."windowStart" THEN EXCLUDED."windowStart" ELSE "ThrottleCounter"."windowStart" END,
    "expiresAt" = CASE WHEN "ThrottleCounter"."expiresAt" <= EXCLUDED."windowStart" THEN EXCLUDED."expiresAt" ELSE "ThrottleCounter"."expiresAt" END
  RETURNING n, "expiresAt"`;

const HIT_SQL = COUNT_ATTEMPT('VALUES ($1, 1, $2::timestamp, $3::timestamp)');

/**
 * hitWithin's statement for `k` counters. Parameters: $1 the window start (now), then per counter
 * its key, expiry and limit. Counter i is counted from counter i-1's row only when that one is
 * within its limit; a counter not reached answers no row and the whole is not within.
 */
const hitWithinSql = (k: number): string => {
  const param = (i: number, of: 'key' | 'expiresAt' | 'max') => `$${2 + 3 * i + (of === 'key' ? 0 : of === 'expiresAt' ? 1 : 2)}`;
  const counts = Array.from({ length: k }, (_, i) => {
    const row = `${param(i, 'key')}, 1, $1::timestamp, ${param(i, 'expiresAt')}::timestamp`;
    const source = i === 0 ? `VALUES (${row})` : `SELECT ${row} FROM "h${i - 1}" WHERE "h${i - 1}".n <= ${param(i - 1, 'max')}`;
    return `"h${i}" AS (${COUNT_ATTEMPT(source)})`;
  });
  const within = Array.from({ length: k }, (_, i) => `COALESCE((SELECT n FROM "h${i}") <= ${param(i, 'max')}, false)`).join(' AND ');
  return `WITH ${counts.join(',\n')}\nSELECT (${within}) AS "within"`;
};

export type CountedLimit = { key: string; windowMs: number; max: number };

export const DbCounters = {
  async hit(db: Db, key: string, windowMs: number, now: Date): Promise<Hit> {
    const resetAt = new Date(now.getTime() + windowMs);
    const rows = await db.$queryRawUnsafe<{ n: number; expiresAt: Date }[]>(HIT_SQL, key, ts(now), ts(resetAt));
    const row = rows[0];
    return { count: Number(row.n), resetAt: asUtc(row.expiresAt) };
  },

  /**
   * Counts one attempt on each counter in turn, in one statement (one round trip where `hit` after
   * `hit` took one each): a counter is counted only while every one before it is within its limit,
   * so an attempt refused by one spends nothing of the budgets after it. True when all were within.
   */
  async hitWithin(db: Db, limits: CountedLimit[], now: Date): Promise<boolean> {
    const values = limits.flatMap((l) => [l.key, ts(new Date(now.getTime() + l.windowMs)), l.max]);
    const rows = await db.$queryRawUnsafe<{ within: boolean }[]>(hitWithinSql(limits.length), ts(now), ...values);
    return rows[0]!.within === true;
  },

  /** The current count without counting (0 when none or expired). */
  async peek(db: Db, key: string, now: Date): Promise<Hit | null> {
    const row = await db.throttleCounter.findUnique({ where: { key } });
    return row && row.expiresAt > now ? { count: row.n, resetAt: row.expiresAt } : null;
  },

  /** Forgets a counter (a successful login; the county office lifts a lock). */
  async clear(db: Db, keys: string[]): Promise<void> {
    if (keys.length > 0) await db.throttleCounter.deleteMany({ where: { key: { in: keys } } });
  },

  /** Drops expired rows (a scheduled sweep). */
  async sweep(db: Db, now: Date): Promise<number> {
    return (await db.throttleCounter.deleteMany({ where: { expiresAt: { lte: now } } })).count;
  },
};

// $queryRaw returns timestamp (without zone) columns as Dates read as UTC already; a string would be a driver quirk.
function asUtc(v: Date | string): Date {
  return v instanceof Date ? v : new Date(`${v}Z`);
}

/** In-process counters with the same windows; `maxKeys` bounds memory under a flood of addresses. */
export class MemoryCounters {
  private readonly windows = new Map<string, { n: number; resetAt: number }>();

  constructor(private readonly maxKeys = 100_000) {}

  hit(key: string, windowMs: number, now: Date): Hit {
    const t = now.getTime();
    let w = this.windows.get(key);
    if (!w || w.resetAt <= t) {
      if (!w && this.windows.size >= this.maxKeys) this.evict(t);
      w = { n: 0, resetAt: t + windowMs };
      this.windows.set(key, w);
    }
    w.n += 1;
    return { count: w.n, resetAt: new Date(w.resetAt) };
  }

  clear(key: string): void {
    this.windows.delete(key);
  }

  /** Expired windows go first; if none, the oldest (a flood of fresh addresses cannot grow the map). */
  private evict(t: number): void {
    for (const [k, w] of this.windows) if (w.resetAt <= t) this.windows.delete(k);
    if (this.windows.size >= this.maxKeys) this.windows.delete(this.windows.keys().next().value!);
  }
}
