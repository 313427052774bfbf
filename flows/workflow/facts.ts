/** The case fields the rules look at, and the one way to take them from a case row. */
import { isCaseStatus, type CaseStatus } from './statuses';

export type CaseFacts = {
  id: string;
  caseNo: string;
  status: CaseStatus;
  villageId: string;
  /** Null while the filer's identity is to be verified (see identityCheck). */
  householdId: string | null;
  contactId: string | null;
  verifierId: string | null;
  returnedFrom: string | null;
  publicityEnd: Date | null;
  greenChannel: boolean;
  /** 'pending' (身份待核实), 'confirmed' (身份已核实) or null (verified when filed). */
  identityCheck: string | null;
};

/** The facts of a case row (a row with an unknown status has none). */
export function caseFactsOf(row: Omit<CaseFacts, 'status'> & { status: string }): CaseFacts | null {
  if (!isCaseStatus(row.status)) return null;
  const { id, caseNo, status, villageId, householdId, contactId, verifierId, returnedFrom, publicityEnd, greenChannel, identityCheck } = row;
  return { id, caseNo, status, villageId, householdId, contactId, verifierId, returnedFrom, publicityEnd, greenChannel, identityCheck };
}
