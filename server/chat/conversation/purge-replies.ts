/**
 * The replies stored with each processed inbound message (they echo the villager's answers back:
 * ID number, phone, illness) are needed only to answer a repeated message id the same way — the
 * bot retries within minutes, its spool within hours. After IDEMPOTENCY_HOURS they are emptied;
 * the row stays, so a later repeat is still recognised and changes nothing.
 */
import type { PrismaClient } from '../../generated/prisma/client';
import { startScheduledJob, type ScheduledJob } from '../../core/jobs/scheduled';
import type { Logger } from '../../log';
import { nowOf } from '../../core/clock';

/** Empties the replies of messages processed before `now - hours`; returns how many. */
export async function purgeInboundReplies(prisma: PrismaClient, hours: number, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - hours * 3_600_000);
  // raw: no sealed value is read or written, only set to NULL
  return prisma.$executeRaw`UPDATE "InboundMessage" SET replies = NULL WHERE "createdAt" < ${cutoff} AND replies IS NOT NULL`;
}

/** Every hour at minute 17, and once at start. */
export function startReplyPurge(opts: { prisma: PrismaClient; hours: number; log: Logger; now?: () => Date }): ScheduledJob<number> {
  return startScheduledJob({
    name: 'inbound reply purge',
    pattern: '17 * * * *',
    log: opts.log,
    db: opts.prisma,
    task: async () => {
      const n = await purgeInboundReplies(opts.prisma, opts.hours, nowOf(opts));
      if (n > 0) opts.log.info('inbound replies purged', { messages: n, olderThanHours: opts.hours });
      return n;
    },
  });
}
