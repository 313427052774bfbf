/**
 * Closed-loop load: `concurrency` workers, each sending its next request when the last one is
 * answered, until the time is up. Every request is timed; errors are counted, never thrown.
 */
import { percentiles, type Percentiles } from './stats';

export type LoadResult = Percentiles & { ok: number; errors: number; seconds: number; perSecond: number; firstError?: string };

export class Recorder {
  readonly latencies: number[] = [];
  errors = 0;
  firstError?: string;

  /** Times `call`; it answers false (or throws) for an error. */
  async time(call: () => Promise<boolean | string>): Promise<boolean> {
    const t = performance.now();
    let outcome: boolean | string;
    try {
      outcome = await call();
    } catch (err) {
      outcome = (err as Error).message;
    }
    if (outcome === true) {
      this.latencies.push(performance.now() - t);
      return true;
    }
    this.errors += 1;
    this.firstError ??= typeof outcome === 'string' ? outcome : 'failed';
    return false;
  }

  result(seconds: number): LoadResult {
    return { ...percentiles(this.latencies), ok: this.latencies.length, errors: this.errors, seconds, perSecond: this.latencies.length / seconds, ...(this.firstError ? { firstError: this.firstError } : {}) };
  }
}

/** Runs `worker(index, deadline, recorder)` on `concurrency` workers; the figure is over the whole wall time. */
export async function closedLoop(concurrency: number, seconds: number, worker: (index: number, deadline: number, rec: Recorder) => Promise<void>): Promise<LoadResult> {
  const rec = new Recorder();
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(Array.from({ length: concurrency }, (_, i) => worker(i, deadline, rec)));
  return rec.result((performance.now() - started) / 1000);
}

/** The same request over and over from each worker: an answer with status `expect` is a success. */
export function repeatRequest(concurrency: number, seconds: number, send: () => Promise<{ status: number }>, expect = 200): Promise<LoadResult> {
  return closedLoop(concurrency, seconds, async (_i, deadline, rec) => {
    while (performance.now() < deadline) {
      await rec.time(async () => {
        const res = await send();
        return res.status === expect || `HTTP ${res.status}`;
      });
    }
  });
}
