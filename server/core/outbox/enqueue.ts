/**
 * Writes one outgoing message to the outbox, in the caller's transaction: a change and the
 * messages it causes commit together or not at all. The bot of `channel` delivers it later
 * (server/core/outbox/delivery.ts, bot/outbox.ts).
 */
import { z } from 'zod';
import type { Prisma } from '../../generated/prisma/client';
import { SMS_TEMPLATE_NAMES } from '../sms/templates';
import { nowOf } from '../clock';

export const TARGET_TYPES = ['contact', 'room'] as const;
export type TargetType = (typeof TARGET_TYPES)[number];

/**
 * What a message is about — also what a daily cap per kind counts:
 * case_update (to the villager), case_task (to cadres and rooms: a case reached them),
 * reminder (overdue), handover (a villager asked for a person), broadcast (publicity: goes after
 * all the others, see delivery.ts), login_code (a mini-program login code sent through the chat),
 * subscribe_message (a WeChat subscribe message: channel 'wechat-subscribe', delivered by the
 * server's own worker, server/app/subscribe-worker.ts, never by a bot). A text message (channel
 * 'sms') is a case_update or a login_code delivered by server/core/sms/worker.ts.
 */
export const OUTBOX_KINDS = ['case_update', 'case_task', 'reminder', 'handover', 'broadcast', 'login_code', 'subscribe_message'] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

/**
 * What the bot says when it is more than text: an image (the bot fetches the bytes from
 * GET /api/bot/outbox/:id/media), a link card or a mini-program card. `text` then describes it
 * (for the county office's lists of undelivered messages).
 */
export const OutboxContent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('image'), documentId: z.string().min(1), mime: z.string().min(1) }),
  z.object({ type: z.literal('link'), url: z.string().min(1), title: z.string().min(1), description: z.string().optional(), thumbnailUrl: z.string().optional() }),
  z.object({
    type: z.literal('miniprogram'),
    appid: z.string().min(1),
    pagePath: z.string().min(1),
    title: z.string().min(1),
    username: z.string().optional(),
    description: z.string().optional(),
    thumbUrl: z.string().optional(),
  }),
  // A WeChat subscribe message: what it says, by meaning; the worker maps it to the template's keys.
  z.object({
    type: z.literal('subscribe_message'),
    templateId: z.string().min(1),
    lang: z.enum(['zh-CN', 'en']),
    data: z.object({ caseNo: z.string(), status: z.string(), time: z.string(), note: z.string() }),
    caseNo: z.string(),
  }),
  // A text message (channel 'sms', server/core/sms): the phone lives here, in the sealed payload, never in targetId.
  z.object({
    type: z.literal('sms'),
    phone: z.string().regex(/^1\d{10}$/),
    template: z.enum(SMS_TEMPLATE_NAMES),
    values: z.record(z.string(), z.string()),
  }),
]);
export type OutboxContent = z.infer<typeof OutboxContent>;

export const OutboxMessage = z.object({
  /** `${puppet}:${accountId}`: the bot account that will say it (the one the target talks to). */
  channel: z.string().min(1),
  targetType: z.enum(TARGET_TYPES),
  /** The puppet's id of the contact or room (Contact.externalId, RoomBinding.roomId). */
  targetId: z.string().min(1),
  text: z.string().min(1).max(4000),
  kind: z.enum(OUTBOX_KINDS),
  caseId: z.string().optional(),
  /** A broadcast's message (kind 'broadcast'): counted and cancellable with it. */
  broadcastId: z.string().optional(),
  content: OutboxContent.optional(),
  /** Unique: the same notice is never enqueued twice (a retried job, a reminder already sent today). */
  dedupeKey: z.string().min(1).max(300).optional(),
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;

/** The stored payload (Outbox.payload). */
export type OutboxPayload = { text: string; content?: OutboxContent };

/**
 * Enqueues a message; returns false when one with the same dedupeKey exists already (nothing is
 * written, and — unlike a failed insert — the caller's transaction stays usable).
 * `now` is the caller's clock (tests fix it): the message is deliverable from then on.
 */
export async function enqueue(tx: Prisma.TransactionClient, message: OutboxMessage, now: Date = nowOf()): Promise<boolean> {
  return (await enqueueMany(tx, [message], now)) === 1;
}

/** Many at once (a broadcast's recipients), in write order; returns how many were new (see enqueue). */
export async function enqueueMany(tx: Prisma.TransactionClient, messages: OutboxMessage[], now: Date = nowOf()): Promise<number> {
  if (messages.length === 0) return 0;
  const { count } = await tx.outbox.createMany({
    data: messages.map((message) => {
      const m = OutboxMessage.parse(message);
      return {
        channel: m.channel,
        targetType: m.targetType,
        targetId: m.targetId,
        kind: m.kind,
        payload: (m.content ? { text: m.text, content: m.content } : { text: m.text }) satisfies OutboxPayload,
        caseId: m.caseId ?? null,
        broadcastId: m.broadcastId ?? null,
        dedupeKey: m.dedupeKey ?? null,
        createdAt: now,
        nextAttemptAt: now,
      };
    }),
    skipDuplicates: true,
  });
  return count;
}
