/**
 * The one HTTP call the gateway makes: POST {serverUrl}/api/bot/inbound. The server is
 * idempotent on messageId, so on a 5xx or a network error we simply call again, with
 * exponential backoff, for as long as the bot runs. A 4xx (but 408 and 429) is the server's
 * final word on that message — a NUL it refuses, a file too large — never retried: retrying
 * would jam the villager's conversation behind it for ever.
 */
import { z } from 'zod';
import type { Pending } from './inbound';

export interface Backoff {
  /** First wait after a failure (default 1 s); doubles each time … */
  initialMs?: number;
  /** … up to this (default 60 s). */
  maxMs?: number;
}

/** What the server finally said: 2xx answered, or a 4xx we must not retry (maybe with replies). */
export type Answer = { kind: 'answered'; replies: string[] } | { kind: 'rejected'; status: number; replies: string[] };

type Attempt = Answer | { kind: 'retry'; why: string };

const REQUEST_TIMEOUT_MS = 60_000;

const Replies = z.object({
  replies: z.array(z.object({ type: z.string(), text: z.string().optional() })),
});

export class ServerClient {
  private readonly initialMs: number;
  private readonly maxMs: number;

  constructor(
    private readonly serverUrl: string,
    private readonly token: string,
    /** Aborted by stop(): ends waits and requests in flight. */
    private readonly stopped: AbortSignal,
    backoff: Backoff = {},
  ) {
    this.initialMs = backoff.initialMs ?? 1_000;
    this.maxMs = backoff.maxMs ?? 60_000;
  }

  /**
   * Calls until the server answers; null if the bot stopped first (the call stays spooled).
   * `onFirstFailure` runs once, after the first failed attempt (to tell the villager to wait).
   */
  async send(pending: Pending, onFirstFailure: () => Promise<void>): Promise<Answer | null> {
    for (let failures = 0; ; failures++) {
      const attempt = await this.attempt(pending);
      if (this.stopped.aborted) return null;
      if (attempt.kind !== 'retry') {
        if (failures > 0) console.info(`[bot] server back: ${describe(pending)} after ${failures} retries`);
        if (attempt.kind === 'rejected') {
          console.warn(`[bot] server rejected ${describe(pending)}: HTTP ${attempt.status}, ${attempt.replies.length} replies`);
        }
        return attempt;
      }
      if (failures === 0) {
        console.warn(`[bot] server unavailable (${attempt.why}): ${describe(pending)}, retrying`);
        await onFirstFailure();
      }
      await sleep(Math.min(this.maxMs, this.initialMs * 2 ** failures), this.stopped);
      if (this.stopped.aborted) return null;
    }
  }

  private async attempt(pending: Pending): Promise<Attempt> {
    try {
      const res = await fetch(`${this.serverUrl.replace(/\/$/, '')}/api/bot/inbound`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${this.token}`,
          ...(pending.media ? {} : { 'content-type': 'application/json' }),
        },
        body: toBody(pending),
        signal: AbortSignal.any([this.stopped, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]),
      });
      const parsed = Replies.safeParse(await res.json().catch(() => undefined));
      const replies = parsed.success
        ? parsed.data.replies.flatMap((r) => (r.type === 'text' && r.text !== undefined ? [r.text] : []))
        : undefined;
      if (res.ok) return replies ? { kind: 'answered', replies } : { kind: 'retry', why: `HTTP ${res.status} without replies` };
      // 408 and 429 are the server asking us to come back later, not a verdict on the message
      if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) {
        return { kind: 'rejected', status: res.status, replies: replies ?? [] };
      }
      return { kind: 'retry', why: `HTTP ${res.status}` };
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause;
      return { kind: 'retry', why: cause?.code ?? (error as Error).name };
    }
  }
}

/** Text as JSON; media as multipart: a `meta` part (the JSON without text) and a `file` part. */
function toBody(pending: Pending): string | FormData {
  if (!pending.media) return JSON.stringify(pending.inbound);
  const form = new FormData();
  form.append('meta', JSON.stringify(pending.inbound));
  const bytes = Buffer.from(pending.media.base64, 'base64');
  form.append('file', new Blob([bytes], { type: pending.media.mimeType }), pending.media.name);
  return form;
}

/** For logs: the message id and sizes only — never the text, a phone or an ID number. */
export function describe(pending: Pending): string {
  const { inbound, media } = pending;
  const size =
    inbound.type === 'text' ? `${inbound.text.length} chars` : inbound.type === 'unsupported' ? inbound.kind : `${media ? (media.base64.length * 3) >> 2 : 0} bytes`;
  return `message ${inbound.messageId} (${inbound.type}, ${size})`;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });
}
