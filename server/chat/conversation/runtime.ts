/**
 * The conversation runtime: one inbound message → the contact's session advanced through the pure
 * flow engine, the flow's effects carried out and the replies stored with the message id, all
 * written at once. A repeated message id returns the stored replies and changes nothing; a crash
 * at any point leaves either all of it or none of it.
 *
 * A villager's answer — most messages — is read with one statement (load.ts) and, when the step
 * asks for no effect but a photo for the application, written with one (save.ts): two round trips,
 * no transaction held open while the engine runs. A contact's first words likewise: the contact
 * is made in the same statement. A step with other effects writes them, the session and the
 * message in one transaction. Both guard the session with its version (or the contact with its
 * unique key): a turn that lost to another message of the same contact runs again. Anything else
 * (a cadre, a binding code, a changed WeChat name, a cadre command from a stranger, first words
 * with effects) runs whole in one transaction (processOnce).
 */
import { step, describeOutcome, routeVillager } from '../../../flows';
import { parseBindingCommand } from '../../../flows/cadre/commands';
import type { CaseSummary, Inbound, Reply, SessionState, StepResult, Lang } from '../../../flows/engine/types';
import { t } from '../../../flows/i18n';
import type { Prisma, PrismaClient } from '../../generated/prisma/client';
import type { Logger } from '../../log';
import { casesOfContact, CasesNeeded, flowContext } from './context';
import { loadTurnStart, type TurnContact, type TurnStart } from './load';
import { saveAnswer, writtenWithAnswer, type SessionWrite } from './save';
import { knowledgeFor, villageOfContact } from '../../core/policy/knowledge';
import { countyIdOf, workflowOf } from '../../core/settings/workflow';
import { staticDataCache, type StaticData } from '../../core/cache/static-data';
import { cadreActorByContact } from '../../core/auth/lookup';
import { runBinding } from '../cadre/binding';
import { handleCadreMessage } from '../cadre/handle';
import { strangerCommand, strangerCommandIn } from '../cadre/stranger';
import { runEffects } from './effects';
import { isUniqueViolation, throughPrisma, type SqlRunner } from '../../core/db/direct';
import { rowId } from '../../core/db/row-id';
import { Rejected } from '../../core/rejected';
import type { IdentityCheckSettings } from '../../core/identity/checks';
import type { WorkflowSettings } from '../../core/workflow/perform';
import { nowOf } from '../../core/clock';

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
  /** The step's read and write past Prisma's runtime (core/db/direct.ts); unset: through `prisma`. */
  sql?: SqlRunner;
  log: Logger;
  /** The defaults (config.workflow): a county's own settings are read with the static data (core/settings/workflow.ts). */
  workflow: WorkflowSettings;
  now?: () => Date;
  defaultLang?: Lang;
  /** Binding-code attempts per hour from all contacts together (BINDING_ATTEMPTS_PER_HOUR). */
  bindingAttemptsPerHour?: number;
  /** The budget for ID number + phone checks (IDENTITY_CHECKS_PER_HOUR and the data keyring). */
  identityChecks: IdentityCheckSettings;
  /** PUBLIC_BASE_URL: a cadre's 统计 and 导出 link the console's pages on it. */
  publicBaseUrl?: string;
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
      return await turnOnce(prisma, envelope, opts);
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
  // a raw statement failed (save.ts) — retried for a unique violation, the same message id written at once
  return code === 'P2002' || code === 'P2034' || isUniqueViolation(err);
}

const TX_OPTIONS = { timeout: 20_000, maxWait: 10_000 };

