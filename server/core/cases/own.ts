/**
 * Whose case it is, for the villager's channels (the chat and the mini-program): one reader over
 * the workflow's own rule (flows/workflow outsideScope: a villager reaches the cases it filed, and
 * its household's). How far the household counts depends on the contact's link to it
 * (core/identity/household-link.ts):
 *  - 'act': open a case, move it, send papers for it — the household's cases only through a link
 *    that acts for the household (created, confirmed);
 *  - 'see': a case's status in a list — through a claimed link too.
 * Anything else reads as a case that does not exist.
 */
import { outsideScope, type CaseFacts, type VillagerActor } from '../../../flows/workflow';
import type { Case, Prisma, PrismaClient } from '../../generated/prisma/client';
import { actingHouseholdId, type Linked } from '../identity/household-link';

type Db = PrismaClient | Prisma.TransactionClient;

export type Reach = 'act' | 'see';
/** A villager's contact with its household link. */
export type CaseHolder = { id: string } & Linked;

type Ownable = Pick<CaseFacts, 'villageId' | 'verifierId' | 'contactId' | 'householdId'>;

/** The villager as the workflow sees it for `reach`: a claimed link lends its household to look only. */
export function villagerActor(holder: CaseHolder, reach: Reach = 'act'): VillagerActor {
  return { kind: 'villager', contactId: holder.id, householdId: reach === 'act' ? actingHouseholdId(holder) : holder.householdId };
}

/** Whether the case is the villager's for `reach`, as the workflow decides it. */
export function isOwnCase(holder: CaseHolder, reach: Reach, c: Ownable): boolean {
  return outsideScope(villagerActor(holder, reach), c) === null;
}

/** The same rule as a query, for lists (a test keeps the two in step). */
export function ownCasesWhere(holder: CaseHolder, reach: Reach): Prisma.CaseWhereInput {
  const v = villagerActor(holder, reach);
  return { OR: [{ contactId: v.contactId }, ...(v.householdId ? [{ householdId: v.householdId }] : [])] };
}

/** The case numbered `caseNo` when the villager reaches it, else null (as if there were none). */
export async function findOwnCase(db: Db, holder: CaseHolder, caseNo: string, reach: Reach = 'act'): Promise<Case | null> {
  const row = await db.case.findUnique({ where: { caseNo } });
  return row && isOwnCase(holder, reach, row) ? row : null;
}

/** The contact as it is now: its household link may have changed since its session began (a filing, a verified phone). */
export async function holderOf(db: Db, contactId: string): Promise<CaseHolder> {
  const fresh = await db.contact.findUnique({ where: { id: contactId }, select: { householdId: true, householdLink: true } });
  return { id: contactId, householdId: fresh?.householdId ?? null, householdLink: fresh?.householdLink ?? null };
}
