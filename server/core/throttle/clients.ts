/**
 * Per-client limits on the endpoints that check a secret (cadre login, one-time codes): at most
 * `perMinute` attempts a minute and `perHour` an hour from one address, per action. Both windows
 * count every attempt, refused ones included, so a client that keeps hammering after the first
 * refusal is shut out for the rest of the hour — a backoff that grows with persistence, while a
 * person who mistyped waits a minute at most. In memory (server/core/throttle/counter.ts): a refused
 * request costs no database round trip and no hashing.
 */
import { MemoryCounters, retryAfterSeconds } from './counter';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export type ClientLimits = { perMinute: number; perHour: number };

export class ClientLimiter {
  private readonly counters = new MemoryCounters();

  constructor(private readonly limits: ClientLimits) {}

  /** Counts an attempt of `client` at `action`; null when allowed, else how long to wait. */
  take(action: string, client: string, now: Date): { retryAfterSeconds: number } | null {
    const minute = this.counters.hit(`${action}:m:${client}`, MINUTE, now);
    const hour = this.counters.hit(`${action}:h:${client}`, HOUR, now);
    if (hour.count > this.limits.perHour) return { retryAfterSeconds: retryAfterSeconds(hour, now) };
    if (minute.count > this.limits.perMinute) return { retryAfterSeconds: retryAfterSeconds(minute, now) };
    return null;
  }
}