async function turnOnce(prisma: PrismaClient, envelope: InboundEnvelope, opts: RuntimeOptions): Promise<InboundResult> {
  const now = nowOf(opts);
  const keyring = opts.identityChecks.keyring;
  const sql = opts.sql ?? throughPrisma(prisma);
  const start = await loadTurnStart(sql, keyring, envelope.channel, envelope.from.id, envelope.messageId);
  // replies are purged after IDEMPOTENCY_HOURS (server/chat/conversation/purge-replies.ts): a late repeat changes nothing and says nothing again
  if (start.seen) return { replies: start.seen.replies ?? [], repeated: true };
  const { contact, session } = start;
  const text = envelope.inbound.kind === 'text' ? envelope.inbound.text : null;
  const name = envelope.from.name.slice(0, 100);
  const command = text !== null && (parseBindingCommand(text) || strangerCommandIn(text));
  const known = contact !== null && session !== null && !start.isCadre && !(name && contact.name !== name) && !command;
  // a contact's first words (neither a binding code nor a cadre command): the contact is made with the answer (save.ts)
  const first = contact === null && !command;
  if (!known && !first) return prisma.$transaction((tx) => processOnce(tx, prisma, envelope, opts), TX_OPTIONS);

  const villager: TurnContact = contact ?? { id: rowId(), channel: envelope.channel, name, lang: opts.defaultLang ?? 'zh-CN', householdId: null, householdLink: null };
  const statics = await staticDataCache(prisma).get(prisma, start.staticStamp);
  const result = await villagerStep({ start, contact: villager, state: session?.state ?? null, statics, inbound: envelope.inbound, now, opts, cases: () => casesOfContact(prisma, villager) });
  if (writtenWithAnswer(result.effects)) {
    const replies = result.replies;
    const write: SessionWrite = session ? { session } : { newContact: { id: villager.id, externalId: envelope.from.id, name, lang: villager.lang } };
    const saved = await saveAnswer(sql, keyring, { ...write, state: result.state, channel: envelope.channel, messageId: envelope.messageId, kind: messageKind(envelope.inbound), replies, documents: result.effects, now });
    if (!saved) throw new SessionConflict();
    return { replies, repeated: false };
  }
  // first words that ask for more than a photo kept: the whole turn in one transaction
  if (!session) return prisma.$transaction((tx) => processOnce(tx, prisma, envelope, opts), TX_OPTIONS);
  return prisma.$transaction((tx) => commitStep(tx, { envelope, contact: villager, session, result, statics, householdVillageId: start.householdVillageId, now, opts }), TX_OPTIONS);
}

/** The kind a message is recorded as. */
const messageKind = (inbound: Inbound): string => (inbound.kind === 'text' ? 'text' : inbound.mediaType);

/** Records the message as answered, with its replies (a repeat of its id then gets them again). */
async function recordMessage(tx: Prisma.TransactionClient, envelope: InboundEnvelope, contactId: string, replies: Reply[]): Promise<InboundResult> {
  await tx.inboundMessage.create({
    data: { channel: envelope.channel, messageId: envelope.messageId, contactId, kind: messageKind(envelope.inbound), replies: replies as unknown as Prisma.InputJsonValue },
  });
  return { replies, repeated: false };
}

/** A villager's step written in the caller's transaction: its effects and what they say, the session, the message. */
async function commitStep(
  tx: Prisma.TransactionClient,
  turn: { envelope: InboundEnvelope; contact: TurnContact; session: { id: string; version: number } | null; result: StepResult; statics: StaticData; householdVillageId: string | null; now: Date; opts: RuntimeOptions },
): Promise<InboundResult> {
  const { contact, result, opts, statics } = turn;
  const workflow = villagerWorkflow(statics, turn.householdVillageId, result.state?.answers?.villageCode, opts);
  const outcomes = await runEffects({ tx, tree: statics.tree, contact, now: turn.now, workflow, identityChecks: opts.identityChecks }, result.effects);
  const replies = [...result.replies, ...outcomes.flatMap((o) => describeOutcome(o, result.state))];
  if (turn.session) {
    // session and message in one statement, as a plain answer's (save.ts), in this transaction
    const { envelope } = turn;
    const saved = await saveAnswer(throughPrisma(tx), opts.identityChecks.keyring, { session: turn.session, state: result.state, channel: envelope.channel, messageId: envelope.messageId, kind: messageKind(envelope.inbound), replies, documents: [], now: turn.now });
    if (!saved) throw new SessionConflict();
    return { replies, repeated: false };
  }
  await saveSession(tx, null, contact.id, result.state);
  return recordMessage(tx, turn.envelope, contact.id, replies);
}

/**
 * The villager's step, pure but for the cases it may read: run without them first, and again
 * with them when the step looks at them (context.ts). `cases` reads them (at most once).
 */
async function villagerStep(
  turn: { start: TurnStart; contact: TurnContact; state: SessionState | null; statics: StaticData; inbound: Inbound; now: Date; opts: RuntimeOptions; cases: () => Promise<CaseSummary[]> },
): Promise<StepResult> {
  const { start, contact, statics, inbound, now, opts } = turn;
  // a cadre's state left behind (the account was deactivated or unbound elsewhere): start afresh
  const state = turn.state?.flow === 'cadre' ? null : turn.state;
  const workflow = villagerWorkflow(statics, start.householdVillageId, state?.answers?.villageCode, opts);
  const knowledge = knowledgeFor(statics, { householdVillageId: start.householdVillageId, sessionVillage: state?.answers?.villageCode, now, workflow, offer: start.offer });
  // a contact heard for the first time has no cases (and is not known)
  let myCases: CaseSummary[] | undefined = start.contact === null ? [] : undefined;
  for (;;) {
    const ctx = flowContext({ now, tree: statics.tree, myCases, knownContact: start.contact !== null });
    ctx.lang = (contact.lang as Lang) ?? opts.defaultLang;
    ctx.knowledge = knowledge;
    try {
      return step(routeVillager(state, inbound, ctx), inbound, ctx);
    } catch (err) {
      if (!(err instanceof CasesNeeded) || myCases !== undefined) throw err;
      myCases = await turn.cases();
    }
  }
}

