/**
 * Pacing for one WeChat account: WeChat punishes bursts ("操作过于频繁", blocks of hours), so
 * notices leave one at a time, at least `minIntervalMs` apart — a backlog of fifty goes out over
 * fifty seconds instead of at once. Replies to a villager's own message are not held back (they
 * answer someone waiting) but they count: the next notice keeps its distance from them too.
 * The clock is injected, so tests and bench/outbox-pacing.ts drive time themselves.
 */
import { shanghaiDate, startOfNextShanghaiDay } from '../flows/china-time';

export interface PacerClock {
  now(): number;
  /** Resolves after `ms`, or as soon as `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export const realClock: PacerClock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      if (signal.aborted) return resolve();
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      signal.addEventListener('abort', done);
    }),
};

export interface PacingOptions {
  /** Least time between two outgoing notices of this account (default 1000 ms). */
  minIntervalMs?: number;
  /** At most this many notices of a kind per day (China time), e.g. { reminder: 200 }; the rest wait for the next day. */
  dailyCaps?: Partial<Record<string, number>>;
  clock?: PacerClock;
}

export class Pacer {
  readonly minIntervalMs: number;
  private readonly clock: PacerClock;
  private readonly caps: Partial<Record<string, number>>;
  private last = Number.NEGATIVE_INFINITY;
  /** The China date the daily counts are for. */
  private day = '';
  private readonly sentToday = new Map<string, number>();

  constructor(options: PacingOptions = {}) {
    this.minIntervalMs = Math.max(0, options.minIntervalMs ?? 1000);
    this.clock = options.clock ?? realClock;
    this.caps = options.dailyCaps ?? {};
  }

  /**
   * Waits for the next notice's turn; false when `signal` aborted first (nothing was taken).
   * The turn is fixed when the wait begins: replies said meanwhile do not push it further, so a
   * busy conversation can delay a notice by one interval but never starve it.
   */
  async turn(signal: AbortSignal): Promise<boolean> {
    const at = this.last + this.minIntervalMs;
    for (;;) {
      if (signal.aborted) return false;
      const wait = at - this.clock.now();
      if (wait <= 0) {
        this.last = this.clock.now();
        return true;
      }
      await this.clock.sleep(wait, signal);
    }
  }

  /** Something else was said on this account (a reply): notices keep their distance. */
  noteSent(): void {
    this.last = Math.max(this.last, this.clock.now());
  }

  /** Counts a notice of `kind` against its daily cap; false when today's cap is reached. */
  takeDaily(kind: string): boolean {
    const cap = this.caps[kind];
    if (cap === undefined) return true;
    this.rollDay();
    const sent = this.sentToday.get(kind) ?? 0;
    if (sent >= cap) return false;
    this.sentToday.set(kind, sent + 1);
    return true;
  }

  /**
   * What the server says this account sent today (a restarted bot): counted against the caps.
   * `date` is the China date the counts are for; another day's counts are ignored.
   */
  countSentToday(date: string, counts: Record<string, number>): void {
    this.rollDay();
    if (this.day !== date) return;
    for (const [kind, n] of Object.entries(counts)) this.sentToday.set(kind, Math.max(this.sentToday.get(kind) ?? 0, n));
  }

  /** Kinds whose cap today is reached (the server keeps them queued until tomorrow). */
  kindsAtCap(): string[] {
    this.rollDay();
    return Object.entries(this.caps).flatMap(([kind, cap]) => (cap !== undefined && (this.sentToday.get(kind) ?? 0) >= cap ? [kind] : []));
  }

  private rollDay(): void {
    const today = shanghaiDate(new Date(this.clock.now()));
    if (today !== this.day) {
      this.day = today;
      this.sentToday.clear();
    }
  }

  /** The next midnight in China time: when the daily caps start again. */
  nextDay(): Date {
    return startOfNextShanghaiDay(new Date(this.clock.now()));
  }
}

/**
 * Unless BOT_DAILY_CAPS says otherwise: publicity is what gets personal accounts blocked ("操作过于
 * 频繁" after a few hundred messages a day), so broadcasts stop at 300 per account and day and
 * go on the next morning. Case notices have no cap: they are what a villager waits for.
 */
export const DEFAULT_DAILY_CAPS: Readonly<Record<string, number>> = { broadcast: 300 };

/**
 * BOT_DAILY_CAPS, e.g. "reminder=200,case_task=500,broadcast=1000": at most that many notices of a
 * kind per day (kinds: case_update, case_task, reminder, handover, broadcast), on top of
 * DEFAULT_DAILY_CAPS. Empty: the defaults.
 */
export function parseDailyCaps(text: string | undefined): Record<string, number> {
  const caps: Record<string, number> = { ...DEFAULT_DAILY_CAPS };
  for (const part of (text ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^([a-z_]+)\s*=\s*(\d{1,6})$/.exec(part);
    if (!m) throw new Error(`BOT_DAILY_CAPS: "${part}" must look like reminder=200`);
    caps[m[1]!] = Number(m[2]);
  }
  return caps;
}
