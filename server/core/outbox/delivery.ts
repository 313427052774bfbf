/**
 * The outbox as the bots see it: lease the next messages of a channel, then ack each once said,
 * or report a failure (retried with backoff, a dead letter after too many), or release it unsaid.
 *
 * Guarantees:
 *  - a leased message is not handed to anyone else until its lease expires (bots of one channel
 *    lease one at a time: an advisory lock per channel);
 *  - messages to one target go out in the order they were written: a target's message waits
 *    while an earlier one is leased or backing off (a dead one no longer holds the rest up);
 *  - ack is idempotent; delivery is at least once — a bot that dies after saying a message but
 *    before its ack has it said again when the lease expires (so leases are short, and the bot
 *    acks right after each say and releases what it has not started when it stops);
 *  - publicity never starves case notices: broadcast messages form a second lane that is served
 *    only after every deliverable notice, at most PUBLICITY_PER_LEASE per lease (so a bot holds
 *    little of a broadcast: a cancel or an opt-out stops the rest at once), and they are
 *    dropped here ('skipped') when their contact has opted out ("退订") since they were written.
 */
import type { Prisma, PrismaClient } from '../../generated/prisma/client';
import type { OutboxContent, OutboxPayload } from './enqueue';

export type DeliverySettings = { maxAttempts: number; leaseSeconds: number };

export type LeasedMessage = { id: string; targetType: string; targetId: string; kind: string; text: string; attempts: number; content?: OutboxContent };

/** Broadcast messages handed out per lease, after the notices (see the guarantees above). */
export const PUBLICITY_PER_LEASE = 1;

/** Wait before the next attempt after `attempts` failures: 15 s, 30 s, 1 min … at most 1 h. */
export function backoffMs(attempts: number): number {
  return Math.min(3_600_000, 15_000 * 2 ** Math.max(0, attempts - 1));
}

// timestamp(3) columns hold UTC; a literal's zone is ignored when cast to timestamp
const ts = (d: Date) => d.toISOString();

/**
 * Leases up to `limit` deliverable messages of `channel`: case notices oldest first, then
 * publicity. `skipKinds`: kinds the bot will not say now (its daily cap for them is reached) —
 * they stay queued untouched, and hold back their target's later messages of the same lane.
 */
