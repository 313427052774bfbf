/**
 * Who may try a cadre password now. Counted BEFORE the password is checked (atomic counters,
 * server/core/throttle/counter.ts), so parallel guesses never check more than the limit, and a refused
 * attempt costs no hashing:
 *  - per client address: AUTH_CLIENT_PER_MINUTE / AUTH_CLIENT_PER_HOUR (server/core/throttle/clients.ts);
 *  - per account name — known or not, so the answers never tell which names exist:
 *    LOGIN_MAX_FAILURES attempts within LOGIN_LOCK_MINUTES from the first; a successful login
 *    starts the count again;
 *  - a known device of the account (server/core/auth/known-devices.ts) is counted on its own instead,
 *    with the same numbers: failures by others never lock its cadre out;
 *  - at most LOGIN_CONCURRENCY password checks at once from clients that are not known devices
 *    (server/core/throttle/gate.ts): a flood from many addresses is refused for a second rather than
 *    queued, so it cannot fill the thread pool and the database pool.
 * Reaching the account limit is noted in Cadre.lockedUntil for the offices' account list; the
 * county office lifts it (clearLoginLimits).
 */
import type { Prisma, PrismaClient } from '../../generated/prisma/client';
import type { ClientLimiter } from '../throttle/clients';
import { DbCounters, retryAfterSeconds } from '../throttle/counter';
import type { Gate } from '../throttle/gate';

type Db = PrismaClient | Prisma.TransactionClient;

export type LoginLimitPolicy = { maxFailures: number; lockMinutes: number };
export type LoginAttempt = { username: string; client: string; device: { id: string } | null };
/** Admitted: call `done` when the password check is over. */
export type Admission = { ok: true; done: () => void } | { ok: false; retryAfterSeconds: number };
const nothing = () => {};

const accountKey = (username: string) => `login:account:${username}`;
const deviceKey = (deviceId: string) => `login:device:${deviceId}`;

export class LoginLimits {
  constructor(
    private readonly policy: LoginLimitPolicy,
    private readonly clients: ClientLimiter,
    private readonly checks: Gate,
  ) {}

  async admit(prisma: PrismaClient, a: LoginAttempt, now: Date): Promise<Admission> {
    const windowMs = this.policy.lockMinutes * 60_000;
    if (a.device) {
      const hit = await DbCounters.hit(prisma, deviceKey(a.device.id), windowMs, now);
      return hit.count > this.policy.maxFailures ? { ok: false, retryAfterSeconds: retryAfterSeconds(hit, now) } : { ok: true, done: nothing };
    }
    const client = this.clients.take('login', a.client, now);
    if (client) return { ok: false, ...client };
    const done = this.checks.tryEnter();
    if (!done) return { ok: false, retryAfterSeconds: 1 };
    const hit = await DbCounters.hit(prisma, accountKey(a.username), windowMs, now).catch((err: unknown) => {
      done();
      throw err;
    });
    if (hit.count <= this.policy.maxFailures) return { ok: true, done };
    done();
    // the same statement for every name (none updated when the name is unknown)
    if (hit.count === this.policy.maxFailures + 1) await prisma.cadre.updateMany({ where: { username: a.username }, data: { lockedUntil: hit.resetAt } });
    return { ok: false, retryAfterSeconds: retryAfterSeconds(hit, now) };
  }

  /**
   * The password was right: its counter starts again. A known device's success leaves the
   * account's count alone — whoever is failing against the account must not get a fresh start.
   */
  async succeeded(prisma: PrismaClient, a: LoginAttempt): Promise<void> {
    await DbCounters.clear(prisma, [a.device ? deviceKey(a.device.id) : accountKey(a.username)]);
  }
}

/** The county office lifts a lock (or sets a new password): the account's count starts again. */
export async function clearLoginLimits(db: Db, username: string | null): Promise<void> {
  if (username) await DbCounters.clear(db, [accountKey(username)]);
}
