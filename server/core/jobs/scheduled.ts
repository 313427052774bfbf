/**
 * A periodic job: run on a cron pattern (China time) and once right away. Runs never overlap —
 * a call while one is in progress joins it — a failure is logged, not thrown, and stop() ends the
 * schedule and waits for a run in progress (so shutdown never cuts a transaction short).
 */
import { Cron } from 'croner';
import { CHINA_TIME_ZONE } from '../../../flows/china-time';
import type { Logger } from '../../log';

export type ScheduledJob<T> = { stop(): Promise<void>; runNow(): Promise<T | null> };

export function startScheduledJob<T>(opts: { name: string; pattern: string; log: Logger; task: () => Promise<T> }): ScheduledJob<T> {
  let running: Promise<T | null> | undefined;
  const run = (): Promise<T | null> => {
    running ??= opts
      .task()
      .catch((err: unknown) => {
        opts.log.error(`${opts.name} failed`, { err });
        return null;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const job = new Cron(opts.pattern, { timezone: CHINA_TIME_ZONE, name: opts.name }, () => void run());
  void run();
  return {
    runNow: run,
    async stop() {
      job.stop();
      await running;
    },
  };
}