export async function leaseMessages(prisma: PrismaClient, channel: string, limit: number, now: Date, settings: DeliverySettings, skipKinds: string[] = []): Promise<LeasedMessage[]> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`outbox:${channel}`}))`;
    for (;;) {
      // Readiness runs per target AND lane: a broadcast backing off never holds up a case notice
      // to the same villager (nor the other way round); within a lane the write order holds.
      const ready = await tx.$queryRaw<{ id: string; publicity: boolean; optedOut: boolean }[]>`
        WITH queue AS (
          SELECT o.id, o.seq, o.kind = 'broadcast' AS publicity,
            bool_and(o."nextAttemptAt" <= ${ts(now)}::timestamp AND (o."leaseUntil" IS NULL OR o."leaseUntil" <= ${ts(now)}::timestamp) AND o.kind <> ALL(${skipKinds}::text[]))
              OVER (PARTITION BY o."targetType", o."targetId", o.kind = 'broadcast' ORDER BY o.seq ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS ready
          FROM "Outbox" o
          WHERE o.channel = ${channel} AND o.status = 'pending'
        ), picked AS (
          SELECT id, seq, publicity, row_number() OVER (PARTITION BY publicity ORDER BY seq) AS n FROM queue WHERE ready
        )
        SELECT p.id, p.publicity, COALESCE(c."publicityOptOut", false) AS "optedOut"
        FROM picked p
        JOIN "Outbox" o ON o.id = p.id
        LEFT JOIN "Contact" c ON p.publicity AND o."targetType" = 'contact' AND c.channel = o.channel AND c."externalId" = o."targetId"
        WHERE NOT p.publicity OR p.n <= ${PUBLICITY_PER_LEASE}
        ORDER BY p.publicity, p.seq LIMIT ${limit}`;
      if (ready.length === 0) return [];
      const optedOut = ready.filter((r) => r.optedOut).map((r) => r.id);
      if (optedOut.length > 0) {
        // "退订" after the broadcast was expanded: the rest of it is not said to them
        await tx.outbox.updateMany({ where: { id: { in: optedOut }, status: 'pending' }, data: { status: 'skipped', lastError: 'opted out', leaseUntil: null } });
      }
      const ids = ready.filter((r) => !r.optedOut).map((r) => r.id);
      if (ids.length === 0) continue; // all were opted out: look again
      await tx.outbox.updateMany({ where: { id: { in: ids } }, data: { leaseUntil: new Date(now.getTime() + settings.leaseSeconds * 1000) } });
      const rows = new Map((await tx.outbox.findMany({ where: { id: { in: ids } } })).map((r) => [r.id, r]));
      return ids.map((id) => {
        const r = rows.get(id)!;
        const payload = r.payload as OutboxPayload;
        return { id: r.id, targetType: r.targetType, targetId: r.targetId, kind: r.kind, text: payload.text, attempts: r.attempts, ...(payload.content ? { content: payload.content } : {}) };
      });
    }
  });
}

export type AckResult = { id: string; status: string } | null;

/**
 * The message was said. Idempotent: a second ack changes nothing. A late ack of a dead letter
 * revives it as sent, and so does one of a broadcast message cancelled while a bot was saying
 * it: counts tell what was said.
 */
export async function ackMessage(prisma: PrismaClient | Prisma.TransactionClient, id: string, now: Date): Promise<AckResult> {
  await prisma.outbox.updateMany({ where: { id, status: { in: ['pending', 'dead', 'cancelled'] } }, data: { status: 'sent', sentAt: now, leaseUntil: null } });
  const row = await prisma.outbox.findUnique({ where: { id }, select: { id: true, status: true } });
  return row;
}

export type FailResult = { id: string; status: string; attempts: number; nextAttemptAt: Date } | null;

/** Saying failed: try again later (backoff), or give up after `maxAttempts` (a dead letter for the county office). */
export async function failMessage(prisma: PrismaClient, id: string, error: string, now: Date, settings: DeliverySettings): Promise<FailResult> {
  return prisma.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Outbox" WHERE id = ${id} FOR UPDATE`;
    if (rows.length === 0) return null;
    const row = await tx.outbox.findUniqueOrThrow({ where: { id } });
    if (row.status !== 'pending') return { id, status: row.status, attempts: row.attempts, nextAttemptAt: row.nextAttemptAt };
    const attempts = row.attempts + 1;
    const dead = attempts >= settings.maxAttempts;
    const nextAttemptAt = dead ? row.nextAttemptAt : new Date(now.getTime() + backoffMs(attempts));
    await tx.outbox.update({
      where: { id },
      data: { attempts, status: dead ? 'dead' : 'pending', nextAttemptAt, leaseUntil: null, lastError: error.slice(0, 500) },
    });
    return { id, status: dead ? 'dead' : 'pending', attempts, nextAttemptAt };
  });
}

/** The bot holds it no longer, unsaid (stopping; a daily cap reached): deliverable again at once, or from `retryAt`. */
export async function releaseMessage(prisma: PrismaClient, id: string, now: Date, retryAt?: Date): Promise<AckResult> {
  await prisma.outbox.updateMany({
    where: { id, status: 'pending' },
    data: { leaseUntil: null, ...(retryAt && retryAt > now ? { nextAttemptAt: retryAt } : {}) },
  });
  return prisma.outbox.findUnique({ where: { id }, select: { id: true, status: true } });
}

/** The county office sends a dead letter again (after fixing what was wrong: a re-bound contact, a bot back online). */
export async function retryDeadMessage(prisma: PrismaClient, id: string, now: Date): Promise<AckResult | 'not_dead'> {
  const { count } = await prisma.outbox.updateMany({ where: { id, status: 'dead' }, data: { status: 'pending', attempts: 0, nextAttemptAt: now, leaseUntil: null } });
  const row = await prisma.outbox.findUnique({ where: { id }, select: { id: true, status: true } });
  if (!row) return null;
  return count === 1 ? row : 'not_dead';
}
