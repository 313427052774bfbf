/**
 * How a case is shown to a cadre through the API. The list view carries no ID number, phone
 * or health detail; the detail view does, for callers entitled to the case's village.
 */
import { shanghaiDate } from '../../../flows/china-time';
import { FILING_EVENT } from '../../../flows/workflow';
import { CADRE_ENTRY_CHANNEL } from '../notify/channels';
import { dueState, isPastDue, type WorkCalendar } from '../workflow/deadlines';
import type { RegionTree } from '../regions/tree';
import { applicantNameOf, applicantOf, filerGaveOf, identityFlagOf, type FilerGave } from './applicant';

type CaseRow = {
  id: string;
  caseNo: string;
  /** How it was filed: a bot's channel (the chat), the mini-program's, or CADRE_ENTRY_CHANNEL (代录). */
  channel: string;
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
  /** Null while the filer's identity is to be verified: the applicant is then the filer's answers. */
  household: { headName: string; headIdNumber: string; phone: string; size: number; povertyAlleviated: boolean; villageId: string } | null;
  identityCheck: string | null;
  identityNote: string | null;
} & WorkflowColumns;

/** The columns the workflow writes (see server/core/workflow/perform.ts). */
type WorkflowColumns = {
  statusSince: Date;
  dueAt: Date | null;
  overdueSince: Date | null;
  greenChannel: boolean;
  returnedFrom: string | null;
  missingItems: unknown;
  verifierId: string | null;
  verification: unknown;
  assessment: unknown;
  publicityStart: Date | null;
  publicityEnd: Date | null;
  approvedAmountFen: number | null;
  householdCategory: string | null;
  measures: unknown;
  paymentRef: string | null;
  paidAt: Date | null;
  rejectionReason: string | null;
};

type ObjectionRow = { id: string; note: string; recordedById: string | null; receivedAt: Date; resolvedAt: Date | null; resolution: string | null; noticeId: string | null };

/** What the detail view adds besides the case row: names of cadres, the caller's possible moves. */
export type DetailExtras = {
  now: Date;
  /** The county's working days (a case's due state: soon with one working day left). */
  calendar: WorkCalendar;
  objections: ObjectionRow[];
  /** Cadre names by id (the verifier, event actors, objection recorders). */
  cadreNames: Map<string, string>;
  allowedMoves: { action: string; to: string }[];
};

/** Past its time limit: flagged by the deadline check, or due and not yet flagged. */
export const isOverdue = isPastDue;

type DocumentRow = { id: string; kind: string; mime: string; size: number; sha256: string; fileName: string | null; createdAt: Date };
type EventRow = { id: string; at: Date; type: string; actorType: string; actorId: string | null; fromStatus: string | null; toStatus: string | null; note: string | null; data: unknown };

/** A village and its town, by code and name, as every case and household shows where it is. */
export function place(tree: RegionTree, villageId: string) {
  const village = tree.byId.get(villageId);
  const town = village?.parentId ? tree.byId.get(village.parentId) : undefined;
  return {
    village: village ? { code: village.code, name: village.name } : null,
    town: town ? { code: town.code, name: town.name } : null,
  };
}

function presentFilerGave({ villageId, ...facts }: FilerGave, tree: RegionTree) {
  return { ...facts, ...(villageId ? { village: place(tree, villageId).village } : {}) };
}

/** What a list row shows: no ID number, phone or health detail (server/core/cases/list.ts reads only these). */
export type CaseSummaryRow = Pick<
  CaseRow,
  'caseNo' | 'channel' | 'status' | 'cause' | 'villageId' | 'rigidExpenseFen' | 'perCapitaIncomeFen' | 'submittedAt' | 'updatedAt' | 'statusSince' | 'dueAt' | 'overdueSince' | 'greenChannel' | 'identityCheck' | 'identityNote' | 'answers'
> & { household: { headName: string } | null };

