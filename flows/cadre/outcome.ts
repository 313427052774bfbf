/**
 * The cadre's answer once the server carried out an effect (the move made, the visit booked, the
 * objection numbered) or was refused it; and a refusal in words, the same whether the step or the
 * workflow decided it. Pure: every word is in flows/i18n.
 */
import type { Lang } from '../engine/types';
import { t } from '../i18n';
import type { Refusal } from '../workflow';
import type { CadreOutcome, RefusalCase } from './effects';
import { doneText, refusalText } from './text';
import { alertClosedText } from './alerts';
import type { CadreView } from './types';

/** A refusal with what the case looks like (the objection count only when they are the reason). */
export function refusalReply(view: CadreView, lang: Lang, caseNo: string, action: string, refusal: Refusal, c: Partial<RefusalCase>): string {
  return refusalText(lang, {
    caseNo,
    code: refusal.code,
    ...(refusal.field ? { field: refusal.field } : {}),
    ...(refusal.reason ? { reason: refusal.reason } : {}),
    action,
    role: view.who.role,
    ...(c.status !== undefined && c.status !== null ? { status: c.status } : {}),
    region: view.who.region,
    publicityEnd: c.publicityEnd ?? null,
    ...(c.openObjections !== undefined ? { openObjections: c.openObjections } : {}),
    publicityMinDays: view.publicityMinDays,
  });
}

export function describeCadreOutcome(o: CadreOutcome, view: CadreView, lang: Lang): string {
  switch (o.type) {
    case 'moved':
      return doneText(lang, {
        kind: 'transition',
        action: o.action,
        caseNo: o.caseNo,
        to: o.to,
        ...(Array.isArray(o.data.items) ? { items: o.data.items as string[] } : {}),
        ...(typeof o.data.amountFen === 'number' ? { amountFen: o.data.amountFen } : {}),
      });
    case 'visit_scheduled':
      return doneText(lang, { kind: 'visit', caseNo: o.caseNo, date: o.date });
    case 'objection_recorded':
      return doneText(lang, { kind: 'objection', caseNo: o.caseNo, number: o.number });
    case 'objection_resolved':
      return doneText(lang, { kind: 'objection_resolved', caseNo: o.caseNo, number: o.number, open: o.open });
    case 'alert_closed':
      return alertClosedText(lang, { ok: true, number: o.number, closure: o.closure });
    case 'alert_refused':
      return alertClosedText(lang, { ok: false, number: o.number, why: o.why, ...(o.message ? { message: o.message } : {}) });
    case 'refused': {
      // an objection number that is not there, or is already settled, on a case the cadre may act on
      if (o.action === 'resolve_objection' && o.refusal.code === 'not_found' && o.status !== null) return t(lang, 'cadre.refused.no_objection', { caseNo: o.caseNo, number: o.number });
      if (o.action === 'resolve_objection' && o.refusal.code === 'guard' && o.refusal.field === 'objectionId') return t(lang, 'cadre.refused.objection_resolved', { caseNo: o.caseNo, number: o.number });
      const open = o.status !== null && o.refusal.reason === 'open_objections' ? { openObjections: o.openObjections } : {};
      return refusalReply(view, lang, o.caseNo, o.action, o.refusal, { status: o.status, publicityEnd: o.publicityEnd, ...open });
    }
  }
}
