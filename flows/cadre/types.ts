/** The cadre conversation's persisted state and the read-only facts its pure parts look at. */
import type { Lang, UploadRef } from '../engine/types';
import type { Action, CadreActor, CaseFacts, MoveId } from '../workflow';
import type { CaseRef } from './case-ref';
import type { CadreCommand } from './commands';
import type { CadreEffect } from './effects';
import type { CadreStats, LedgerHelp } from './report';
import type { AlertsView } from './alerts';
import type { CaseView, PendingItem, Who } from './text';

/** A move the chat asks data for, in an exchange named after it (plans.ts lists them: GUIDE_KINDS). */
export type GuideKind = MoveId;

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
  /** The ids of the alerts the last 预警 listed, in its order: "预警 2 …" closes the second. */
  alertIds?: string[];
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

/** A cadre's message as the step reads it. */
export type CadreInbound =
  | { kind: 'text'; text: string; command: CadreCommand | null }
  | { kind: 'photo'; upload: UploadRef }
  /** A voice message, or a file nothing was kept of. */
  | { kind: 'voice' };

/** What the server loads before the step, as needsOf asks. */
export type CadreNeeds = {
  /** 待办: the cadre's work list. */
  pending: boolean;
  /** The case the message is about: named in a command (the server resolves a short number), or the exchange's. */
  case: { ref: CaseRef } | { caseNo: string } | null;
  /** 查看: the case's detail. */
  detail: boolean;
  /** 通过: the verifiers who could be assigned (when the case is at county review). */
  verifiers: boolean;
  /** 统计: the figures of the cadre's region for the period (GET /api/stats's parameter: 2026-07, 2026). */
  stats?: { period: string };
  /** 导出: the console's export page and its layouts. */
  ledger?: true;
  /** 预警: the open alerts of the cadre's region. */
  alerts?: true;
};

/** The case a message is about, as the server found it. */
export type CaseTarget =
  | { kind: 'missing'; caseNo: string }
  /** A short number several visible cases have (this year's and an old one still open). */
  | { kind: 'ambiguous'; caseNos: string[] }
  | {
      kind: 'case';
      caseNo: string;
      facts: CaseFacts;
      village: string;
      /** Ids of the case's objections in the order they are numbered (1, 2, …). */
      objectionIds: string[];
      openObjections: number;
      /** With needs.detail, when the cadre may see the case. */
      detail?: CaseView | null;
      /** With needs.verifiers. */
      verifiers?: GuideOption[];
    };

/** Everything the step looks at besides its state and the message. */
export interface CadreView {
  /** The account's language. */
  lang: Lang;
  now: Date;
  publicityMinDays: number;
  actor: CadreActor;
  who: Who;
  /** Said in a group: no ID number or phone in the answer. */
  inRoom: boolean;
  /** Said in a work group bound (RoomBinding) to a region within the cadre's: 统计 is answered there; in other groups only privately. */
  roomInRegion?: boolean;
  pending?: { items: PendingItem[]; total: number };
  target?: CaseTarget;
  /** With needs.stats. */
  stats?: CadreStats;
  /** With needs.ledger. */
  ledger?: LedgerHelp;
  /** With needs.alerts. */
  alerts?: AlertsView;
}

/** One message's result: the state to keep, what to say, what the server must do. */
export interface CadreTurn {
  state: CadreState;
  replies: string[];
  effects: CadreEffect[];
}

export function isCadreState(state: unknown): state is CadreState {
  return typeof state === 'object' && state !== null && (state as { flow?: unknown }).flow === 'cadre';
}

export function idleState(lang: Lang): CadreState {
  return { flow: 'cadre', step: 'idle', lang };
}
