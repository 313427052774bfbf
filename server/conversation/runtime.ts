/**
 * The conversation runtime: one inbound message → one transaction that records the message,
 * advances the contact's session through the pure flow engine, carries out the flow's effects
 * and stores the replies. A repeated message id returns the stored replies and changes nothing;
 * a crash at any point leaves either all of it or none of it.
 */
import { step, describeOutcome } from '../../flows';
import type { Inbound, Reply, SessionState, Lang } from '../../flows/engine/types';
import { t } from '../../flows/i18n';
import type { Prisma, PrismaClient } from '../generated/prisma/client';
import type { Logger } from '../log';
import { buildFlowContext } from './context';
import { EffectRejected, runEffects } from './effects';
import type { WorkflowSettings } from '../workflow/perform';

export type InboundEnvelope = {
  channel: string;
  messageId: string;
  from: { id: string; name: string };
  inbound: Inbound;
};

export type InboundResult = { replies: Reply[]; repeated: boolean };

export type RuntimeOptions = { log: Logger; workflow: WorkflowSettings; now?: () => Date; defaultLang?: Lang };

class SessionConflict extends Error {}

const MAX_ATTEMPTS = 4;

export async function handleInbound(
  prisma: PrismaClient,
  envelope: InboundEnvelope,
  opts: RuntimeOptions,
): Promise<InboundResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await prisma.$transaction((tx) => processOnce(tx, envelope, opts), { timeout: 20_000, maxWait: 10_000 });
    } catch (err) {
      // Two messages of one contact at once: the loser of the version check (or of the unique
      // message id) runs again and then sees the winner's state — or the stored replies.
      if (attempt < MAX_ATTEMPTS && isRetryable(err)) continue;
      if (err instanceof EffectRejected) {
        opts.log.error('flow effect rejected', { channel: envelope.channel, messageId: envelope.messageId, reason: err.message });
        return { replies: [{ type: 'text', text: t(opts.defaultLang ?? 'zh-CN', 'server.error') }], repeated: false };
      }
      throw err;
    }
  }
}

function isRetryable(err: unknown): boolean {
  if (err instanceof SessionConflict) return true;
  const code = (err as { code?: string }).code;
  return code === 'P2002' || code === 'P2034';
}

async function processOnce(tx: Prisma.TransactionClient, envelope: InboundEnvelope, opts: RuntimeOptions): Promise<InboundResult> {
  const now = opts.now?.() ?? new Date();
  const existingContact = await tx.contact.findUnique({ where: { channel_externalId: { channel: envelope.channel, externalId: envelope.from.id } } });
  const contact =
    existingContact ??
    (await tx.contact.create({
      data: { channel: envelope.channel, externalId: envelope.from.id, name: envelope.from.name.slice(0, 100), lang: opts.defaultLang ?? 'zh-CN' },
    }));
  if (existingContact && envelope.from.name && existingContact.name !== envelope.from.name) {
    await tx.contact.update({ where: { id: contact.id }, data: { name: envelope.from.name.slice(0, 100) } });
  }

  const seen = await tx.inboundMessage.findUnique({ where: { channel_messageId: { channel: envelope.channel, messageId: envelope.messageId } } });
  if (seen) return { replies: seen.replies as unknown as Reply[], repeated: true };

  const session = await tx.conversationSession.findUnique({ where: { contactId: contact.id } });
  const state = (session?.state as unknown as SessionState | undefined) ?? null;
  const { ctx, tree } = await buildFlowContext(tx, contact, existingContact !== null, now);
  ctx.lang = (contact.lang as Lang) ?? opts.defaultLang;

  const result = step(state, envelope.inbound, ctx);
  const outcomes = await runEffects({ tx, tree, contact, now, workflow: opts.workflow }, result.effects);
  const replies = [...result.replies, ...outcomes.flatMap((o) => describeOutcome(o, result.state))];

  const data = { flow: result.state.flow, step: result.state.step, state: result.state as unknown as Prisma.InputJsonValue };
  if (session) {
    const updated = await tx.conversationSession.updateMany({ where: { id: session.id, version: session.version }, data: { ...data, version: { increment: 1 } } });
    if (updated.count !== 1) throw new SessionConflict();
  } else {
    await tx.conversationSession.create({ data: { contactId: contact.id, ...data } });
  }
  await tx.inboundMessage.create({
    data: { channel: envelope.channel, messageId: envelope.messageId, contactId: contact.id, kind: envelope.inbound.kind === 'text' ? 'text' : envelope.inbound.mediaType, replies: replies as unknown as Prisma.InputJsonValue },
  });
  return { replies, repeated: false };
}
