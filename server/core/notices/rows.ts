/**
 * The rows of a village's 公示 list for a period: its cases on notice (公示中) whose notice
 * overlaps the period — and, when asked, the cases of the period already decided (approved, paid) —
 * as a village posts them: 序号, 户主姓名 (masked), 村组, 家庭人口, 困难类型, 拟帮扶措施, the
 * notice's dates, and the case's reference for objections.
 *
 * What a row may hold is this type and nothing else: it is what the public page shows and what is
 * stored as posted. Never an ID number, a phone, a bank account or an illness — the cause is its
 * word (因病), the measures are the workflow's measure ids, the amount is the one the county
 * approved (decided cases only).
 */
import { shanghaiDate, shanghaiMidnight } from '../../../flows/china-time';
import { CASE_STATUS, type CaseStatus, MEASURES, type Measure } from '../../../flows/workflow';
import type { PrismaClient } from '../../generated/prisma/client';
import { applicantNameOf } from '../cases/applicant';
import { maskName, type NameMask } from './mask';

export type NoticeRow = {
  no: number;
  /** The case's reference (FP-2026-000123): what an objection quotes. */
  caseNo: string;
  /** As posted: masked by the notice's rule. */
  name: string;
  householdSize: number;
  cause: 'illness' | 'disaster' | 'education';
  /** Decided cases: the measures and the amount approved; on notice: the measures the village assessment
   *  proposed (拟帮扶措施, assessment.proposedMeasures), none when it proposed none — the county decides after. */
  measures: Measure[];
  amountFen: number | null;
  /** The case's own notice (China dates). */
  start: string;
  end: string;
  decided: boolean;
};

/** On notice, and the decided statuses a notice may list as well. */
export const ON_NOTICE: readonly CaseStatus[] = [CASE_STATUS.publicity];
export const DECIDED: readonly CaseStatus[] = [CASE_STATUS.approved, CASE_STATUS.paid];

export type RowQuery = { villageId: string; from: string; to: string; nameMask: NameMask; includeDecided: boolean };

export async function noticeRows(db: PrismaClient, q: RowQuery): Promise<NoticeRow[]> {
  const statuses = q.includeDecided ? [...ON_NOTICE, ...DECIDED] : [...ON_NOTICE];
  // publicityStart/End are China midnights: a notice overlaps [from, to] when it starts by `to` and ends on or after `from`
  const cases = await db.case.findMany({
    where: { villageId: q.villageId, status: { in: statuses }, publicityStart: { not: null, lte: shanghaiMidnight(q.to) }, publicityEnd: { not: null, gte: shanghaiMidnight(q.from) } },
    orderBy: [{ publicityStart: 'asc' }, { caseNo: 'asc' }],
    select: { id: true, caseNo: true, status: true, cause: true, householdSize: true, publicityStart: true, publicityEnd: true, approvedAmountFen: true, measures: true, assessment: true, householdId: true, household: { select: { headName: true } } },
  });
  // a case filed without a verified household names its applicant in its answers: read those alone
  const unregistered = cases.filter((c) => c.household === null).map((c) => c.id);
  const answers = new Map<string, unknown>();
  if (unregistered.length > 0) {
    for (const a of await db.case.findMany({ where: { id: { in: unregistered } }, select: { id: true, answers: true } })) answers.set(a.id, a.answers);
  }
  return cases.map((c, i) => {
    const decided = (DECIDED as readonly string[]).includes(c.status);
    return {
      no: i + 1,
      caseNo: c.caseNo,
      name: maskName(applicantNameOf({ household: c.household, answers: answers.get(c.id) ?? null }), q.nameMask),
      householdSize: c.householdSize,
      cause: c.cause,
      measures: measuresOf(decided ? c.measures : proposedOf(c.assessment)),
      amountFen: decided ? c.approvedAmountFen : null,
      start: shanghaiDate(c.publicityStart!),
      end: shanghaiDate(c.publicityEnd!),
      decided,
    };
  });
}

/** The village assessment's 拟帮扶措施 (flows/workflow/moves.ts, the assessment move's writes). */
function proposedOf(assessment: unknown): unknown {
  return assessment !== null && typeof assessment === 'object' ? (assessment as { proposedMeasures?: unknown }).proposedMeasures : undefined;
}

function measuresOf(value: unknown): Measure[] {
  return Array.isArray(value) ? value.filter((m): m is Measure => (MEASURES as readonly unknown[]).includes(m)) : [];
}
