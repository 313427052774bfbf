/**
 * Closing a check task: 纳入监测 through a case of the same household (its case number), 不需要 with
 * the reason, or 已有帮扶 (a reason optional). Only an open alert of a village of the caller's region
 * (else 404, as for cases); closed once — a second close is a conflict. Audited.
 */
import { z } from 'zod';
import { inJurisdiction, type Actor, type CadreActor } from '../../../flows/workflow';
import type { Prisma, PrismaClient } from '../../generated/prisma/client';
import { recordAudit } from '../audit/record';
import { MAY } from '../auth/permissions';
import { conflict, forbidden, invalid, notFound } from '../refusal';
import { ALERT_STATUS, type Closure } from './departments';

const Reason = z.string().trim().min(2, 'say why, in a few words').max(500);
export const CloseAlertBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('case'), caseNo: z.string().trim().regex(/^FP-\d{4}-\d{6}$/, 'must be a case number such as FP-2026-000123'), reason: Reason.optional() }),
  z.strictObject({ kind: z.literal('not_needed'), reason: Reason }),
  z.strictObject({ kind: z.literal('already_helped'), reason: Reason.optional() }),
]);
export type CloseAlertBody = z.infer<typeof CloseAlertBody>;

export async function closeAlert(prisma: PrismaClient, actor: CadreActor, id: string, body: CloseAlertBody, at: Date) {
  return prisma.$transaction((tx) => closeAlertIn(tx, actor, id, body, at));
}

/** closeAlert in the caller's transaction (the cadre chat's "预警 N 不需要 …", server/chat/cadre/effects.ts). */
export async function closeAlertIn(tx: Prisma.TransactionClient, actor: CadreActor, id: string, body: CloseAlertBody, at: Date) {
  if (!(MAY.closeAlerts as readonly string[]).includes(actor.role)) throw forbidden(`a ${actor.role} account cannot close alerts`);
  const alert = await tx.alert.findUnique({ where: { id }, select: { id: true, villageId: true, householdId: true, status: true } });
  if (!alert || !inJurisdiction(actor, alert.villageId)) throw notFound('alert');
  let caseId: string | null = null;
  if (body.kind === 'case') {
    const c = await tx.case.findUnique({ where: { caseNo: body.caseNo }, select: { id: true, householdId: true } });
    if (!c || c.householdId !== alert.householdId) throw invalid(`caseNo: ${body.caseNo} is not a case of this household`, 'caseNo');
    caseId = c.id;
  }
  const closed = await tx.alert.updateMany({
    where: { id, status: ALERT_STATUS.open },
    data: { status: ALERT_STATUS.closed, closure: body.kind, closeReason: body.reason ?? null, ...(caseId ? { caseId } : {}), closedById: actor.id, closedAt: at },
  });
  if (closed.count === 0) throw conflict('alert_closed', 'the alert is closed already');
  await recordAudit(tx, { at, actor, action: 'alerts:close', allowed: true, subject: `alert:${id}`, caseNo: body.kind === 'case' ? body.caseNo : null, reason: body.kind });
  return tx.alert.findUniqueOrThrow({ where: { id }, select: { id: true, status: true, closure: true, closedAt: true } });
}

/**
 * A case decided: approved, the open alerts linked to it close as 纳入监测 (closure 'case'), in the
 * decision's transaction (server/core/workflow/perform.ts). A case rejected closes nothing: the
 * household was checked and found not eligible, which is for the village cadre to close with the
 * reason (不需要) or as 已有帮扶 — the alert stays on their list with the case beside it.
 */
export async function closeAlertsOfApprovedCase(tx: Prisma.TransactionClient, c: { id: string; caseNo: string }, actor: Actor, at: Date): Promise<number> {
  const closed = await tx.alert.updateMany({
    where: { caseId: c.id, status: ALERT_STATUS.open },
    data: { status: ALERT_STATUS.closed, closure: 'case' satisfies Closure, closedById: actor.kind === 'cadre' ? actor.id : null, closedAt: at },
  });
  if (closed.count > 0) await recordAudit(tx, { at, actor, action: 'alerts:close', allowed: true, subject: `case:${c.id}`, caseNo: c.caseNo, reason: `case approved: ${closed.count} alert(s) closed as case` });
  return closed.count;
}
