/**
 * Finding the cadre behind a WeChat contact (bound with "绑定 123456"), for acting by chat.
 */
import type { Prisma, PrismaClient } from '../../generated/prisma/client';
import type { RegionTree } from '../regions/tree';
import type { CadreActor } from '../../../flows/workflow';
import { actorForCadre } from './actor';

type Db = PrismaClient | Prisma.TransactionClient;

/** The active cadre bound to this contact, as a workflow actor; null when none (a villager). */
export async function cadreActorByContact(db: Db, contactId: string, tree?: RegionTree): Promise<(CadreActor & { lang: string; regionId: string }) | null> {
  const cadre = await db.cadre.findUnique({ where: { contactId } });
  if (!cadre || !cadre.active) return null;
  return { ...(await actorForCadre(db, cadre, tree)), lang: cadre.lang, regionId: cadre.regionId };
}
