/**
 * A contact typed a household's ID number and registered phone (a claimed link, household-link.ts).
 * Someone who knows both may not be of the household, so in the same transaction:
 *  - the household's own created/confirmed chat contacts are told in plain words that the
 *    application was looked up from another WeChat (the one that claimed is not told);
 *  - the household's village cadres get a private notice (never a work group): no village cadre
 *    bound, the town's; none either, the county office — as notifyIdentityClaim does.
 */
import { t } from '../../../flows/i18n';
import type { Prisma } from '../../generated/prisma/client';
import { CHAT_CONTACT_CHANNEL } from '../notify/channels';
import { enqueue } from '../outbox/enqueue';
import { asLang, nearestBoundCadres, regionChain } from '../notify/recipients';
import { regionName } from '../notify/texts';
import { ACTING_LINKS } from './household-link';

type Tx = Prisma.TransactionClient;

export type Claim = {
  contactId: string;
  householdId: string;
  /** The filing the phone was typed for (a case filed apart), or none for "查询". */
  caseId?: string;
};

export async function announceClaim(tx: Tx, claim: Claim, now: Date): Promise<void> {
  const stamp = `${claim.contactId}:${now.getTime()}`;
  const household = await tx.household.findUniqueOrThrow({ where: { id: claim.householdId } });
  const own = await tx.contact.findMany({
    where: { householdId: household.id, householdLink: { in: ACTING_LINKS }, id: { not: claim.contactId }, channel: CHAT_CONTACT_CHANNEL, cadre: { is: null } },
    select: { id: true, channel: true, externalId: true, lang: true },
  });
  for (const c of own) {
    const text = t(asLang(c.lang), 'workflow.villager.household_claimed');
    await enqueue(tx, { channel: c.channel, targetType: 'contact', targetId: c.externalId, text, kind: 'case_update', dedupeKey: `household_claimed:${stamp}:${c.id}` }, now);
  }

  const chain = await regionChain(tx, household.villageId);
  const cadres = await nearestBoundCadres(tx, chain);
  const filed = claim.caseId ? await tx.case.findUniqueOrThrow({ where: { id: claim.caseId }, select: { caseNo: true, villageId: true } }) : null;
  const where = filed ? await regionChain(tx, filed.villageId) : [];
  for (const r of cadres) {
    const text = t(r.lang, filed ? 'workflow.cadre.household_claimed_filing' : 'workflow.cadre.household_claimed_lookup', {
      name: household.headName,
      idLast4: household.headIdNumber.slice(-4),
      caseNo: filed?.caseNo ?? '',
      village: regionName(r.lang, where.find((x) => x.level === 'village')),
      town: regionName(r.lang, where.find((x) => x.level === 'town')),
    });
    await enqueue(tx, { channel: r.channel, targetType: r.targetType, targetId: r.targetId, text, kind: 'case_task', dedupeKey: `household_claimed:${stamp}:${r.key}` }, now);
  }
}
