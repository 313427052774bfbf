/**
 * Draining the outbox: long-poll the server for this account's messages, say each one (paced),
 * ack it right after `say` succeeds, report a failure, and on stop release what was not started.
 * One ack per delivery; delivery is at least once — a bot killed between a say and its ack has
 * that message said again when its lease expires on the server (see server/outbox/delivery.ts).
 */
import { z } from 'zod';
import type { Pacer, PacerClock } from './pacer';
import { realClock } from './pacer';

export const OutboxItem = z.object({
  id: z.string(),
  targetType: z.enum(['contact', 'room']),
  targetId: z.string(),
  kind: z.string(),
  text: z.string(),
  attempts: z.number().int().default(0),
});
export type OutboxItem = z.infer<typeof OutboxItem>;

const LeaseAnswer = z.object({ messages: z.array(OutboxItem), leaseSeconds: z.number().optional() });

/** Short calls (ack, fail, release) get this long; they are not cut by stop(). */
const CALL_TIMEOUT_MS = 10_000;

export class OutboxClient {
  constructor(
    private readonly serverUrl: string,
    private readonly token: string,
    private readonly account: () => { puppet: string; accountId: string },
  ) {}

  private url(path: string): string {
    return `${this.serverUrl.replace(/\/$/, '')}/api/bot/outbox${path}`;
  }

  /** Waits up to `waitSeconds` for messages; they are leased to us. */
  async lease(waitSeconds: number, limit: number, signal: AbortSignal): Promise<OutboxItem[]> {
    const { puppet, accountId } = this.account();
    const query = new URLSearchParams({ puppet, accountId, wait: String(waitSeconds), limit: String(limit) });
    const res = await fetch(this.url(`?${query}`), {
      headers: { authorization: `Bearer ${this.token}` },
      signal: AbortSignal.any([signal, AbortSignal.timeout((waitSeconds + 15) * 1000)]),
    });
    if (!res.ok) throw new Error(`outbox: HTTP ${res.status}`);
    return LeaseAnswer.parse(await res.json()).messages;
  }

  ack(id: string): Promise<void> {
    return this.post(`/${encodeURIComponent(id)}/ack`, {});
  }

  fail(id: string, error: string): Promise<void> {
    return this.post(`/${encodeURIComponent(id)}/fail`, { error: error.slice(0, 500) });
  }

  release(id: string, retryAt?: Date): Promise<void> {
    return this.post(`/${encodeURIComponent(id)}/release`, retryAt ? { retryAt: retryAt.toISOString() } : {});
  }

  private async post(path: string, body: object): Promise<void> {
    const res = await fetch(this.url(path), {
      method: 'POST',
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
    });
    await res.body?.cancel();
    if (!res.ok) throw new Error(`outbox${path.replace(/^\/[^/]+/, '')}: HTTP ${res.status}`);
  }
}

export interface DrainOptions {
  client: OutboxClient;
  /** Says one message to its contact or room; throws when it cannot. */
  say: (item: OutboxItem) => Promise<void>;
  pacer: Pacer;
  /** Aborted by stop(). */
  stopped: AbortSignal;
  /** Long-poll wait (default 25 s) and batch size (default 10). */
  waitSeconds?: number;
  limit?: number;
  /** After the server could not be reached: first wait, doubling up to max. */
  backoff?: { initialMs?: number; maxMs?: number };
  clock?: PacerClock;
  log?: Pick<Console, 'info' | 'warn' | 'error'>;
}

/** Runs until `stopped` aborts; resolves once the message in hand is acked and the rest released. */
export async function drainOutbox(o: DrainOptions): Promise<void> {
  const clock = o.clock ?? realClock;
  const log = o.log ?? console;
  const initialMs = o.backoff?.initialMs ?? 1_000;
  const maxMs = o.backoff?.maxMs ?? 60_000;
  let failures = 0;
  while (!o.stopped.aborted) {
    let batch: OutboxItem[];
    try {
      batch = await o.client.lease(o.waitSeconds ?? 25, o.limit ?? 10, o.stopped);
      if (failures > 0) log.info(`[bot] outbox reachable again after ${failures} failures`);
      failures = 0;
    } catch (error) {
      if (o.stopped.aborted) break;
      if (failures === 0) log.warn(`[bot] outbox unavailable (${(error as Error).message}), retrying`);
      await clock.sleep(Math.min(maxMs, initialMs * 2 ** failures++), o.stopped);
      continue;
    }
    await deliverBatch(o, batch, log);
  }
}

async function deliverBatch(o: DrainOptions, batch: OutboxItem[], log: Pick<Console, 'info' | 'warn' | 'error'>): Promise<void> {
  // a target whose message did not go stays behind: its later messages must not overtake it
  const held = new Set<string>();
  for (const [i, item] of batch.entries()) {
    const target = `${item.targetType}:${item.targetId}`;
    if (held.has(target)) {
      await settle(o.client.release(item.id), log, item, 'release');
      continue;
    }
    if (!o.pacer.takeDaily(item.kind)) {
      held.add(target);
      await settle(o.client.release(item.id, o.pacer.nextDay()), log, item, 'release');
      continue;
    }
    if (!(await o.pacer.turn(o.stopped))) {
      // stopping: hand back what was not started, so the next bot has it at once
      for (const rest of batch.slice(i)) await settle(o.client.release(rest.id), log, rest, 'release');
      return;
    }
    try {
      await o.say(item);
    } catch (error) {
      held.add(target);
      log.warn(`[bot] outbox ${item.id} (${item.kind} to a ${item.targetType}) not said: ${(error as Error).message}`);
      await settle(o.client.fail(item.id, (error as Error).message || 'say failed'), log, item, 'fail');
      continue;
    }
    await ackWithRetry(o, item, log);
  }
}

/** The message was said: the ack must get through, or it will be said again after its lease. */
async function ackWithRetry(o: DrainOptions, item: OutboxItem, log: Pick<Console, 'info' | 'warn' | 'error'>): Promise<void> {
  const clock = o.clock ?? realClock;
  const never = new AbortController().signal; // not cut short by stop(): this is the one call that must land
  for (let attempt = 1; ; attempt++) {
    try {
      await o.client.ack(item.id);
      return;
    } catch (error) {
      if (attempt >= 4) {
        log.error(`[bot] outbox ${item.id} said but not acknowledged (${(error as Error).message}): it will be said again when its lease ends`);
        return;
      }
      await clock.sleep(250 * 2 ** attempt, never);
    }
  }
}

async function settle(call: Promise<void>, log: Pick<Console, 'warn'>, item: OutboxItem, what: string): Promise<void> {
  // a lost release or fail only delays the message until its lease ends
  await call.catch((error: Error) => log.warn(`[bot] outbox ${item.id}: ${what} not recorded (${error.message})`));
}
