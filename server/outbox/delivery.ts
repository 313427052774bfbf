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
 *    acks right after each say and releases what it has not started when it stops).
 */
import type { Prisma, PrismaClient } from '../generated/prisma/client';
import type { OutboxPayload } from './enqueue';

export type DeliverySettings = { maxAttempts: number; leaseSeconds: number };

export type LeasedMessage = { id: string; targetType: string; targetId: string; kind: string; text: string; attempts: number };

/** Wait before the next attempt after `attempts` failures: 15 s, 30 s, 1 min … at most 1 h. */
export function backoffMs(attempts: number): number {
  return Math.min(3_600_000, 15_000 * 2 ** Math.max(0, attempts - 1));
}

// timestamp(3) columns hold UTC; a literal's zone is ignored when cast to timestamp
const ts = (d: Date) => d.toISOString();

/** Leases up to `limit` deliverable messages of `channel`, oldest first. */
export async function leaseMessages(prisma: PrismaClient, channel: string, limit: number, now: Date, settings: DeliverySettings): Promise<LeasedMessage[]> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`outbox:${channel}`}))`;
    const ready = await tx.$queryRaw<{ id: string }[]>`
      WITH queue AS (
        SELECT id, seq,
          bool_and("nextAttemptAt" <= ${ts(now)}::timestamp AND ("leaseUntil" IS NULL OR "leaseUntil" <= ${ts(now)}::timestamp))
            OVER (PARTITION BY "targetType", "targetId" ORDER BY seq ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS ready
        FROM "Outbox"
        WHERE channel = ${channel} AND status = 'pending'
      )
      SELECT id FROM queue WHERE ready ORDER BY seq LIMIT ${limit}`;
    if (ready.length === 0) return [];
    const ids = ready.map((r) => r.id);
    await tx.outbox.updateMany({ where: { id: { in: ids } }, data: { leaseUntil: new Date(now.getTime() + settings.leaseSeconds * 1000) } });
    const rows = await tx.outbox.findMany({ where: { id: { in: ids } }, orderBy: { seq: 'asc' } });
    return rows.map((r) => ({ id: r.id, targetType: r.targetType, targetId: r.targetId, kind: r.kind, text: (r.payload as OutboxPayload).text, attempts: r.attempts }));
  });
}

export type AckResult = { id: string; status: string } | null;

/** The message was said. Idempotent: a second ack changes nothing. A late ack of a dead letter revives it as sent. */
export async function ackMessage(prisma: PrismaClient | Prisma.TransactionClient, id: string, now: Date): Promise<AckResult> {
  await prisma.outbox.updateMany({ where: { id, status: { in: ['pending', 'dead'] } }, data: { status: 'sent', sentAt: now, leaseUntil: null } });
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
