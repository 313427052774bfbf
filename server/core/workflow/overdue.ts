/**
 * Time limits enforced: run every hour (and once at start). A case past its status's due time
 * is flagged (overdueSince, once), the cadres who act on it are reminded at most once a day (the
 * China-time date is part of the dedupe key), and the villager is told once per status that it
 * is late and still moving. A case past the whole identification limit (from filing until a
 * decision) is flagged too, and the county office reminded once a day.
 *
 * Set-based: one UPDATE flags the cases that need a reminder now — late and not yet reminded
 * today (China time) in this status (Case.overdueRemindedAt, .overdueTotalRemindedAt) — and only
 * those get their reminders written, in the same transaction, a batch at a time (rows locked
 * with SKIP LOCKED: a case a cadre is moving right now is taken next hour). A case reminded
 * already today costs nothing but its index entry: a run with 62,000 late cases, all reminded,
 * writes nothing.
 */
import { shanghaiDate, startOfShanghaiDay } from '../../../flows/china-time';
import type { Prisma, PrismaClient } from '../../generated/prisma/client';
import { startScheduledJob, type ScheduledJob } from '../jobs/scheduled';
import type { Logger } from '../../log';
import { enqueue } from '../outbox/enqueue';
import { villagerTargets } from '../notify/villager-targets';
import { asLang, boundCadres, boundRooms, ownersOf, regionChain } from '../notify/recipients';
import { cadreOverdue, countyOverdueTotal } from '../notify/texts';
import { delayedNotice } from '../../../flows/villager/notices';
import { addLimit } from './deadlines';
import type { WorkflowSettings } from './perform';
import { currentStatics, workflowOf } from '../settings/workflow';
import { CASE_STATUS, TIMED_STATUSES, UNDECIDED_STATUSES, type CaseStatus } from '../../../flows/workflow';
import { systemClock } from '../clock';
import { checkAlertDeadlines, type AlertDeadlineReport } from '../alerts/deadlines';
import { checkFollowUpsDue, type FollowUpDueReport } from '../register/follow-up-due';

type Tx = Prisma.TransactionClient;

/** The statuses whose time limit is watched: the timed ones (dueAt is set on entry, see perform.ts). */
const WATCHED: readonly CaseStatus[] = TIMED_STATUSES;

export type DeadlineReport = { overdue: number; overdueTotal: number; messages: number };

const DAY = 86_400_000;
/** Cases flagged and reminded per transaction. */
const BATCH = 500;
const BATCH_TIMEOUT_MS = 120_000;

/** `defaults`: the environment's settings (config.workflow), for a county that stores none of its own. */
export async function checkDeadlines(prisma: PrismaClient, defaults: WorkflowSettings, now: Date): Promise<DeadlineReport> {
  const report: DeadlineReport = { overdue: 0, overdueTotal: 0, messages: 0 };
  const at = now.toISOString();
  const today = startOfShanghaiDay(now).toISOString();

  // late in their status, not reminded today in this status
  for (let more = true; more; ) {
    more = await prisma.$transaction(
      async (tx) => {
        const flagged = await tx.$queryRaw<{ id: string }[]>`
          UPDATE "Case" c SET "overdueSince" = COALESCE(c."overdueSince", ${at}::timestamp), "overdueRemindedAt" = ${at}::timestamp
          WHERE c.id IN (
            SELECT id FROM "Case"
            WHERE status = ANY(${[...WATCHED]}::text[]) AND "dueAt" < ${at}::timestamp
              AND ("overdueRemindedAt" IS NULL OR "overdueRemindedAt" < ${today}::timestamp OR "overdueRemindedAt" < "statusSince")
            ORDER BY "dueAt" LIMIT ${BATCH}
            FOR UPDATE SKIP LOCKED)
          RETURNING c.id`;
        for (const { id } of flagged) {
          report.overdue += 1;
          report.messages += await remindStatus(tx, id, now);
        }
        return flagged.length === BATCH;
      },
      { timeout: BATCH_TIMEOUT_MS },
    );
  }

  // past the whole limit, not reminded today, county by county (each its own limit and calendar,
  // core/settings/workflow.ts): a calendar-day bound first (working days only make the limit
  // later), then the exact one — which grows with the filing time, so the cases past it are a
  // prefix of those in filing order
  const statics = await currentStatics(prisma);
  const counties: (string | null)[] = [...statics.tree.counties().map((c) => c.id), null];
  for (const county of counties) {
    const { limits, calendar } = workflowOf(statics, county, defaults);
    const total = limits.total;
    const bound = new Date(now.getTime() - total.days * DAY).toISOString();
    for (let more = true; more; ) {
      more = await prisma.$transaction(
        async (tx) => {
          const candidates = await tx.$queryRaw<{ id: string; submittedAt: Date }[]>`
            SELECT id, "submittedAt" FROM "Case"
            WHERE status = ANY(${[...UNDECIDED_STATUSES]}::text[]) AND "submittedAt" < ${bound}::timestamp
              AND "countyId" IS NOT DISTINCT FROM ${county}::text
              AND ("overdueTotalRemindedAt" IS NULL OR "overdueTotalRemindedAt" < ${today}::timestamp)
            ORDER BY "submittedAt" LIMIT ${BATCH}
            FOR UPDATE SKIP LOCKED`;
          const past = candidates.filter((c) => addLimit(c.submittedAt, total, calendar) < now).map((c) => c.id);
          if (past.length > 0) {
            await tx.$executeRaw`
              UPDATE "Case" SET "overdueSince" = COALESCE("overdueSince", ${at}::timestamp), "overdueTotalRemindedAt" = ${at}::timestamp
              WHERE id = ANY(${past}::text[])`;
          }
          for (const id of past) {
            report.overdueTotal += 1;
            report.messages += await remindTotal(tx, id, now, total.days);
          }
          return candidates.length === BATCH && past.length === candidates.length;
        },
        { timeout: BATCH_TIMEOUT_MS },
      );
    }
  }
  return report;
}

