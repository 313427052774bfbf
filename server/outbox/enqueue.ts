/**
 * Writes one outgoing message to the outbox, in the caller's transaction: a change and the
 * messages it causes commit together or not at all. The bot of `channel` delivers it later
 * (server/outbox/delivery.ts, bot/outbox.ts).
 */
import { z } from 'zod';
import type { Prisma } from '../generated/prisma/client';

export const TARGET_TYPES = ['contact', 'room'] as const;
export type TargetType = (typeof TARGET_TYPES)[number];

/**
 * What a message is about — also what a daily cap per kind counts:
 * case_update (to the villager), case_task (to cadres and rooms: a case reached them),
 * reminder (overdue), handover (a villager asked for a person).
 */
export const OUTBOX_KINDS = ['case_update', 'case_task', 'reminder', 'handover'] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

export const OutboxMessage = z.object({
  /** `${puppet}:${accountId}`: the bot account that will say it (the one the target talks to). */
  channel: z.string().min(1),
  targetType: z.enum(TARGET_TYPES),
  /** The puppet's id of the contact or room (Contact.externalId, RoomBinding.roomId). */
  targetId: z.string().min(1),
  text: z.string().min(1).max(4000),
  kind: z.enum(OUTBOX_KINDS),
  caseId: z.string().optional(),
  /** Unique: the same notice is never enqueued twice (a retried job, a reminder already sent today). */
  dedupeKey: z.string().min(1).max(300).optional(),
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;

/** The stored payload (Outbox.payload). */
export type OutboxPayload = { text: string };

/**
 * Enqueues a message; returns false when one with the same dedupeKey exists already (nothing is
 * written, and — unlike a failed insert — the caller's transaction stays usable).
 * `now` is the caller's clock (tests fix it): the message is deliverable from then on.
 */
export async function enqueue(tx: Prisma.TransactionClient, message: OutboxMessage, now: Date = new Date()): Promise<boolean> {
  const m = OutboxMessage.parse(message);
  const { count } = await tx.outbox.createMany({
    data: [
      {
        channel: m.channel,
        targetType: m.targetType,
        targetId: m.targetId,
        kind: m.kind,
        payload: { text: m.text } satisfies OutboxPayload,
        caseId: m.caseId ?? null,
        dedupeKey: m.dedupeKey ?? null,
        createdAt: now,
        nextAttemptAt: now,
      },
    ],
    skipDuplicates: true,
  });
  return count === 1;
}
