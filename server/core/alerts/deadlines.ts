/**
 * The alerts' 15-day clock, run by the hourly deadline check (server/core/workflow/overdue.ts):
 * an open alert with one working day or less left is flagged reminded (once), an open alert past
 * its due time is flagged overdue (once), each by one set-based UPDATE a batch at a time (rows
 * locked with SKIP LOCKED: an alert a cadre is closing right now is taken next hour); the village's
 * cadres then get one message per village and kind with the count — no household, no figures.
 */
import { t } from '../../../flows/i18n';
import type { Prisma, PrismaClient } from '../../generated/prisma/client';
import { enqueue } from '../outbox/enqueue';
import { nearestBoundCadres, regionChain } from '../notify/recipients';
import { regionName } from '../notify/texts';
import { currentStatics, workflowOf } from '../settings/workflow';
import { workingDaysLeft } from '../workflow/deadlines';
import type { WorkflowSettings } from '../workflow/perform';
import { ALERT_STATUS } from './departments';

type Tx = Prisma.TransactionClient;

export type AlertDeadlineReport = { reminded: number; overdue: number; messages: number };

const DAY = 86_400_000;
const BATCH = 1000;
/** A working day or less left is at most this many calendar days away (a long holiday aside: then the reminder comes later that week). */
const SOON_BOUND_DAYS = 4;

export async function checkAlertDeadlines(prisma: PrismaClient, defaults: WorkflowSettings, now: Date): Promise<AlertDeadlineReport> {
  const report: AlertDeadlineReport = { reminded: 0, overdue: 0, messages: 0 };
  const at = now.toISOString();
  const statics = await currentStatics(prisma);

  // past due: flagged once
  for (let more = true; more; ) {
    more = await prisma.$transaction(async (tx) => {
      const flagged = await tx.$queryRaw<{ villageId: string }[]>`
        UPDATE "Alert" a SET "overdueSince" = ${at}::timestamp
        WHERE a.id IN (
          SELECT id FROM "Alert" WHERE status = ${ALERT_STATUS.open} AND "dueAt" < ${at}::timestamp AND "overdueSince" IS NULL
          ORDER BY "dueAt" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
        RETURNING a."villageId"`;
      report.overdue += flagged.length;
      report.messages += await tell(tx, 'overdue', flagged, now);
      return flagged.length === BATCH;
    });
  }

  // due soon (a working day or less left, in the county's calendar): reminded once
  const bound = new Date(now.getTime() + SOON_BOUND_DAYS * DAY).toISOString();
  for (let more = true; more; ) {
    more = await prisma.$transaction(async (tx) => {
      const candidates = await tx.$queryRaw<{ id: string; countyId: string; dueAt: Date }[]>`
        SELECT id, "countyId", "dueAt" FROM "Alert"
        WHERE status = ${ALERT_STATUS.open} AND "remindedAt" IS NULL AND "overdueSince" IS NULL AND "dueAt" >= ${at}::timestamp AND "dueAt" < ${bound}::timestamp
        ORDER BY "dueAt" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`;
      const soon = candidates.filter((c) => workingDaysLeft(c.dueAt, now, workflowOf(statics, c.countyId, defaults).calendar) <= 1).map((c) => c.id);
      const flagged = soon.length === 0 ? [] : await tx.$queryRaw<{ villageId: string }[]>`UPDATE "Alert" SET "remindedAt" = ${at}::timestamp WHERE id = ANY(${soon}::text[]) RETURNING "villageId"`;
      report.reminded += flagged.length;
      report.messages += await tell(tx, 'due_soon', flagged, now);
      // a full batch of which some are not yet due soon: the rest are later still
      return candidates.length === BATCH && soon.length === candidates.length;
    });
  }
  return report;
}

async function tell(tx: Tx, kind: 'due_soon' | 'overdue', flagged: { villageId: string }[], now: Date): Promise<number> {
  const counts = new Map<string, number>();
  for (const f of flagged) counts.set(f.villageId, (counts.get(f.villageId) ?? 0) + 1);
  let sent = 0;
  for (const [villageId, count] of counts) {
    const chain = await regionChain(tx, villageId);
    const village = chain.find((r) => r.level === 'village');
    for (const r of await nearestBoundCadres(tx, chain)) {
      const text = t(r.lang, kind === 'overdue' ? 'alerts.notify.overdue' : 'alerts.notify.due_soon', { village: regionName(r.lang, village), count });
      if (await enqueue(tx, { channel: r.channel, targetType: r.targetType, targetId: r.targetId, text, kind: 'reminder', dedupeKey: `alerts-${kind}:${villageId}:${r.key}:${now.toISOString()}` }, now)) sent++;
    }
  }
  return sent;
}
