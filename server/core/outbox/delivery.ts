/**
 * The outbox as the bots see it: lease the next messages of a channel, then ack each once said,
 * or report a failure (retried with backoff, a dead letter after too many), or release it unsaid.
 *
 * Guarantees:
 *  - a leased message is not handed to anyone else until its lease expires: the lease is one
 *    `UPDATE … FROM (SELECT … FOR UPDATE SKIP LOCKED)` statement, so any number of pollers of
 *    one channel, on any number of server processes, never take the same row (no lock per
 *    channel: pollers never wait for each other);
 *  - messages to one target go out in the order they were written: only the head of a target's
 *    queue (its oldest pending message of the lane, OutboxHead.headSeq) is leased, with the
 *    messages right behind it that are ready too (one lease may say several to one villager). A
 *    concurrent poller that skips a locked head finds its followers not at the head either, so
 *    it never overtakes; a head leased or backing off holds the rest of its target back (a dead
 *    one no longer does). OutboxHead is kept by triggers on "Outbox" (migrations outbox_heads,
 *    outbox_dirty_queues; `outbox_lane` there mirrors PUBLICITY_KINDS below): a status change
 *    recomputes its queue's head in its own transaction, a new message marks its queue dirty and
 *    each lease first settles the dirty queues of its channel — so writers never lock a head;
 *  - ack is idempotent; delivery is at least once — a bot that dies after saying a message but
 *    before its ack has it said again when the lease expires (so leases are short, and the bot
 *    acks right after each say and releases what it has not started when it stops);
 *  - publicity never starves case notices: broadcast messages form a second lane that is served
 *    only after every deliverable notice, at most PUBLICITY_PER_LEASE per lease (so a bot holds
 *    little of a broadcast: a cancel or an opt-out stops the rest at once), and they are
 *    dropped here ('skipped') when their contact has opted out ("退订") since they were written.
 *
 * Cost: each kind of a lane walks that kind's heads in write order on OutboxHead(channel, kind,
 * headSeq), joined to their messages on Outbox(seq), and stops after `limit` ready ones: the same
 * with 10 or 1,000,000 pending, and the same with 20,000 queued behind one villager's head (a
 * backlog is never walked), plus the heads it steps over (leased, backing off). Followers are read
 * on Outbox(channel, targetId, status, seq), at most `limit` per head. A kind the bot skips is not
 * read at all, and a bot that skips every kind (all its daily caps reached) costs no query
 * (bot-outbox.ts). tests/outbox/lease-plan.test.ts pins the plan.
 */
import { Prisma, type PrismaClient } from '../../generated/prisma/client';
import { OUTBOX_KINDS, type OutboxContent, type OutboxPayload } from './enqueue';

export type DeliverySettings = { maxAttempts: number; leaseSeconds: number };

export type LeasedMessage = { id: string; targetType: string; targetId: string; kind: string; text: string; attempts: number; content?: OutboxContent };

/**
 * Queues written to whose heads one lease settles, per lane, oldest first: far more than a lease
 * hands out, and bounded (a 100,000-recipient broadcast is settled over its first leases).
 */
const SETTLE_PER_LEASE = 1000;

/** Broadcast messages handed out per lease, after the notices (see the guarantees above). */
export const PUBLICITY_PER_LEASE = 1;

const PUBLICITY_KINDS: readonly string[] = ['broadcast'];
const NOTICE_KINDS: readonly string[] = OUTBOX_KINDS.filter((k) => !PUBLICITY_KINDS.includes(k));

/** Wait before the next attempt after `attempts` failures: 15 s, 30 s, 1 min … at most 1 h. */
export function backoffMs(attempts: number): number {
  return Math.min(3_600_000, 15_000 * 2 ** Math.max(0, attempts - 1));
}

// timestamp(3) columns hold UTC; a literal's zone is ignored when cast to timestamp
const ts = (d: Date) => d.toISOString();

