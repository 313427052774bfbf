/**
 * The question a villager is at, read without changing anything: said after the reply to a
 * message the chat cannot read (a sticker, a link, a location), which never reaches the engine.
 * Nothing for a contact without a conversation, and nothing for a cadre (their chat is their own).
 */
import { currentQuestion } from '../../../flows';
import type { Lang, SessionState } from '../../../flows/engine/types';
import type { PrismaClient } from '../../generated/prisma/client';
import { cadreActorByContact } from '../../core/auth/lookup';
import { readStaticStamp, staticDataCache } from '../../core/cache/static-data';
import { casesOfContact, flowContext } from './context';

export async function questionToRepeat(prisma: PrismaClient, channel: string, externalId: string, now: Date): Promise<string | null> {
  return prisma.$transaction(async (tx) => {
    const contact = await tx.contact.findUnique({ where: { channel_externalId: { channel, externalId } } });
    if (!contact) return null;
    const session = await tx.conversationSession.findUnique({ where: { contactId: contact.id } });
    const state = (session?.state as unknown as SessionState | undefined) ?? null;
    if (!state || state.flow === 'cadre') return null;
    const { tree } = await staticDataCache(prisma).get(tx, await readStaticStamp(tx));
    if (await cadreActorByContact(tx, contact.id, tree)) return null;
    const ctx = flowContext({ now, tree, myCases: await casesOfContact(tx, contact), knownContact: true });
    ctx.lang = contact.lang as Lang;
    return currentQuestion(state, ctx);
  });
}
