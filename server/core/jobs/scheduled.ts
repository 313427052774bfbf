/**
 * A periodic job: run on a cron pattern (China time) and once right away. Runs never overlap —
 * a call while one is in progress joins it — a failure is logged, not thrown, and stop() ends the
 * schedule and waits for a run in progress (so shutdown never cuts a transaction short).
 *
 * Several server processes on one database run each tick once (`db` given): before a run, a
 * process claims the tick — the cron time it is for — in JobTick with one conditional UPDATE;
 * only the process whose UPDATE changed the row runs it. The claim also holds a lease
 * (runningUntil, renewed while the run lasts): a run longer than the period keeps the next tick
 * from starting beside it anywhere, and a process that dies mid-run frees the job when its lease
 * ends. (An advisory lock alone would not do: it keeps two runs from overlapping, not a second
 * process from running the same tick again after the first has finished. A session lock would
 * need its own connection held for the whole run, which the embedded PGlite does not have.)
 * The run at start claims the latest tick, so a process started mid-hour runs the hourly job only
 * when nobody has run this hour's. runNow() is a deliberate run: it claims nothing.
 */
import { Cron } from 'croner';
import { CHINA_TIME_ZONE } from '../../../flows/china-time';
import type { PrismaClient } from '../../generated/prisma/client';
import type { Logger } from '../../log';
import { nowOf } from '../clock';

export type ScheduledJob<T> = { stop(): Promise<void>; runNow(): Promise<T | null> };

type ClaimDb = Pick<PrismaClient, '$executeRaw'>;

/** How long a claim holds the job without being renewed (a process that died frees it then). */
const LEASE_MS = 5 * 60_000;

export function startScheduledJob<T>(opts: { name: string; pattern: string; log: Logger; task: () => Promise<T>; db?: ClaimDb; /** the job in JobTick (default: name; croner wants names unique in a process, so a test of two instances in one process names them apart) */ tickName?: string }): ScheduledJob<T> {
  const tickName = opts.tickName ?? opts.name;
  let running: Promise<T | null> | undefined;
  /** `claim`: null when another process has this run; else what to do once it is over. */
  const run = (claim?: () => Promise<(() => Promise<void>) | null>): Promise<T | null> => {
    running ??= (async () => {
      const done = claim ? await claim() : async () => undefined;
      if (!done) return null;
      try {
        return await opts.task();
      } finally {
        await done();
      }
    })()
      .catch((err: unknown) => {
        opts.log.error(`${opts.name} failed`, { err });
        return null;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const job = new Cron(opts.pattern, { timezone: CHINA_TIME_ZONE, name: opts.name }, () => void runTick());
  function runTick(): Promise<T | null> {
    const db = opts.db;
    if (!db) return run();
    return run(async () => {
      const now = nowOf();
      // the cron time this run is for: the latest at or before now (a timer a little early still counts)
      const tick = job.previousRuns(1, new Date(now.getTime() + 1000))[0] ?? now;
      if (!(await claimTick(db, tickName, tick, now))) return null;
      const renew = setInterval(() => void renewTick(db, tickName, tick, nowOf()).catch(() => undefined), LEASE_MS / 3);
      renew.unref();
      return async () => {
        clearInterval(renew);
        await releaseTick(db, tickName, tick, nowOf()).catch(() => undefined);
      };
    });
  }
  void runTick();
  return {
    runNow: () => run(),
    async stop() {
      job.stop();
      await running;
    },
  };
}

const ts = (d: Date) => d.toISOString();

/** True when this process now owns `tick` of job `name`: nobody claimed it, and no run holds the job. */
export async function claimTick(db: ClaimDb, name: string, tick: Date, now: Date): Promise<boolean> {
  const claimed = await db.$executeRaw`
    INSERT INTO "JobTick" (name, tick, "runningUntil") VALUES (${name}, ${ts(tick)}::timestamp, ${ts(new Date(now.getTime() + LEASE_MS))}::timestamp)
    ON CONFLICT (name) DO UPDATE SET tick = EXCLUDED.tick, "runningUntil" = EXCLUDED."runningUntil"
    WHERE "JobTick".tick < EXCLUDED.tick AND ("JobTick"."runningUntil" IS NULL OR "JobTick"."runningUntil" <= ${ts(now)}::timestamp)`;
  return claimed === 1;
}

async function renewTick(db: ClaimDb, name: string, tick: Date, now: Date): Promise<void> {
  await db.$executeRaw`UPDATE "JobTick" SET "runningUntil" = ${ts(new Date(now.getTime() + LEASE_MS))}::timestamp WHERE name = ${name} AND tick = ${ts(tick)}::timestamp`;
}

async function releaseTick(db: ClaimDb, name: string, tick: Date, now: Date): Promise<void> {
  await db.$executeRaw`UPDATE "JobTick" SET "runningUntil" = NULL, "ranAt" = ${ts(now)}::timestamp WHERE name = ${name} AND tick = ${ts(tick)}::timestamp`;
}
