/**
 * How a case is shown to a cadre through the API. The list view carries no ID number, phone
 * or health detail; the detail view does, for callers entitled to the case's village.
 */
import type { RegionTree } from '../regions/tree';

type CaseRow = {
  id: string;
  caseNo: string;
  status: string;
  cause: string;
  villageId: string;
  submittedAt: Date;
  updatedAt: Date;
  householdSize: number;
  annualIncomeFen: number;
  perCapitaIncomeFen: number;
  rigidExpenseFen: number;
  incomeLineFen: number | null;
  incomeYear: number;
  lang: string;
  answers: unknown;
  household: { headName: string; headIdNumber: string; phone: string; size: number; povertyAlleviated: boolean };
};

type DocumentRow = { id: string; kind: string; mime: string; size: number; sha256: string; fileName: string | null; createdAt: Date };
type EventRow = { id: string; at: Date; type: string; actorType: string; actorId: string | null; fromStatus: string | null; toStatus: string | null; note: string | null; data: unknown };

function place(tree: RegionTree, villageId: string) {
  const village = tree.byId.get(villageId);
  const town = village?.parentId ? tree.byId.get(village.parentId) : undefined;
  return {
    village: village ? { code: village.code, name: village.name } : null,
    town: town ? { code: town.code, name: town.name } : null,
  };
}

export function presentCaseSummary(c: Omit<CaseRow, 'answers' | 'household'> & { household: { headName: string } }, tree: RegionTree) {
  return {
    caseNo: c.caseNo,
    status: c.status,
    cause: c.cause,
    ...place(tree, c.villageId),
    applicantName: c.household.headName,
    rigidExpenseFen: c.rigidExpenseFen,
    perCapitaIncomeFen: c.perCapitaIncomeFen,
    submittedAt: c.submittedAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

export function presentCaseDetail(c: CaseRow & { documents: DocumentRow[]; events: EventRow[] }, tree: RegionTree) {
  return {
    caseNo: c.caseNo,
    status: c.status,
    cause: c.cause,
    lang: c.lang,
    ...place(tree, c.villageId),
    submittedAt: c.submittedAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    household: {
      headName: c.household.headName,
      idNumber: c.household.headIdNumber,
      phone: c.household.phone,
      size: c.household.size,
      povertyAlleviated: c.household.povertyAlleviated,
    },
    figures: {
      householdSize: c.householdSize,
      incomeYear: c.incomeYear,
      annualIncomeFen: c.annualIncomeFen,
      perCapitaIncomeFen: c.perCapitaIncomeFen,
      rigidExpenseFen: c.rigidExpenseFen,
      incomeLineFen: c.incomeLineFen,
      underIncomeLine: c.incomeLineFen === null ? null : c.perCapitaIncomeFen <= c.incomeLineFen,
      expenseExceedsIncome: c.rigidExpenseFen > c.annualIncomeFen,
    },
    answers: c.answers,
    documents: c.documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      mime: d.mime,
      size: d.size,
      sha256: d.sha256,
      fileName: d.fileName,
      createdAt: d.createdAt.toISOString(),
      url: `/api/documents/${d.id}`,
    })),
    events: c.events.map((e) => ({
      at: e.at.toISOString(),
      type: e.type,
      actorType: e.actorType,
      actorId: e.actorId,
      from: e.fromStatus,
      to: e.toStatus,
      note: e.note,
      data: e.data,
    })),
  };
}
