/**
 * Gathers the read-only facts the pure flow engine needs about a contact.
 */
import type { FlowContext, CaseSummary, Cause } from '../../../flows/engine/types';
import type { Prisma } from '../../generated/prisma/client';
import { RegionTree } from '../../core/regions/tree';
import { isOwnCase, ownCasesWhere, type CaseHolder } from '../../core/cases/own';

type Tx = Prisma.TransactionClient;

/**
 * The cases the contact may see: those it filed and its household's (core/cases/own.ts). Those it
 * does not act on (the household's, through a claimed link) are `viewOnly`: their status shows,
 * what is missing does not, and nothing is offered to act on them.
 */
export async function casesOfContact(tx: Tx, contact: CaseHolder): Promise<CaseSummary[]> {
  const cases = await tx.case.findMany({
    where: ownCasesWhere(contact, 'see'),
    orderBy: { submittedAt: 'desc' },
    take: 20,
    select: { caseNo: true, cause: true, status: true, submittedAt: true, statusSince: true, missingItems: true, returnedFrom: true, contactId: true, householdId: true, villageId: true, verifierId: true },
  });
  return cases.map((c) => {
    const viewOnly = !isOwnCase(contact, 'act', c);
    return {
      caseNo: c.caseNo,
      cause: c.cause as Cause,
      status: c.status,
      submittedAt: c.submittedAt.toISOString(),
      statusSince: c.statusSince.toISOString(),
      ...(viewOnly ? { viewOnly: true } : {}),
      ...(!viewOnly && c.status === 'returned' && Array.isArray(c.missingItems) ? { missingItems: c.missingItems.map(String) } : {}),
      ...(!viewOnly && c.status === 'returned' && c.returnedFrom ? { returnedFrom: c.returnedFrom } : {}),
    };
  });
}

export async function buildFlowContext(
  tx: Tx,
  contact: CaseHolder,
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