const flaggedCase = (tx: Tx, id: string) => tx.case.findUniqueOrThrow({ where: { id }, include: { contact: true } });

/** Reminds of a case just flagged late in its status (locked by the flagging UPDATE). Returns the messages enqueued. */
async function remindStatus(tx: Tx, id: string, now: Date): Promise<number> {
  const c = await flaggedCase(tx, id);
  const status = c.status as CaseStatus;
  const chain = await regionChain(tx, c.villageId);
  const village = chain.find((r) => r.level === 'village');
  const date = shanghaiDate(now);
  let sent = 0;

  // returned: the villager owes the next step; nobody else to remind
  for (const r of status === CASE_STATUS.returned ? [] : await ownersOf(tx, status, c, chain)) {
    const text = cadreOverdue(r.lang, status, c, village, r.inRoom);
    if (await enqueue(tx, { channel: r.channel, targetType: r.targetType, targetId: r.targetId, text, kind: 'reminder', caseId: c.id, dedupeKey: `overdue:${c.id}:${status}:${r.key}:${date}` }, now)) sent++;
  }
  if (c.contact) {
    const lang = asLang(c.contact.lang ?? c.lang);
    const text = delayedNotice(lang, status, c);
    const dedupeKey = `delayed:${c.id}:${status}:${c.statusSince.toISOString()}`;
    // the chat that filed it, or for a mini-program case the household's chat
    for (const r of await villagerTargets(tx, c)) {
      const key = r.contactId === c.contact.id ? dedupeKey : `${dedupeKey}:${r.contactId}`;
      if (await enqueue(tx, { channel: r.channel, targetType: 'contact', targetId: r.targetId, text, kind: 'case_update', caseId: c.id, dedupeKey: key }, now)) sent++;
    }
  }
  return sent;
}

/** Reminds the county office of a case just flagged past the whole identification limit. */
async function remindTotal(tx: Tx, id: string, now: Date, days: number): Promise<number> {
  const c = await flaggedCase(tx, id);
  const status = c.status as CaseStatus;
  const chain = await regionChain(tx, c.villageId);
  const village = chain.find((r) => r.level === 'village');
  const date = shanghaiDate(now);
  let sent = 0;
  for (const r of [...(await boundCadres(tx, chain, ['county'])), ...(await boundRooms(tx, chain, 'county'))]) {
    const text = countyOverdueTotal(r.lang, status, c, village, r.inRoom, days);
    if (await enqueue(tx, { channel: r.channel, targetType: r.targetType, targetId: r.targetId, text, kind: 'reminder', caseId: c.id, dedupeKey: `overdue-total:${c.id}:${r.key}:${date}` }, now)) sent++;
  }
  return sent;
}

export type DeadlineJob = ScheduledJob<DeadlineReport & { alerts: AlertDeadlineReport; followUps: FollowUpDueReport }>;

/**
 * Every hour on the hour (China time) and once right away (see server/core/jobs/scheduled.ts): the
 * cases' limits, then the department alerts' 15-day clock (server/core/alerts/deadlines.ts), then the
 * monitored households' follow-up visits due (server/core/register/follow-up-due.ts).
 */
export function startDeadlineChecks(prisma: PrismaClient, defaults: WorkflowSettings, log: Logger, clock: () => Date = systemClock): DeadlineJob {
  return startScheduledJob({
    name: 'deadline check',
    pattern: '0 * * * *',
    log,
    db: prisma,
    task: async () => {
      const report = await checkDeadlines(prisma, defaults, clock());
      if (report.overdue + report.overdueTotal > 0) log.info('deadline check', report);
      const alerts = await checkAlertDeadlines(prisma, defaults, clock());
      if (alerts.overdue + alerts.reminded > 0) log.info('alert deadline check', alerts);
      // the 帮扶责任人's follow-up visits due (server/core/register/follow-up-due.ts)
      const followUps = await checkFollowUpsDue(prisma, clock());
      if (followUps.due > 0) log.info('follow-up reminders', followUps);
      return { ...report, alerts, followUps };
    },
  });
}
