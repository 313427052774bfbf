/**
 * What the cadre chat's step asks the server to do (effects, as data), and what the server
 * reports back when the cadre must hear how it went (outcomes). The server carries the effects
 * out in the message's transaction (server/chat/cadre/effects.ts); flows/cadre/outcome.ts says
 * the outcomes in words.
 */
import type { Lang, UploadRef } from '../engine/types';
import type { Action, Refusal } from '../workflow';
import type { AlertClosure } from './alerts';

export type CadreEffect =
  /** Make a move through the workflow (performTransition checks it again under a lock and audits a refusal); a blank note is none. */
  | { type: 'transition'; caseNo: string; action: Action; note: string; data: Record<string, unknown> }
  /** Book the household visit (YYYY-MM-DD, China time). */
  | { type: 'visit'; caseNo: string; date: string; note: string }
  /** Record an objection raised during the public notice. */
  | { type: 'objection'; caseNo: string; text: string }
  /**
   * Resolve the case's objection number `number`; `objectionId` null when there is no such number —
   * it still goes to the workflow, which checks the caller first and audits.
   */
  | { type: 'resolve_objection'; caseNo: string; number: number; objectionId: string | null; text: string }
  /** Keep a photo sent during an exchange with the exchange's case. */
  | { type: 'attach_photo'; caseNo: string; upload: UploadRef; kind: 'verification_photo' | 'cadre_photo' }
  /** The case was shown with its phone in full (a private chat's 查看): written to the access audit. */
  | { type: 'audit_view'; caseNo: string; fields: ('phone' | 'case')[] }
  /** A refusal the step decided itself (the workflow audits its own): written to the audit trail. */
  | { type: 'audit_refusal'; caseNo: string; action: string; refusal: Refusal }
  /** Remember the cadre's language on the account. */
  | { type: 'set_language'; lang: Lang }
  /** Close a department alert listed by 预警 as number `number` (server/core/alerts/close.ts checks and audits). */
  | { type: 'close_alert'; alertId: string; number: number; closure: AlertClosure; reason: string };

/** The case facts a refusal is explained with, read after it (null status: no such case). */
export type RefusalCase = { status: string | null; publicityEnd: string | null; openObjections: number };

export type CadreOutcome =
  | { type: 'moved'; caseNo: string; action: Action; to: string; data: Record<string, unknown> }
  | { type: 'visit_scheduled'; caseNo: string; date: string }
  | { type: 'objection_recorded'; caseNo: string; number: number }
  | { type: 'objection_resolved'; caseNo: string; number: number; open: number }
  | { type: 'alert_closed'; number: number; closure: AlertClosure }
  | { type: 'alert_refused'; number: number; why: 'closed' | 'not_found' | 'forbidden' | 'invalid'; message?: string }
  /** `action` as the chat names it (approve, return, visit, objection, resolve_objection …); `number` for an objection's. */
  | ({ type: 'refused'; caseNo: string; action: string; refusal: Refusal; number?: number } & RefusalCase);
