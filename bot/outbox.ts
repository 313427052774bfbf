/**
 * Draining the outbox: long-poll the server for this account's messages, say each one (paced),
 * ack it right after `say` succeeds, report a failure, and on stop release what was not started.
 * One ack per delivery; delivery is at least once — a bot killed between a say and its ack has
 * that message said again when its lease expires on the server (see server/core/outbox/delivery.ts).
 * An ack the server did not take (it was restarting) is kept and sent again before the next
 * lease, and a message handed out again meanwhile is acked, not said twice.
 */
import { z } from 'zod';
import type { Pacer, PacerClock } from './pacer';
import { realClock } from './pacer';

/** A card or an image instead of the text (the server's OutboxContent). */
export const OutboxContent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('image'), documentId: z.string(), mime: z.string() }),
  z.object({ type: z.literal('link'), url: z.string(), title: z.string(), description: z.string().optional(), thumbnailUrl: z.string().optional() }),
  z.object({
    type: z.literal('miniprogram'),
    appid: z.string(),
    pagePath: z.string(),
    title: z.string(),
    username: z.string().optional(),
    description: z.string().optional(),
    thumbUrl: z.string().optional(),
  }),
]);
export type OutboxContent = z.infer<typeof OutboxContent>;

export const OutboxItem = z.object({
  id: z.string(),
  targetType: z.enum(['contact', 'room']),
  targetId: z.string(),
  kind: z.string(),
  text: z.string(),
  attempts: z.number().int().default(0),
  content: OutboxContent.optional(),
});
export type OutboxItem = z.infer<typeof OutboxItem>;

const LeaseAnswer = z.object({ messages: z.array(OutboxItem), leaseSeconds: z.number().optional() });
const SentToday = z.object({ date: z.string(), counts: z.record(z.string(), z.number().int()) });

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

  /** Waits up to `waitSeconds` for messages; they are leased to us. `skip`: kinds we will not say now (daily cap). */
  async lease(waitSeconds: number, limit: number, signal: AbortSignal, skip: string[] = []): Promise<OutboxItem[]> {
    const { puppet, accountId } = this.account();
    const query = new URLSearchParams({ puppet, accountId, wait: String(waitSeconds), limit: String(limit), ...(skip.length ? { skip: skip.join(',') } : {}) });
    const res = await fetch(this.url(`?${query}`), {
      headers: { authorization: `Bearer ${this.token}` },
      signal: AbortSignal.any([signal, AbortSignal.timeout((waitSeconds + 15) * 1000)]),
    });
    if (!res.ok) throw new Error(`outbox: HTTP ${res.status}`);
    return LeaseAnswer.parse(await res.json()).messages;
  }

  /** What this account said today (China date), by kind: a restarted bot keeps to its daily caps. Null: the server cannot tell. */
  async sentToday(signal: AbortSignal): Promise<{ date: string; counts: Record<string, number> } | null> {
    const { puppet, accountId } = this.account();
    const res = await fetch(this.url(`/sent-today?${new URLSearchParams({ puppet, accountId })}`), {
      headers: { authorization: `Bearer ${this.token}` },
      signal: AbortSignal.any([signal, AbortSignal.timeout(CALL_TIMEOUT_MS)]),
    });
    if (!res.ok) {
      await res.body?.cancel();
      if (res.status === 404) return null; // an older server
      throw new Error(`outbox sent-today: HTTP ${res.status}`);
    }
    return SentToday.parse(await res.json());
  }

  /** An image message's bytes. */
  async media(id: string): Promise<{ bytes: Buffer; mime: string }> {
    const res = await fetch(this.url(`/${encodeURIComponent(id)}/media`), {
      headers: { authorization: `Bearer ${this.token}` },
      signal: AbortSignal.timeout(60_000),
    });
    if (!res.ok) {
      await res.body?.cancel();
      throw new Error(`outbox media: HTTP ${res.status}`);
    }
    return { bytes: Buffer.from(await res.arrayBuffer()), mime: res.headers.get('content-type') ?? 'application/octet-stream' };
  }

  ack(id: string): Promise<void> {
    return this.post(`/${encodeURIComponent(id)}/ack`, {});
  }

  /** Many said at once (POST /api/bot/outbox/ack, at most 100 ids): one round trip. */
  ackMany(ids: string[]): Promise<void> {
    return this.post('/ack', { ids });
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
    if (!res.ok) throw Object.assign(new Error(`outbox${path.replace(/^\/[^/]+/, '')}: HTTP ${res.status}`), { status: res.status });
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
  const unacked = new Set<string>();
  let counted = false;
  while (!o.stopped.aborted) {
    let batch: OutboxItem[];
    try {
      if (!counted) {
        // a restarted bot starts the day where the last one left off, not from zero
        const today = await o.client.sentToday(o.stopped);
        if (today) o.pacer.countSentToday(today.date, today.counts);
        counted = true;
      }
      await flushAcks(o.client, unacked);
      batch = await o.client.lease(o.waitSeconds ?? 25, o.limit ?? 10, o.stopped, o.pacer.kindsAtCap());
      if (failures > 0) log.info(`[bot] outbox reachable again after ${failures} failures`);
      failures = 0;
    } catch (error) {
      if (o.stopped.aborted) break;
      if (failures === 0) log.warn(`[bot] outbox unavailable (${(error as Error).message}), retrying`);
      await clock.sleep(Math.min(maxMs, initialMs * 2 ** failures++), o.stopped);
      continue;
    }
    await deliverBatch(o, batch, log, unacked);
  }
  // stopping: one last try for acks still owed (else those are said again after their lease)
  await flushAcks(o.client, unacked).catch(() => undefined);
  for (const id of unacked) log.error(`[bot] outbox ${id} said but not acknowledged: it will be said again when its lease ends`);
}

