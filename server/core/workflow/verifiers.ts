/**
 * Whom a case's verification can be assigned to: the active verifier accounts whose region covers
 * its village (flows/workflow verifierCovers — what the assign_verifier move accepts), by name.
 */
import { verifierCovers } from '../../../flows/workflow';
import type { Prisma } from '../../generated/prisma/client';
import type { RegionTree } from '../regions/tree';

type Tx = Prisma.TransactionClient;

export type AssignableVerifier = { id: string; name: string; regionName: string };

export async function assignableVerifiers(tx: Tx, tree: RegionTree, villageId: string): Promise<AssignableVerifier[]> {
  const line = tree.lineOf(villageId);
  const verifiers = await tx.cadre.findMany({ where: { role: 'verifier', active: true }, orderBy: [{ name: 'asc' }, { id: 'asc' }] });
  return verifiers.filter((v) => verifierCovers(v.regionId, line)).map((v) => ({ id: v.id, name: v.name, regionName: tree.byId.get(v.regionId)?.name ?? '' }));
}
