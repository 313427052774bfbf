/**
 * Where the workflow's words for a villager go (server/core/workflow/notify.ts, overdue.ts):
 *  - a case filed in the chat: to the contact that filed it, as always;
 *  - a case filed in the mini-program: no bot drains the app's channels, so to the household's
 *    chat contacts (the WeChat the household talks to the bot from), if any;
 *  - and, for either, a WeChat subscribe message to each mini-program contact of the case or its
 *    household that accepted one (a SubscribeCredit), delivered by subscribe-worker.ts.
 */
import { statusLabel } from '../../../flows/status/cases';
import type { Prisma } from '../../generated/prisma/client';
import { enqueue } from '../outbox/enqueue';
import { CHAT_CONTACT_CHANNEL, isAppChannel, SUBSCRIBE_CHANNEL, SUBSCRIBE_CONTACT_CHANNEL } from './channels';
import { ACTING_LINKS } from '../identity/household-link';

type Tx = Prisma.TransactionClient;

export type VillagerTarget = { contactId: string; channel: string; targetId: string };

export async function villagerTargets(tx: Tx, c: { householdId: string | null; contact: { id: string; channel: string; externalId: string } | null }): Promise<VillagerTarget[]> {
  if (c.contact && !isAppChannel(c.contact.channel)) return [{ contactId: c.contact.id, channel: c.contact.channel, targetId: c.contact.externalId }];
  // a case filed unverified (身份待核实) has no household: nobody's chat but the filer's own
  if (!c.householdId) return [];
  // the household's chats that act for it: a claimed link (ID number + phone typed) is not told its case's news
  const chat = await tx.contact.findMany({
    where: { householdId: c.householdId, householdLink: { in: ACTING_LINKS }, channel: CHAT_CONTACT_CHANNEL, cadre: { is: null } },
    orderBy: { updatedAt: 'desc' },
    select: { id: true, channel: true, externalId: true },
  });
  return chat.map((x) => ({ contactId: x.id, channel: x.channel, targetId: x.externalId }));
}

/**
 * A subscribe message per mini-program contact with an unused credit. Subscribe templates are
 * Chinese, so their fields are too. `dedupeKey` is the notice's; each contact gets its own.
 */
export async function enqueueSubscribeUpdate(
  tx: Tx,
  c: { id: string; caseNo: string; householdId: string | null; contactId: string | null },
  update: { statusLabel: string; text: string },
  now: Date,
  dedupeKey: string,
): Promise<number> {
  if (!c.householdId && !c.contactId) return 0;
  const contacts = await tx.contact.findMany({
    where: { channel: SUBSCRIBE_CONTACT_CHANNEL, OR: [...(c.householdId ? [{ householdId: c.householdId, householdLink: { in: ACTING_LINKS } }] : []), ...(c.contactId ? [{ id: c.contactId }] : [])] },
    select: { id: true, externalId: true },
  });
  let sent = 0;
  for (const contact of contacts) {
    const credit = await tx.subscribeCredit.findFirst({ where: { contactId: contact.id, usedAt: null }, orderBy: { createdAt: 'asc' } });
    if (!credit) continue;
    const note = update.text.split('\n')[0] ?? '';
    const fresh = await enqueue(
      tx,
      {
        channel: SUBSCRIBE_CHANNEL,
        targetType: 'contact',
        targetId: contact.externalId,
        kind: 'subscribe_message',
        text: update.text,
        caseId: c.id,
        dedupeKey: `${dedupeKey}:subscribe:${contact.id}`.slice(0, 300),
        content: { type: 'subscribe_message', templateId: credit.templateId, lang: 'zh-CN', caseNo: c.caseNo, data: { caseNo: c.caseNo, status: update.statusLabel, time: now.toISOString(), note } },
      },
      now,
    );
    if (fresh) {
      await tx.subscribeCredit.update({ where: { id: credit.id }, data: { usedAt: now } });
      sent++;
    }
  }
  return sent;
}

/** The Chinese status label for a subscribe message. */
export const subscribeStatus = (status: string): string => statusLabel('zh-CN', status);
