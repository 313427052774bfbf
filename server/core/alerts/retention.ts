/**
 * A department's rows of people who are not registered — no household's head or member has the ID
 * number — raise nothing and are kept only to compare a person's next row with (a `lost` rule:
 * newly without aid). They are deleted DEPARTMENT_UNMATCHED_RETENTION_DAYS after they came (90
 * unless set): a county's office holds the ID numbers and health details of people it does not
 * serve no longer than that comparison needs. A matched row stays with its household's record
 * (an alert names it). Daily, once per day across server processes (server/core/jobs/scheduled.ts),
 * audited as a count — never whose.
 */
import type { PrismaClient } from '../../generated/prisma/client';
import type { Logger } from '../../log';
import { recordAudit } from '../audit/record';
import { systemClock } from '../clock';
import { startScheduledJob, type ScheduledJob } from '../jobs/scheduled';

const DAY = 24 * 3_600_000;
/** Rows per statement: a county's monthly file is a few thousand, and a delete this size holds its locks briefly. */
const BATCH = 5000;

/** Deletes the rows that matched no household and came before `now` less `days`; how many. */
export async function purgeUnmatchedRows(prisma: PrismaClient, days: number, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - days * DAY).toISOString();
  let purged = 0;
  // raw: nothing sealed is read; a row that raised an alert has its household (an alert's household cannot be deleted)
  for (let n = BATCH; n === BATCH; purged += n) {
    n = await prisma.$executeRaw`DELETE FROM "DepartmentRow" WHERE id IN (SELECT id FROM "DepartmentRow" WHERE "householdId" IS NULL AND "createdAt" < ${cutoff}::timestamp LIMIT ${BATCH})`;
  }
  if (purged > 0) await recordAudit(prisma, { at: now, actor: { kind: 'system' }, action: 'alerts:purge-unmatched-rows', allowed: true, reason: `${purged} department rows that matched no registered household, older than ${days} days, deleted` });
  return purged;
}

/** Every day at 03:23 China time, and once at start. */
export function startUnmatchedRowPurge(opts: { prisma: PrismaClient; days: number; log: Logger; clock?: () => Date }): ScheduledJob<number> {
  const clock = opts.clock ?? systemClock;
  return startScheduledJob({
    name: 'unmatched department row purge',
    pattern: '23 3 * * *',
    log: opts.log,
    db: opts.prisma,
    task: async () => {
      const n = await purgeUnmatchedRows(opts.prisma, opts.days, clock());
      if (n > 0) opts.log.info('unmatched department rows purged', { rows: n, olderThanDays: opts.days });
      return n;
    },
  });
}