/** Whether a bot skipping `skipKinds` can be handed anything at all (false: answer without a query). */
export function mayLease(skipKinds: readonly string[]): boolean {
  return OUTBOX_KINDS.some((k) => !skipKinds.includes(k));
}

/**
 * Leases up to `limit` deliverable messages of `channel`: case notices oldest first, then
 * publicity. `skipKinds`: kinds the bot will not say now (its daily cap for them is reached) —
 * they stay queued untouched, and hold back their target's later messages of the same lane.
 */
export async function leaseMessages(prisma: PrismaClient, channel: string, limit: number, now: Date, settings: DeliverySettings, skipKinds: string[] = []): Promise<LeasedMessage[]> {
  const until = new Date(now.getTime() + settings.leaseSeconds * 1000);
  // the heads of queues written to since the last lease (see OutboxDirty in schema.prisma)
  await prisma.$queryRaw`SELECT "outbox_heads_settle"(${channel}, ${SETTLE_PER_LEASE}::int)`;
  const notices = NOTICE_KINDS.filter((k) => !skipKinds.includes(k));
  const ids = notices.length > 0 ? await leaseLane(prisma, channel, notices, limit, now, until) : [];
  const publicity = PUBLICITY_KINDS.filter((k) => !skipKinds.includes(k));
  for (let room = Math.min(PUBLICITY_PER_LEASE, limit - ids.length); room > 0 && publicity.length > 0; ) {
    const leased = await leaseLane(prisma, channel, publicity, room, now, until);
    if (leased.length === 0) break;
    const optedOut = await dropOptedOut(prisma, channel, leased);
    ids.push(...leased.filter((id) => !optedOut.has(id)));
    room -= leased.length - optedOut.size; // all opted out: look again
  }
  if (ids.length === 0) return [];
  const rows = new Map((await prisma.outbox.findMany({ where: { id: { in: ids } } })).map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = rows.get(id);
    if (!r) return [];
    const payload = r.payload as OutboxPayload;
    return [{ id: r.id, targetType: r.targetType, targetId: r.targetId, kind: r.kind, text: payload.text, attempts: r.attempts, ...(payload.content ? { content: payload.content } : {}) }];
  });
}

/**
 * One statement: the first `limit` heads of the lane's queues (per kind in write order, locked
 * with SKIP LOCKED), each with the ready messages right behind it, leased until `until`.
 * Returns the ids in write order.
 */
async function leaseLane(prisma: PrismaClient, channel: string, kinds: string[], limit: number, now: Date, until: Date): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ id: string; seq: number }[]>(leaseLaneSql(channel, kinds, limit, now, until));
  return rows.sort((a, b) => a.seq - b.seq).map((r) => r.id);
}

