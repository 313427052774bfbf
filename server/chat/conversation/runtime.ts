/**
 * The conversation runtime: one inbound message → one transaction that records the message,
 * advances the contact's session through the pure flow engine, carries out the flow's effects
 * and stores the replies. A repeated message id returns the stored replies and changes nothing;
 * a crash at any point leaves either all of it or none of it.
 */
import { step, describeOutcome, routeVillager } from '../../../flows';
import { parseBindingCommand } from '../../../flows/cadre/commands';
import type { Inbound, Reply, SessionState, Lang } from '../../../flows/engine/types';
import { t } from '../../../flows/i18n';
import type { Prisma, PrismaClient } from '../../generated/prisma/client';
import type { Logger } from '../../log';
import { buildFlowContext } from './context';
import { loadKnowledge } from '../../core/policy/knowledge';
import { cadreActorByContact } from '../../core/auth/lookup';
import { runBinding } from '../cadre/binding';
import { handleCadreMessage } from '../cadre/handle';
import { strangerCommand } from '../cadre/stranger';
import { RegionTree } from '../../core/regions/tree';
import { runEffects } from './effects';
import { Rejected } from '../../core/rejected';
import type { IdentityCheckSettings } from '../../core/identity/checks';
import type { WorkflowSettings } from '../../core/workflow/perform';

export type InboundEnvelope = {
  channel: string;
  messageId: string;
  from: { id: string; name: string };
  /** Set when the message was said in a group (the bot forwards only those that @-mention it). */
  room?: { id: string; topic: string };
  inbound: Inbound;
};

export type InboundResult = { replies: Reply[]; repeated: boolean };

export type RuntimeOptions = {
  log: Logger;
  workflow: WorkflowSettings;
  now?: () => Date;
  defaultLang?: Lang;
  /** Binding-code attempts per hour from all contacts together (BINDING_ATTEMPTS_PER_HOUR). */
  bindingAttemptsPerHour?: number;
  /** The budget for ID number + phone checks (IDENTITY_CHECKS_PER_HOUR and the data keyring). */
  identityChecks: IdentityCheckSettings;
};

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
      if (err instanceof Rejected) {
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
  // replies are purged after IDEMPOTENCY_HOURS (server/chat/conversation/purge-replies.ts): a late repeat changes nothing and says nothing again
  if (seen) return { replies: (seen.replies ?? []) as unknown as Reply[], repeated: true };

  const session = await tx.conversationSession.findUnique({ where: { contactId: contact.id } });
  const stored = (session?.state as unknown as SessionState | undefined) ?? null;
  const text = envelope.inbound.kind === 'text' ? envelope.inbound.text : null;
  const record = async (replies: Reply[]): Promise<InboundResult> => {
    await tx.inboundMessage.create({
      data: { channel: envelope.channel, messageId: envelope.messageId, contactId: contact.id, kind: envelope.inbound.kind === 'text' ? 'text' : envelope.inbound.mediaType, replies: replies as unknown as Prisma.InputJsonValue },
    });
    return { replies, repeated: false };
  };
  const texts = (lines: string[]): Reply[] => lines.map((line) => ({ type: 'text', text: line }));

  // 绑定 / 绑定群 / 解绑: from anyone, before any flow
  const binding = text !== null ? parseBindingCommand(text) : null;
  if (binding) {
    const result = await runBinding({ tx, contact, ...(envelope.room ? { room: envelope.room } : {}), now, globalPerHour: opts.bindingAttemptsPerHour }, binding);
    // an unbound cadre starts afresh as anyone else would
    if (result.unbound && session && stored?.flow === 'cadre') await tx.conversationSession.delete({ where: { id: session.id } });
    return record(texts(result.replies));
  }

  // a bound cadre, in a private chat or @-mentioning the bot in any group, acts with their own role
  const tree = await RegionTree.load(tx);
  const cadre = await cadreActorByContact(tx, contact.id, tree);
  if (cadre) {
    const turn = await handleCadreMessage({ tx, actor: cadre, contact, inRoom: envelope.room !== undefined, inbound: envelope.inbound, state: stored, tree, workflow: opts.workflow, now });
    await saveSession(tx, session, contact.id, turn.state as unknown as SessionState);
    return record(texts(turn.replies));
  }

  const { ctx } = await buildFlowContext(tx, contact, existingContact !== null, now, tree);
  ctx.lang = (contact.lang as Lang) ?? opts.defaultLang;
  // a cadre's state left behind (the account was deactivated or unbound elsewhere): start afresh
  const state = stored?.flow === 'cadre' ? null : stored;
  ctx.knowledge = await loadKnowledge(tx, { contactId: contact.id, householdId: contact.householdId, sessionVillage: state?.answers?.villageCode, tree, now, workflow: opts.workflow });

  if (text !== null) {
    const refused = await strangerCommand(tx, contact, text, ctx.myCases, state?.lang ?? ctx.lang ?? 'zh-CN', now);
    if (refused) return record(texts(refused));
  }

  const result = step(routeVillager(state, envelope.inbound, ctx), envelope.inbound, ctx);
  const outcomes = await runEffects({ tx, tree, contact, now, workflow: opts.workflow, identityChecks: opts.identityChecks }, result.effects);
  const replies = [...result.replies, ...outcomes.flatMap((o) => describeOutcome(o, result.state))];
  await saveSession(tx, session, contact.id, result.state);
  return record(replies);
}

/** Saves the new state; a concurrent update of the same session makes the whole message run again. */
async function saveSession(tx: Prisma.TransactionClient, session: { id: string; version: number } | null, contactId: string, state: SessionState): Promise<void> {
  const data = { flow: state.flow, step: state.step, state: state as unknown as Prisma.InputJsonValue };
  if (session) {
    const updated = await tx.conversationSession.updateMany({ where: { id: session.id, version: session.version }, data: { ...data, version: { increment: 1 } } });
    if (updated.count !== 1) throw new SessionConflict();
  } else {
    await tx.conversationSession.create({ data: { contactId, ...data } });
  }
}
