/**
 * Carries out what the cadre step asked (flows/cadre/effects.ts) in the message's transaction,
 * through the core — performTransition, the objections, the visit, a photo for the case, the
 * audit — and reports what the cadre must hear. Each core action on a case checks again that the
 * cadre may act on it (role and region for moves and acts, the cadre's reach for a photo) and
 * audits its own refusals.
 */
import type { CadreEffect, CadreOutcome, RefusalCase } from '../../../flows/cadre/effects';
import type { CadreActor, Refusal } from '../../../flows/workflow';
import type { Prisma } from '../../generated/prisma/client';
import { recordAccess } from '../../core/audit/access';
import { recordRefusal } from '../../core/audit/record';
import { recordObjection, resolveObjection } from '../../core/workflow/objections';
import { performTransition, type WorkflowSettings } from '../../core/workflow/perform';
import { scheduleVisit } from '../../core/workflow/visit';
import { shanghaiDate } from '../../../flows/china-time';
import { attachCadrePhoto } from '../../core/documents/cadre-photo';
import { closeListedAlert } from './alerts';

type Tx = Prisma.TransactionClient;

export type CadreEffectScope = { tx: Tx; actor: CadreActor; contact: { id: string }; workflow: WorkflowSettings; now: Date };

export async function runCadreEffects(scope: CadreEffectScope, effects: CadreEffect[]): Promise<CadreOutcome[]> {
  const outcomes: CadreOutcome[] = [];
  for (const effect of effects) {
    const outcome = await runEffect(scope, effect);
    if (outcome) outcomes.push(outcome);
  }
  return outcomes;
}

async function runEffect(scope: CadreEffectScope, effect: CadreEffect): Promise<CadreOutcome | undefined> {
  const { tx, actor, now } = scope;
  switch (effect.type) {
    case 'transition': {
      const note = effect.note.trim() ? effect.note : undefined;
      const r = await performTransition(tx, scope.workflow, actor, effect.caseNo, { action: effect.action, ...(note ? { note } : {}), data: effect.data }, now);
      if (r.ok) return { type: 'moved', caseNo: r.caseNo, action: r.action, to: r.to, data: effect.data };
      return refused(tx, effect.caseNo, effect.action, r);
    }
    case 'visit': {
      const r = await scheduleVisit(tx, actor, effect.caseNo, effect.date, now, effect.note || undefined);
      return r.ok ? { type: 'visit_scheduled', caseNo: effect.caseNo, date: r.date } : refused(tx, effect.caseNo, 'visit', r);
    }
    case 'objection': {
      const r = await recordObjection(tx, actor, effect.caseNo, effect.text, now);
      if (!r.ok) return refused(tx, effect.caseNo, 'objection', r);
      const all = await tx.objection.findMany({ where: { caseId: r.caseId }, orderBy: [{ receivedAt: 'asc' }, { id: 'asc' }], select: { id: true } });
      return { type: 'objection_recorded', caseNo: effect.caseNo, number: all.findIndex((o) => o.id === r.objectionId) + 1 };
    }
    case 'resolve_objection': {
      // an unknown number still goes through resolveObjection: it checks the caller first and audits
      const r = await resolveObjection(tx, actor, effect.caseNo, effect.objectionId ?? 'none', effect.text, now);
      if (r.ok) return { type: 'objection_resolved', caseNo: effect.caseNo, number: effect.number, open: r.openObjections };
      return { ...(await refused(tx, effect.caseNo, 'resolve_objection', r)), number: effect.number };
    }
    case 'attach_photo': {
      const { upload } = effect;
      const photo = { sha256: upload.sha256, mime: upload.mime, size: upload.size, storageKey: upload.storageKey, fileName: upload.fileName, kind: effect.kind };
      const r = await attachCadrePhoto(tx, actor, effect.caseNo, photo, { contactId: scope.contact.id }, now);
      return r.ok ? undefined : refused(tx, effect.caseNo, 'attach_photo', r);
    }
    case 'audit_view':
      await recordAccess(tx, { actor, action: 'chat:view', caseNo: effect.caseNo, fields: effect.fields, at: now });
      return undefined;
    case 'audit_refusal':
      await recordRefusal(tx, { at: now, actor, action: effect.action, caseNo: effect.caseNo, refusal: effect.refusal });
      return undefined;
    case 'set_language':
      await tx.cadre.update({ where: { id: actor.id }, data: { lang: effect.lang } });
      return undefined;
    case 'close_alert':
      return closeListedAlert(tx, actor, effect, now);
  }
}

/** A refusal with the case as it is after it (its status, the notice's end, open objections). */
async function refused(tx: Tx, caseNo: string, action: string, r: Refusal): Promise<Extract<CadreOutcome, { type: 'refused' }>> {
  const refusal: Refusal = { code: r.code, message: r.message, ...(r.field ? { field: r.field } : {}), ...(r.reason ? { reason: r.reason } : {}) };
  return { type: 'refused', caseNo, action, refusal, ...(await refusalCase(tx, caseNo, r.reason === 'open_objections')) };
}

/** `countObjections`: when the open objections are the reason (publicityGuard), they are counted as they are now. */
async function refusalCase(tx: Tx, caseNo: string, countObjections: boolean): Promise<RefusalCase> {
  const row = await tx.case.findUnique({ where: { caseNo }, select: { id: true, status: true, publicityEnd: true } });
  if (!row) return { status: null, publicityEnd: null, openObjections: 0 };
  const openObjections = countObjections ? await tx.objection.count({ where: { caseId: row.id, resolvedAt: null } }) : 0;
  return { status: row.status, publicityEnd: row.publicityEnd ? shanghaiDate(row.publicityEnd) : null, openObjections };
}
