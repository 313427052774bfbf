/**
 * "查看": the facts of a case a cadre needs in chat. The ID number's last four characters, the
 * phone and the illness only in a private chat — never in a group, where others read along.
 */
import type { CaseView, VerifiedFigures } from '../../../flows/cadre/text';
import { statusOfAct } from '../../../flows/workflow';
import type { Prisma } from '../../generated/prisma/client';
import type { RegionTree } from '../../core/regions/tree';
import { shanghaiDate } from '../../../flows/china-time';
import { DOCUMENT_KIND } from '../../core/documents/kinds';
import { applicantOf, identityFlagOf } from '../../core/cases/applicant';
import { maskPhone } from '../../core/cases/reveal';

type Tx = Prisma.TransactionClient;

/**
 * `personal`: the private chat's block (ID tail, phone, health detail); `wholePhone`: the phone in
 * full (the roles of MAY.revealIdentity, within their reveal budget — load.ts), else masked.
 */
export async function loadCaseView(tx: Tx, caseNo: string, tree: RegionTree, opts: { personal: boolean; wholePhone: boolean; now: Date }): Promise<CaseView | null> {
  const c = await tx.case.findUnique({
    where: { caseNo },
    include: {
      household: true,
      verifier: { select: { name: true } },
      objections: { orderBy: [{ receivedAt: 'asc' }, { id: 'asc' }] },
      _count: { select: { documents: true } },
    },
  });
  if (!c) return null;
  const village = tree.byId.get(c.villageId);
  const town = village?.parentId ? tree.byId.get(village.parentId) : undefined;
  const answers = (c.answers ?? {}) as { details?: Record<string, unknown> };
  const details = answers.details ?? {};
  // a visit is booked while the case is in verification: the latest booking is the one that holds
  const visit = c.status === statusOfAct('visit') ? await tx.caseEvent.findFirst({ where: { caseId: c.id, type: 'visit_scheduled' }, orderBy: [{ at: 'desc' }, { seq: 'desc' }] }) : null;
  const verification = c.verification as VerifiedFigures | null;
  const applicant = applicantOf(c);
  return {
    caseNo: c.caseNo,
    status: c.status,
    cause: c.cause,
    applicantName: applicant.name,
    identity: identityFlagOf(c),
    village: village?.name ?? '',
    town: town?.name ?? '',
    submittedAt: c.submittedAt.toISOString(),
    statusSince: c.statusSince.toISOString(),
    dueAt: c.dueAt?.toISOString() ?? null,
    overdue: c.overdueSince !== null || (c.dueAt !== null && c.dueAt < opts.now),
    greenChannel: c.greenChannel,
    householdSize: c.householdSize,
    annualIncomeFen: c.annualIncomeFen,
    perCapitaIncomeFen: c.perCapitaIncomeFen,
    incomeLineFen: c.incomeLineFen,
    rigidExpenseFen: c.rigidExpenseFen,
    documents: c._count.documents,
    supplements: await tx.document.count({ where: { caseId: c.id, kind: DOCUMENT_KIND.supplement } }),
    missingDocuments: Array.isArray(details.missingDocuments) ? (details.missingDocuments as string[]) : [],
    missingItems: Array.isArray(c.missingItems) ? (c.missingItems as string[]) : [],
    returnedFrom: c.returnedFrom,
    verifierName: c.verifier?.name ?? null,
    visitOn: visit && typeof (visit.data as { date?: unknown } | null)?.date === 'string' ? String((visit.data as { date: string }).date) : null,
    verification: verification && typeof verification === 'object' && 'verifiedIncomeFen' in verification ? verification : null,
    publicityStart: c.publicityStart ? shanghaiDate(c.publicityStart) : null,
    publicityEnd: c.publicityEnd ? shanghaiDate(c.publicityEnd) : null,
    openObjections: c.objections.flatMap((o, i) => (o.resolvedAt ? [] : [{ number: i + 1, note: o.note }])),
    approvedAmountFen: c.approvedAmountFen,
    category: c.householdCategory,
    measures: Array.isArray(c.measures) ? (c.measures as string[]) : [],
    paymentRef: c.paymentRef,
    paidOn: c.paidAt ? shanghaiDate(c.paidAt) : null,
    rejectionReason: c.rejectionReason,
    ...(opts.personal
      ? {
          personal: {
            idLast4: applicant.idNumber.slice(-4),
            phone: opts.wholePhone ? applicant.phone : maskPhone(applicant.phone),
            wholePhone: opts.wholePhone,
            details: illnessLine(c.cause, details),
          },
        }
      : {}),
  };
}

/** The health detail of an illness case (private chat only), e.g. "脑梗，县人民医院". */
function illnessLine(cause: string, details: Record<string, unknown>): string | null {
  if (cause !== 'illness') return null;
  const parts = [details.illness, details.hospital].filter((p): p is string => typeof p === 'string' && p.trim() !== '');
  return parts.length ? parts.join(' / ') : null;
}
