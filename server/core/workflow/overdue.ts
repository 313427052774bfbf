/**
 * Time limits enforced: run every hour (and once at start). A case past its status's due time
 * is flagged (overdueSince, once), the cadres who act on it are reminded at most once a day (the
 * China-time date is part of the dedupe key), and the villager is told once per status that it
 * is late and still moving. A case past the whole identification limit (from filing until a
 * decision) is flagged too, and the county office reminded once a day.
 */
import { shanghaiDate } from '../../../flows/china-time';
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
import { CASE_STATUS, TIMED_STATUSES, UNDECIDED_STATUSES, type CaseStatus } from '../../../flows/workflow';

type Tx = Prisma.TransactionClient;

/** The statuses whose time limit is watched: the timed ones (dueAt is set on entry, see perform.ts). */
const WATCHED: readonly CaseStatus[] = TIMED_STATUSES;

export type DeadlineReport = { overdue: number; overdueTotal: number; messages: number };

const DAY = 86_400_000;

export async function checkDeadlines(prisma: PrismaClient, settings: WorkflowSettings, now: Date): Promise<DeadlineReport> {
  const report: DeadlineReport = { overdue: 0, overdueTotal: 0, messages: 0 };
  const late = await prisma.case.findMany({ where: { status: { in: [...WATCHED] }, dueAt: { lt: now } }, select: { id: true }, orderBy: { dueAt: 'asc' } });
  for (const { id } of late) {
    const sent = await prisma.$transaction((tx) => remindStatus(tx, id, now));
    if (sent !== null) {
      report.overdue += 1;
      report.messages += sent;
    }
  }

  const total = settings.limits.total;
  // a calendar-day bound first (working days only make the limit later), then the exact one
  const candidates = await prisma.case.findMany({
    where: { status: { in: [...UNDECIDED_STATUSES] }, submittedAt: { lt: new Date(now.getTime() - total.days * DAY) } },
    select: { id: true, submittedAt: true },
    orderBy: { submittedAt: 'asc' },
  });
  for (const c of candidates.filter((c) => addLimit(c.submittedAt, total) < now)) {
    const sent = await prisma.$transaction((tx) => remindTotal(tx, c.id, now, total.days));
    if (sent !== null) {
      report.overdueTotal += 1;
      report.messages += sent;
    }
  }
  return report;
}

async function lockedCase(tx: Tx, id: string) {
  await tx.$queryRaw`SELECT id FROM "Case" WHERE id = ${id} FOR UPDATE`;
  return tx.case.findUniqueOrThrow({ where: { id }, include: { contact: true } });
}

/** Flags a case late in its status and reminds; null when it moved on meanwhile. Returns the messages enqueued. */
async function remindStatus(tx: Tx, id: string, now: Date): Promise<number | null> {
  const c = await lockedCase(tx, id);
  const status = c.status as CaseStatus;
  if (!WATCHED.includes(status) || !c.dueAt || c.dueAt >= now) return null;
  if (!c.overdueSince) await tx.case.update({ where: { id }, data: { overdueSince: now } });
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

/** Flags a case past the whole identification limit and reminds the county office. */
async function remindTotal(tx: Tx, id: string, now: Date, days: number): Promise<number | null> {
  const c = await lockedCase(tx, id);
  const status = c.status as CaseStatus;
  if (!UNDECIDED_STATUSES.includes(status)) return null;
  if (!c.overdueSince) await tx.case.update({ where: { id }, data: { overdueSince: now } });
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

export type DeadlineJob = ScheduledJob<DeadlineReport>;

/** Every hour on the hour (China time) and once right away (see server/core/jobs/scheduled.ts). */
export function startDeadlineChecks(prisma: PrismaClient, settings: WorkflowSettings, log: Logger, clock: () => Date = () => new Date()): DeadlineJob {
  return startScheduledJob({
    name: 'deadline check',
    pattern: '0 * * * *',
    log,
    task: async () => {
      const report = await checkDeadlines(prisma, settings, clock());
      if (report.overdue + report.overdueTotal > 0) log.info('deadline check', report);
      return report;
    },
  });
}
