/**
 * Gathers the read-only facts the pure flow engine needs about a contact.
 */
import type { FlowContext, CaseSummary, Cause } from '../../flows/engine/types';
import type { Prisma } from '../generated/prisma/client';
import { RegionTree } from '../regions/tree';

type Tx = Prisma.TransactionClient;

export async function casesOfContact(tx: Tx, contact: { id: string; householdId: string | null }): Promise<CaseSummary[]> {
  const cases = await tx.case.findMany({
    where: { OR: [{ contactId: contact.id }, ...(contact.householdId ? [{ householdId: contact.householdId }] : [])] },
    orderBy: { submittedAt: 'desc' },
    take: 20,
    select: { caseNo: true, cause: true, status: true, submittedAt: true, statusSince: true, missingItems: true, returnedFrom: true },
  });
  return cases.map((c) => ({
    caseNo: c.caseNo,
    cause: c.cause as Cause,
    status: c.status,
    submittedAt: c.submittedAt.toISOString(),
    statusSince: c.statusSince.toISOString(),
    ...(c.status === 'returned' && Array.isArray(c.missingItems) ? { missingItems: c.missingItems.map(String) } : {}),
    ...(c.status === 'returned' && c.returnedFrom ? { returnedFrom: c.returnedFrom } : {}),
  }));
}

export async function buildFlowContext(
  tx: Tx,
  contact: { id: string; householdId: string | null },
  knownContact: boolean,
  now: Date,
  loaded?: RegionTree,
): Promise<{ ctx: FlowContext; tree: RegionTree }> {
  // Sequential: a transaction is one connection, and pg warns about overlapping queries on it.
  const tree = loaded ?? (await RegionTree.load(tx));
  const myCases = await casesOfContact(tx, contact);
  const ctx: FlowContext = {
    now,
    towns: tree.towns(),
    incomeLineFen: (villageCode, year) => tree.incomeLineFen(villageCode, year),
    myCases,
    knownContact: knownContact || myCases.length > 0,
  };
  return { ctx, tree };
}