/** leaseLane's statement (tests/outbox/lease-plan.test.ts EXPLAINs it). */
export function leaseLaneSql(channel: string, kinds: string[], limit: number, now: Date, until: Date): Prisma.Sql {
  const publicity = kinds.some((k) => PUBLICITY_KINDS.includes(k));
  // Both subqueries are fences (OFFSET 0, FOR UPDATE): the heads are walked on OutboxHead's index
  // in write order, each looked up (and locked) on its own, until `limit` are ready. Joined
  // freely, the planner would rather walk every message in seq order (a merge join) to meet a
  // few heads.
  return Prisma.sql`
    WITH heads AS (
      SELECT h.id, h.seq, h."targetType", h."targetId"
      FROM unnest(${kinds}::text[]) AS k(kind)
      CROSS JOIN LATERAL (
        SELECT o.id, o.seq, o."targetType", o."targetId"
        FROM (SELECT q."headSeq" FROM "OutboxHead" q WHERE q.channel = ${channel} AND q.kind = k.kind ORDER BY q."headSeq" OFFSET 0) q
        CROSS JOIN LATERAL (
          SELECT o.id, o.seq, o."targetType", o."targetId" FROM "Outbox" o
          WHERE o.seq = q."headSeq" AND o.status = 'pending'
            AND o."nextAttemptAt" <= ${ts(now)}::timestamp AND (o."leaseUntil" IS NULL OR o."leaseUntil" <= ${ts(now)}::timestamp)
          FOR UPDATE SKIP LOCKED
        ) o
        ORDER BY q."headSeq" LIMIT ${limit}
      ) h
      ORDER BY h.seq LIMIT ${limit}
    ), followers AS (
      SELECT f.id, f.seq FROM heads h
      CROSS JOIN LATERAL (
        SELECT q.id, q.seq FROM (
          SELECT o.id, o.seq,
            bool_and(o."nextAttemptAt" <= ${ts(now)}::timestamp AND (o."leaseUntil" IS NULL OR o."leaseUntil" <= ${ts(now)}::timestamp) AND o.kind = ANY(${kinds}::text[])) OVER (ORDER BY o.seq) AS ready
          FROM "Outbox" o
          WHERE o.channel = ${channel} AND o."targetId" = h."targetId" AND o.status = 'pending' AND o.seq > h.seq
            AND o."targetType" = h."targetType" AND (o.kind = ANY(${PUBLICITY_KINDS}::text[])) = ${publicity}
          ORDER BY o.seq LIMIT ${limit}
        ) q WHERE q.ready
      ) f
    ), picked AS (
      SELECT id, seq FROM (SELECT id, seq FROM heads UNION ALL SELECT id, seq FROM followers) a ORDER BY seq LIMIT ${limit}
    )
    UPDATE "Outbox" u SET "leaseUntil" = ${ts(until)}::timestamp
    FROM picked WHERE u.id = picked.id AND u.status = 'pending'
      -- followers are not locked when picked: one another poller leased meanwhile is re-checked here
      -- against its committed row, and left to that poller
      AND (u."leaseUntil" IS NULL OR u."leaseUntil" <= ${ts(now)}::timestamp)
    RETURNING u.id, u.seq`;
}

/** "退订" after the broadcast was expanded: the rest of it is not said to them ('skipped'). */
async function dropOptedOut(prisma: PrismaClient, channel: string, ids: string[]): Promise<Set<string>> {
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    UPDATE "Outbox" o SET status = 'skipped', "lastError" = 'opted out', "leaseUntil" = NULL
    FROM "Contact" c
    WHERE o.id = ANY(${ids}::text[]) AND o.status = 'pending' AND o."targetType" = 'contact'
      AND c.channel = ${channel} AND c."externalId" = o."targetId" AND c."publicityOptOut"
    RETURNING o.id`;
  return new Set(rows.map((r) => r.id));
}

export type AckResult = { id: string; status: string } | null;

/**
 * The message was said. Idempotent: a second ack changes nothing. A late ack of a dead letter
 * revives it as sent, and so does one of a broadcast message cancelled while a bot was saying
 * it: counts tell what was said. A login code's sealed text (sealed-text.ts) has done its job
 * and goes in the same statement.
 */
export async function ackMessage(prisma: PrismaClient | Prisma.TransactionClient, id: string, now: Date): Promise<AckResult> {
  return (await ackMessages(prisma, [id], now))[0] ?? null;
}

/** Many acks in one statement (ids not found are left out). */
export async function ackMessages(prisma: PrismaClient | Prisma.TransactionClient, ids: string[], now: Date): Promise<{ id: string; status: string }[]> {
  if (ids.length === 0) return [];
  return prisma.$queryRaw<{ id: string; status: string }[]>`
    WITH acked AS (
      UPDATE "Outbox" SET status = 'sent', "sentAt" = ${ts(now)}::timestamp, "leaseUntil" = NULL
      WHERE id = ANY(${ids}::text[]) AND status IN ('pending', 'dead', 'cancelled')
      RETURNING id
    ), forgotten AS (
      DELETE FROM "OutboxSecret" WHERE "outboxId" = ANY(${ids}::text[])
    )
    SELECT o.id, CASE WHEN a.id IS NULL THEN o.status ELSE 'sent' END AS status
    FROM "Outbox" o LEFT JOIN acked a ON a.id = o.id
    WHERE o.id = ANY(${ids}::text[])`;
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
