/**
 * A broadcast's life: draft → scheduled (a time to start) → sending (expanded into outbox rows)
 * → done (nothing left queued); cancelled from any but done.
 *
 * Starting expands it once, in one transaction with the row locked: the recipients as they are
 * now (opted-out villagers left out), one outbox row each with dedupeKey
 * `broadcast:<id>:<recipient>`. A second start — the job run twice, a restart, two servers —
 * finds it no longer startable and writes nothing; and were it ever run again the dedupe keys
 * would add nobody twice. Delivery then goes through the outbox (paced per WeChat account, after
 * the case notices, see outbox/delivery.ts).
 *
 * The expansion is set-based: one INSERT … SELECT over the recipients' query (recipients.ts), so a
 * million recipients cost one statement and no server memory. Outbox.payload is sealed at rest
 * (crypto/sealed-fields.ts) and SQL cannot seal: the message of each variant (at most three:
 * a villager in Chinese, in English, a work group) is written first for its first recipient
 * through the sealing client, and every other row copies that row's ciphertext. A sealed value is
 * bound to its column, not its row, so each copy opens like the original; nothing is ever stored
 * in clear, and a key rotation reseals the copies one by one like any other row.
 */
import type { PrismaClient } from '../../generated/prisma/client';
import { enqueue } from '../outbox/enqueue';
import { RegionTree } from '../regions/tree';
import { BroadcastContent, BroadcastTarget, messageFor, type BroadcastStatus } from './content';
import { firstOfEachVariant, recipientsSql, VARIANTS } from './recipients';

/** A million recipients take a while to write, or to cancel; nothing else waits on this lock. */
const BULK_TIMEOUT_MS = 600_000;

export type StartResult = { started: true; recipients: number } | { started: false; status: BroadcastStatus };

/**
 * Fresh planner statistics for "Outbox" after a bulk expansion: without them the first leases settle
 * the new queues' heads through the wrong index, reading the whole channel for each queue (seconds
 * per lease until autoanalyze comes round). ANALYZE samples, so it costs the same at any size.
 */
const ANALYZE_FROM_RECIPIENTS = 1_000;
export async function refreshOutboxStatistics(prisma: Pick<PrismaClient, '$executeRawUnsafe'>): Promise<void> {
  await prisma.$executeRawUnsafe('ANALYZE "Outbox"');
}

export async function startBroadcast(prisma: PrismaClient, id: string, now: Date): Promise<StartResult | null> {
  const result = await expandBroadcast(prisma, id, now);
  if (result?.started && result.recipients >= ANALYZE_FROM_RECIPIENTS) await refreshOutboxStatistics(prisma);
  return result;
}

async function expandBroadcast(prisma: PrismaClient, id: string, now: Date): Promise<StartResult | null> {
  return prisma.$transaction(
    async (tx) => {
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Broadcast" WHERE id = ${id} FOR UPDATE`;
      if (locked.length === 0) return null;
      const b = await tx.broadcast.findUniqueOrThrow({ where: { id } });
      if (b.status !== 'draft' && b.status !== 'scheduled') return { started: false, status: b.status as BroadcastStatus };

      const content = BroadcastContent.parse(b.content);
      const target = BroadcastTarget.parse(b.target);
      const mime = content.type === 'image' ? (await tx.document.findUnique({ where: { id: content.documentId }, select: { mime: true } }))?.mime : undefined;
      const tree = await RegionTree.load(tx);
      const dedupeKey = (key: string) => `broadcast:${b.id}:${key}`;
      // each variant's message, sealed once: written for its first recipient …
      const firsts = await firstOfEachVariant(tx, tree, target);
      for (const r of firsts) {
        const message = messageFor(content, VARIANTS[r.variant]!, mime);
        await enqueue(tx, { channel: r.channel, targetType: r.targetType, targetId: r.targetId, kind: 'broadcast', broadcastId: b.id, dedupeKey: dedupeKey(r.key), ...message }, now);
      }
      // … and copied to everyone else, in one statement
      if (firsts.length > 0) {
        const at = now.toISOString();
        await tx.$executeRaw`
          INSERT INTO "Outbox" (id, channel, "targetType", "targetId", kind, payload, "broadcastId", "dedupeKey", "createdAt", "nextAttemptAt")
          SELECT replace(gen_random_uuid()::text, '-', ''), r.channel, r."targetType", r."targetId", 'broadcast', t.payload, ${b.id}, ${`broadcast:${b.id}:`} || r.key, ${at}::timestamp, ${at}::timestamp
          FROM (${recipientsSql(tree, target)}) r
          JOIN unnest(${firsts.map((f) => f.variant)}::text[], ${firsts.map((f) => dedupeKey(f.key))}::text[]) AS v(variant, "dedupeKey") ON v.variant = r.variant
          JOIN "Outbox" t ON t."dedupeKey" = v."dedupeKey"
          ORDER BY r.ord
          ON CONFLICT ("dedupeKey") DO NOTHING`;
      }
      const [{ written }] = await tx.$queryRaw<{ written: number }[]>`SELECT count(*)::int AS written FROM "Outbox" WHERE "broadcastId" = ${b.id}`;
      await tx.broadcast.update({
        where: { id },
        data: { status: written === 0 ? 'done' : 'sending', startedAt: now, recipients: written, ...(written === 0 ? { finishedAt: now } : {}) },
      });
      return { started: true, recipients: written };
    },
    { timeout: BULK_TIMEOUT_MS, maxWait: 10_000 },
  );
}