/** Acks owed from before (the server was unreachable): throws while it still is. */
async function flushAcks(client: OutboxClient, unacked: Set<string>): Promise<void> {
  for (const id of [...unacked]) {
    try {
      await client.ack(id);
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (status === undefined || status >= 500) throw error; // unreachable still: try again later
      // refused for good (the message is gone): nothing to owe, and it must not block the rest
    }
    unacked.delete(id);
  }
}

async function deliverBatch(o: DrainOptions, batch: OutboxItem[], log: Pick<Console, 'info' | 'warn' | 'error'>, unacked: Set<string>): Promise<void> {
  // a target whose message did not go stays behind: its later messages must not overtake it
  const held = new Set<string>();
  for (const [i, item] of batch.entries()) {
    const target = `${item.targetType}:${item.targetId}`;
    if (unacked.has(item.id)) {
      // said already; its lease ran out before the server took our ack
      if (await ackWithRetry(o, item, log)) unacked.delete(item.id);
      continue;
    }
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
    if (!(await ackWithRetry(o, item, log))) unacked.add(item.id);
  }
}

/** The message was said: the ack must get through (false: not yet — the caller keeps it owed). */
async function ackWithRetry(o: DrainOptions, item: OutboxItem, log: Pick<Console, 'info' | 'warn' | 'error'>): Promise<boolean> {
  const clock = o.clock ?? realClock;
  const never = new AbortController().signal; // not cut short by stop(): this is the one call that must land
  for (let attempt = 1; ; attempt++) {
    try {
      await o.client.ack(item.id);
      return true;
    } catch (error) {
      if (attempt >= 4) {
        log.warn(`[bot] outbox ${item.id} said, ack not recorded yet (${(error as Error).message}): trying again before the next lease`);
        return false;
      }
      await clock.sleep(250 * 2 ** attempt, never);
    }
  }
}

async function settle(call: Promise<void>, log: Pick<Console, 'warn'>, item: OutboxItem, what: string): Promise<void> {
  // a lost release or fail only delays the message until its lease ends
  await call.catch((error: Error) => log.warn(`[bot] outbox ${item.id}: ${what} not recorded (${error.message})`));
}
