/**
 * Scheduled broadcasts start on time: every minute (and once at start) the broadcasts whose time
 * has come are started — each in its own transaction, idempotent (see lifecycle.ts), so a run
 * repeated, overlapping with another server's or after a crash starts nothing twice — and those
 * with nothing left queued are marked done.
 */
import type { PrismaClient } from '../../generated/prisma/client';
import { startScheduledJob, type ScheduledJob } from '../jobs/scheduled';
import type { Logger } from '../../log';
import { settleBroadcasts, startBroadcast } from './lifecycle';
import { systemClock } from '../clock';

export type BroadcastRunReport = { started: number; recipients: number; done: number };

export async function runDueBroadcasts(prisma: PrismaClient, now: Date, log?: Logger): Promise<BroadcastRunReport> {
  const report: BroadcastRunReport = { started: 0, recipients: 0, done: 0 };
  const due = await prisma.broadcast.findMany({ where: { status: 'scheduled', scheduledAt: { lte: now } }, select: { id: true }, orderBy: { scheduledAt: 'asc' } });
  for (const { id } of due) {
    try {
      const result = await startBroadcast(prisma, id, now);
      if (result?.started) {
        report.started += 1;
        report.recipients += result.recipients;
        log?.info('broadcast started', { id, recipients: result.recipients });
      }
    } catch (err) {
      // one broadcast that cannot start (its image gone…) does not hold up the others
      log?.error('broadcast could not start', { id, err });
    }
  }
  report.done = await settleBroadcasts(prisma, now);
  return report;
}

export type BroadcastJob = ScheduledJob<BroadcastRunReport>;

/** Every minute and once right away (see server/core/jobs/scheduled.ts). */
export function startBroadcastJob(prisma: PrismaClient, log: Logger, clock: () => Date = systemClock): BroadcastJob {
  return startScheduledJob({ name: 'broadcast run', pattern: '* * * * *', log, db: prisma, task: () => runDueBroadcasts(prisma, clock(), log) });
}
