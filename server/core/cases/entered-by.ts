/**
 * 录入人: the cadre who entered a case for a villager without WeChat (server/core/cases/enter.ts) is
 * the actor of its filing event — read by the notices (the villager's words go to that cadre), the
 * photos of the entry, and the case page.
 */
import { FILING_EVENT } from '../../../flows/workflow';
import type { Prisma, PrismaClient } from '../../generated/prisma/client';

/** The cadre who entered a case, with when; null for a case a villager filed. */
export async function enteredByOf(db: Pick<PrismaClient, 'caseEvent'> | Prisma.TransactionClient, caseId: string): Promise<{ cadreId: string; at: Date } | null> {
  const filing = await db.caseEvent.findFirst({ where: { caseId, type: FILING_EVENT, actorType: 'cadre' }, select: { actorId: true, at: true } });
  return filing?.actorId ? { cadreId: filing.actorId, at: filing.at } : null;
}
