/**
 * The loop of a worker that delivers its own outbox channel from the server (text messages, WeChat
 * subscribe messages): one delivery under way at a time (a runOnce during one joins it), the next
 * `intervalMs` after the last ended, and a stop that waits for the one under way.
 */
import type { Logger } from '../../log';
import { nowOf } from '../clock';

export type OutboxWorker = { runOnce(now?: Date): Promise<number>; stop(): Promise<void> };

export function pollingWorker(
  name: string,
  deliver: (now: Date) => Promise<number>,
  opts: { log: Logger; intervalMs?: number; /** false: tests drive runOnce themselves. */ autoStart: boolean },
): OutboxWorker {
  let running: Promise<number> | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const runOnce = (now = nowOf()) => {
    running ??= deliver(now).finally(() => (running = null));
    return running;
  };
  const tick = () => {
    if (stopped) return;
    runOnce()
      .catch((err) => opts.log.error(`${name} failed`, { err }))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, opts.intervalMs ?? 5000);
      });
  };
  if (opts.autoStart) timer = setTimeout(tick, 0);

  return {
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => 0);
    },
  };
}
