/**
 * What the bot just offered a villager to pick ("全文", FAQ candidates, which case). Stored
 * beside — not in — the conversation state, so answering a question mid-application leaves
 * that state exactly as it was. The engine withdraws an offer after the next message.
 */
import type { FaqOfferState } from '../../../flows';
import type { Prisma } from '../../generated/prisma/client';

type Tx = Prisma.TransactionClient;

// read with the rest of a step's start, in one statement (server/chat/conversation/load.ts)
export async function saveOffer(tx: Tx, contactId: string, offer: FaqOfferState | null): Promise<void> {
  if (!offer) {
    await tx.faqOffer.deleteMany({ where: { contactId } });
    return;
  }
  const data = { offer: offer as unknown as Prisma.InputJsonValue, createdAt: new Date(offer.at) };
  await tx.faqOffer.upsert({ where: { contactId }, create: { contactId, ...data }, update: data });
}
