/**
 * From what a cadre typed to a case: a full number is looked up as it is; a short one ("123") is
 * this year's case 123 — unless the cadre can see several cases numbered 123 (an old case of last
 * year still open), then the bot asks which.
 */
import { formatCaseNo, type CaseRef } from '../../../flows/cadre/case-ref';
import { shanghaiYear } from '../../../flows/china-time';
import type { Prisma } from '../../generated/prisma/client';
import { inScope, type CadreActor } from '../../../flows/workflow';

type Tx = Prisma.TransactionClient;

export type Resolved = { kind: 'case'; caseNo: string } | { kind: 'ambiguous'; caseNos: string[] };

export async function resolveCaseRef(tx: Tx, actor: CadreActor, ref: CaseRef, now: Date): Promise<Resolved> {
  if (ref.kind === 'full') return { kind: 'case', caseNo: ref.caseNo };
  const suffix = `-${String(ref.seq).padStart(6, '0')}`;
  const rows = await tx.case.findMany({ where: { caseNo: { endsWith: suffix } }, select: { caseNo: true, villageId: true, verifierId: true }, orderBy: { caseNo: 'desc' } });
  const visible = rows.filter((r) => inScope(actor, r));
  if (visible.length === 1) return { kind: 'case', caseNo: visible[0]!.caseNo };
  if (visible.length > 1) return { kind: 'ambiguous', caseNos: visible.map((r) => r.caseNo) };
  // none visible: this year's number, whatever it is (not found, or refused as outside the region)
  return { kind: 'case', caseNo: formatCaseNo(shanghaiYear(now), ref.seq) };
}
