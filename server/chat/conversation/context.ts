/**
 * Gathers the read-only facts the pure flow engine needs about a contact.
 */
import type { FlowContext, CaseSummary, Cause } from '../../../flows/engine/types';
import type { Prisma } from '../../generated/prisma/client';
import type { RegionTree } from '../../core/regions/tree';
import { isOwnCase, ownCasesWhere, type CaseHolder } from '../../core/cases/own';
import { CASE_STATUS } from '../../../flows/workflow';

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
      ...(!viewOnly && c.status === CASE_STATUS.returned && Array.isArray(c.missingItems) ? { missingItems: c.missingItems.map(String) } : {}),
      ...(!viewOnly && c.status === CASE_STATUS.returned && c.returnedFrom ? { returnedFrom: c.returnedFrom } : {}),
    };
  });
}

/**
 * Thrown by FlowContext.myCases when the cases were not read: most steps (an answer in the
 * application) never look at them, so the runtime runs the pure step without them first and,
 * when it does look, reads them and runs the step again — the same inputs give the same result.
 */
export class CasesNeeded extends Error {
  constructor() {
    super('the step reads the contact\'s cases');
  }
}

/**
 * The facts the flow engine is given. `myCases` undefined: not read yet (see CasesNeeded); a
 * contact heard for the first time has none, so its cases are known without a query.
 */
export function flowContext(facts: { now: Date; tree: RegionTree; myCases: CaseSummary[] | undefined; knownContact: boolean }): FlowContext {
  const { now, tree, myCases, knownContact } = facts;
  const ctx: FlowContext = {
    now,
    towns: tree.towns(),
    incomeLineFen: (villageCode, year) => tree.incomeLineFen(villageCode, year),
    myCases: myCases ?? [],
    knownContact,
  };
  if (myCases === undefined) {
    Object.defineProperty(ctx, 'myCases', {
      enumerable: true,
      get() {
        throw new CasesNeeded();
      },
    });
  }
  return ctx;
}
