/** The cadre conversation's persisted state and the read-only facts its pure parts look at. */
import type { Lang } from '../engine/types';
import type { Action, MoveId } from '../workflow';

/** The moves the chat asks data for, one exchange each (named as the workflow names the move). */
export const GUIDE_KINDS = ['assign_verifier', 'verification', 'assessment', 'decision', 'payment', 'fast_approve', 'reject', 'return'] as const satisfies readonly MoveId[];
export type GuideKind = (typeof GUIDE_KINDS)[number];

export type FieldId =
  | 'verifierId'
  | 'verifiedIncomeFen'
  | 'verifiedMembers'
  | 'verifiedExpenseFen'
  | 'outcome'
  | 'result'
  | 'attendance'
  | 'publicityStart'
  | 'publicityEnd'
  | 'amountFen'
  | 'category'
  | 'measures'
  | 'paymentRef'
  | 'paidOn'
  | 'reason'
  | 'items'
  | 'confirm';

export type GuideOption = { id: string; label: string };

/** A guided exchange in progress: which case, which move, what was answered so far. */
export interface Guide {
  kind: GuideKind;
  caseNo: string;
  /** The case's status when the exchange began: the move is refused if it changed meanwhile. */
  from: string;
  /** Free text typed after the command ("通过 FP-… 材料齐全"). */
  note: string;
  step: FieldId;
  data: Record<string, unknown>;
  /** Numbered choices computed by the server (the verifiers who cover the case's village). */
  options?: GuideOption[];
  misses: number;
  /** Photos the cadre sent during the exchange (attached to the case). */
  photos: number;
  /** The last answer (ISO): an exchange left alone for long is dropped, not answered by chance. */
  at?: string;
}

export interface CadreState {
  flow: 'cadre';
  step: 'idle' | 'guide';
  lang: Lang;
  guide?: Guide;
}

export interface GuideCtx {
  lang: Lang;
  now: Date;
  publicityMinDays: number;
}

/** The move a finished exchange asks the server to make (performTransition's request). */
export interface GuideSubmit {
  action: Action;
  note: string;
  data: Record<string, unknown>;
}

export function isCadreState(state: unknown): state is CadreState {
  return typeof state === 'object' && state !== null && (state as { flow?: unknown }).flow === 'cadre';
}

export function idleState(lang: Lang): CadreState {
  return { flow: 'cadre', step: 'idle', lang };
}