export type CancelResult = { cancelled: true; unsent: number } | { cancelled: false; status: BroadcastStatus } | null;

/**
 * Stops a broadcast: what is still queued is not said. A message a bot is saying at this very
 * moment (it holds at most one of a broadcast) may still arrive; its ack counts it as sent.
 * One UPDATE of its queued messages (their targets' heads follow in the same statement's trigger):
 * a million of them take a while, hence BULK_TIMEOUT_MS (the default 5 s answered HTTP
 * 500 at 100,000 on a busy machine). The broadcast's row is locked first, in a statement of its
 * own, so the UPDATE's snapshot sees every message an expansion that held the lock has written.
 */
export async function cancelBroadcast(prisma: PrismaClient, id: string, now: Date): Promise<CancelResult> {
  return prisma.$transaction(
    async (tx) => {
      const [b] = await tx.$queryRaw<{ status: string }[]>`SELECT status FROM "Broadcast" WHERE id = ${id} FOR UPDATE`;
      if (!b) return null;
      if (b.status === 'done' || b.status === 'cancelled') return { cancelled: false, status: b.status as BroadcastStatus };
      const unsent = await tx.$executeRaw`
        UPDATE "Outbox" SET status = 'cancelled', "lastError" = 'broadcast cancelled', "leaseUntil" = NULL
        WHERE "broadcastId" = ${id} AND status = 'pending'`;
      await tx.broadcast.update({ where: { id }, data: { status: 'cancelled', cancelledAt: now } });
      return { cancelled: true, unsent };
    },
    { timeout: BULK_TIMEOUT_MS, maxWait: 10_000 },
  );
}

/** Broadcasts whose every message is settled (sent, failed for good, skipped) are done. */
export async function settleBroadcasts(prisma: PrismaClient, now: Date, ids?: string[]): Promise<number> {
  const only = ids ?? null;
  return prisma.$executeRaw`
    UPDATE "Broadcast" b SET status = 'done', "finishedAt" = ${now.toISOString()}::timestamp, "updatedAt" = ${now.toISOString()}::timestamp
    WHERE b.status = 'sending'
      AND (${only}::text[] IS NULL OR b.id = ANY(${only}::text[]))
      AND NOT EXISTS (SELECT 1 FROM "Outbox" o WHERE o."broadcastId" = b.id AND o.status = 'pending')`;
}

export type BroadcastCounts = {
  /** Messages written when it started (one per recipient). */
  recipients: number;
  /** Waiting to be said (including those being retried after a failure). */
  queued: number;
  sent: number;
  /** Given up after OUTBOX_MAX_ATTEMPTS (dead letters; the county office may retry them). */
  failed: number;
  /** Not said because the broadcast was cancelled. */
  cancelled: number;
  /** Not said because the villager replied "退订" after the broadcast started. */
  optedOut: number;
  /** Of the queued: failed at least once, waiting for another try. */
  retrying: number;
};

const EMPTY: BroadcastCounts = { recipients: 0, queued: 0, sent: 0, failed: 0, cancelled: 0, optedOut: 0, retrying: 0 };
const BY_STATUS: Record<string, keyof BroadcastCounts> = { pending: 'queued', sent: 'sent', dead: 'failed', cancelled: 'cancelled', skipped: 'optedOut' };

export async function broadcastCounts(prisma: PrismaClient, ids: string[]): Promise<Map<string, BroadcastCounts>> {
  const out = new Map(ids.map((id) => [id, { ...EMPTY }]));
  if (ids.length === 0) return out;
  const rows = await prisma.$queryRaw<{ broadcastId: string; status: string; n: number; retrying: number }[]>`
    SELECT "broadcastId", status, count(*)::int AS n, count(*) FILTER (WHERE attempts > 0)::int AS retrying
    FROM "Outbox" WHERE "broadcastId" = ANY(${ids}::text[]) GROUP BY "broadcastId", status`;
  for (const r of rows) {
    const c = out.get(r.broadcastId)!;
    c.recipients += r.n;
    const key = BY_STATUS[r.status];
    if (key) c[key] += r.n;
    if (r.status === 'pending') c.retrying += r.retrying;
  }
  return out;
}