/** The whole turn in the caller's transaction: a first message, a cadre, a binding code, a changed name, a stranger's cadre command. */
async function processOnce(tx: Prisma.TransactionClient, client: object, envelope: InboundEnvelope, opts: RuntimeOptions): Promise<InboundResult> {
  const now = nowOf(opts);
  const start = await loadTurnStart(throughPrisma(tx), opts.identityChecks.keyring, envelope.channel, envelope.from.id, envelope.messageId);
  if (start.seen) return { replies: start.seen.replies ?? [], repeated: true };

  const name = envelope.from.name.slice(0, 100);
  const contact: TurnContact = start.contact ?? turnContact(await tx.contact.create({ data: { channel: envelope.channel, externalId: envelope.from.id, name, lang: opts.defaultLang ?? 'zh-CN' } }));
  if (start.contact && name && start.contact.name !== name) await tx.contact.update({ where: { id: contact.id }, data: { name } });

  const session = start.session;
  const stored = session?.state ?? null;
  const text = envelope.inbound.kind === 'text' ? envelope.inbound.text : null;
  const record = (replies: Reply[]) => recordMessage(tx, envelope, contact.id, replies);
  const texts = (lines: string[]): Reply[] => lines.map((line) => ({ type: 'text', text: line }));

  // 绑定 / 绑定群 / 解绑: from anyone, before any flow
  const binding = text !== null ? parseBindingCommand(text) : null;
  if (binding) {
    const result = await runBinding({ tx, contact, ...(envelope.room ? { room: envelope.room } : {}), now, globalPerHour: opts.bindingAttemptsPerHour }, binding);
    // an unbound cadre starts afresh as anyone else would
    if (result.unbound && session && stored?.flow === 'cadre') await tx.conversationSession.delete({ where: { id: session.id } });
    return record(texts(result.replies));
  }

  // regions, income lines and policy knowledge from the process's cache, current as of the stamp just read
  const statics = await staticDataCache(client).get(tx, start.staticStamp);
  const tree = statics.tree;

  // a bound cadre, in a private chat or @-mentioning the bot in any group, acts with their own role
  const cadre = start.isCadre ? await cadreActorByContact(tx, contact.id, tree) : null;
  if (cadre) {
    const workflow = workflowOf(statics, countyIdOf(tree, { actor: cadre }), opts.workflow);
    const turn = await handleCadreMessage({ tx, actor: cadre, contact, inRoom: envelope.room !== undefined, ...(envelope.room ? { room: { channel: contact.channel, id: envelope.room.id } } : {}), inbound: envelope.inbound, state: stored, tree, workflow, ...(opts.publicBaseUrl ? { publicBaseUrl: opts.publicBaseUrl } : {}), now });
    await saveSession(tx, session, contact.id, turn.state as unknown as SessionState);
    return record(texts(turn.replies));
  }

  // the cases are read at most once: by a stranger's command naming one, or by the step (context.ts)
  let myCases: CaseSummary[] | undefined;
  const cases = async () => (myCases ??= start.contact === null ? [] : await casesOfContact(tx, contact));
  if (text !== null) {
    const refused = await strangerCommand(tx, contact, text, cases, (stored?.flow === 'cadre' ? null : stored)?.lang ?? (contact.lang as Lang) ?? 'zh-CN', now);
    if (refused) return record(texts(refused));
  }
  const result = await villagerStep({ start, contact, state: stored, statics, inbound: envelope.inbound, now, opts, cases });
  return commitStep(tx, { envelope, contact, session, result, statics, householdVillageId: start.householdVillageId, now, opts });
}

/** A villager's county's settings: the county of the village the application names, else the household's. */
function villagerWorkflow(statics: StaticData, householdVillageId: string | null, sessionVillage: unknown, opts: RuntimeOptions): WorkflowSettings {
  const villageCode = villageOfContact(statics.tree, householdVillageId, sessionVillage);
  return workflowOf(statics, countyIdOf(statics.tree, { villageCode: villageCode ?? null }), opts.workflow);
}

const turnContact = (c: TurnContact): TurnContact => ({ id: c.id, channel: c.channel, name: c.name, lang: c.lang, householdId: c.householdId, householdLink: c.householdLink });

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
