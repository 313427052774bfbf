/**
 * What the bot just offered a villager to pick ("全文", FAQ candidates, which case). Stored
 * beside — not in — the conversation state, so answering a question mid-application leaves
 * that state exactly as it was. The engine withdraws an offer after the next message.
 */
import type { FaqOfferState } from '../../../flows';
import type { Prisma } from '../../generated/prisma/client';

type Tx = Prisma.TransactionClient;

export async function readOffer(tx: Tx, contactId: string): Promise<FaqOfferState | null> {
  const row = await tx.faqOffer.findUnique({ where: { contactId } });
  return row ? (row.offer as unknown as FaqOfferState) : null;
}

export async function saveOffer(tx: Tx, contactId: string, offer: FaqOfferState | null): Promise<void> {
  if (!offer) {
    await tx.faqOffer.deleteMany({ where: { contactId } });
    return;
  }
  const data = { offer: offer as unknown as Prisma.InputJsonValue, createdAt: new Date(offer.at) };
  await tx.faqOffer.upsert({ where: { contactId }, create: { contactId, ...data }, update: data });
}