export function presentCaseSummary(c: CaseSummaryRow, tree: RegionTree, now: Date, calendar: WorkCalendar) {
  return {
    caseNo: c.caseNo,
    status: c.status,
    cause: c.cause,
    ...place(tree, c.villageId),
    applicantName: applicantNameOf(c),
    identity: identityFlagOf(c),
    entered: c.channel === CADRE_ENTRY_CHANNEL,
    rigidExpenseFen: c.rigidExpenseFen,
    perCapitaIncomeFen: c.perCapitaIncomeFen,
    submittedAt: c.submittedAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    statusSince: c.statusSince.toISOString(),
    dueAt: c.dueAt?.toISOString() ?? null,
    overdue: isOverdue(c, now),
    due: dueState(c, now, calendar),
    greenChannel: c.greenChannel,
  };
}

export function presentCaseDetail(c: CaseRow & { documents: DocumentRow[]; events: EventRow[] }, tree: RegionTree, x: DetailExtras) {
  const name = (id: string | null) => (id ? (x.cadreNames.get(id) ?? null) : null);
  const visit = [...c.events].reverse().find((e) => e.type === 'visit_scheduled');
  // 录入人: a case a cadre entered for a villager without WeChat (server/core/cases/enter.ts) is that cadre's filing
  const entry = c.events.find((e) => e.type === FILING_EVENT && e.actorType === 'cadre');
  const applicant = applicantOf(c);
  const gave = filerGaveOf(c);
  return {
    caseNo: c.caseNo,
    status: c.status,
    cause: c.cause,
    lang: c.lang,
    channel: c.channel,
    enteredBy: entry ? { id: entry.actorId, name: name(entry.actorId), at: entry.at.toISOString() } : null,
    ...place(tree, c.villageId),
    submittedAt: c.submittedAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    statusSince: c.statusSince.toISOString(),
    dueAt: c.dueAt?.toISOString() ?? null,
    overdue: isOverdue(c, x.now),
    due: dueState(c, x.now, x.calendar),
    overdueSince: c.overdueSince?.toISOString() ?? null,
    greenChannel: c.greenChannel,
    returnedFrom: c.returnedFrom,
    missingItems: (c.missingItems as string[] | null) ?? [],
    verifier: c.verifierId ? { id: c.verifierId, name: name(c.verifierId) } : null,
    visit: visit ? { date: (visit.data as { date?: string } | null)?.date ?? null, scheduledAt: visit.at.toISOString() } : null,
    verification: c.verification ?? null,
    assessment: c.assessment ?? null,
    publicity: c.publicityStart && c.publicityEnd ? { start: shanghaiDate(c.publicityStart), end: shanghaiDate(c.publicityEnd) } : null,
    decision: c.approvedAmountFen !== null ? { amountFen: c.approvedAmountFen, category: c.householdCategory, measures: (c.measures as string[] | null) ?? [] } : null,
    payment: c.paymentRef ? { ref: c.paymentRef, paidOn: c.paidAt ? shanghaiDate(c.paidAt) : null } : null,
    rejectionReason: c.rejectionReason,
    objections: x.objections.map((o) => ({
      id: o.id,
      note: o.note,
      recordedBy: o.recordedById ? { id: o.recordedById, name: name(o.recordedById) } : null,
      receivedAt: o.receivedAt.toISOString(),
      resolvedAt: o.resolvedAt?.toISOString() ?? null,
      resolution: o.resolution,
      // raised against a posted 公示 list (server/core/notices): its public page is /notice/<id>
      noticeId: o.noticeId,
    })),
    allowedMoves: x.allowedMoves,
    // A case filed without proof of belonging to the registered household of its ID number
    // (identity pending, then confirmed in person at the village review) shows what the filer
    // gave (registered: false), never that household's record.
    identity: identityFlagOf(c),
    household: {
      registered: c.household !== null,
      headName: applicant.name,
      idNumber: applicant.idNumber,
      phone: applicant.phone,
      size: applicant.size,
      povertyAlleviated: applicant.povertyAlleviated,
      // the registry's village when the case was filed in another (the case's village is the filer's)
      registryVillage: c.household && c.household.villageId !== c.villageId ? place(tree, c.household.villageId).village : null,
      // a filing never rewrites the registry: where the filer's answers differ, they show here
      filerGave: gave ? presentFilerGave(gave, tree) : null,
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
      actorName: e.actorType === 'cadre' ? name(e.actorId) : null,
      from: e.fromStatus,
      to: e.toStatus,
      note: e.note,
      data: e.data,
    })),
  };
}
