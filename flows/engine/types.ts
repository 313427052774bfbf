/**
 * The contract between the pure flow engine (flows/) and the runtime that persists and
 * delivers (server/). Nothing in flows/ performs I/O: the engine takes a state, an inbound
 * message and a read-only context, and returns the next state, the replies to send and the
 * effects the server must carry out in the same transaction as saving the new state.
 */

import type { FaqOfferState, Knowledge, LimitView } from '../faq/types';
import type { Lang } from './lang';

export { LANGS, type Lang } from './lang';

export type Cause = 'illness' | 'disaster' | 'education';
export const CAUSES: readonly Cause[] = ['illness', 'disaster', 'education'];

/** What the villager sent. Media has already been stored (content-addressed) by the server. */
export type Inbound =
  | { kind: 'text'; text: string }
  | {
      kind: 'media';
      mediaType: 'image' | 'file' | 'audio' | 'video';
      /** A stored upload the server can attach: the effect hands it back unchanged. */
      upload: UploadRef;
    };

export interface UploadRef {
  sha256: string;
  mime: string;
  size: number;
  storageKey: string;
  fileName?: string;
}

/** A region option offered to the villager (towns of the county, villages of a town). */
export interface RegionOption {
  code: string;
  name: string;
  nameEn?: string;
}

export interface TownOption extends RegionOption {
  villages: RegionOption[];
}

/** A case as the villager sees it in "查询/进度". */
export interface CaseSummary {
  caseNo: string;
  cause: Cause;
  status: string;
  submittedAt: string; // ISO
  /** When the case entered its current status (ISO): "什么意思" explains the one that just changed. */
  statusSince?: string;
  /** While returned for documents: what the cadre asked for, and the step it goes back to. */
  missingItems?: string[];
  returnedFrom?: string;
  /** A household case seen through a claimed link (ID number + phone typed): its status only, nothing to act on. */
  viewOnly?: boolean;
}

/** Read-only facts the server looks up before calling the engine. */
export interface FlowContext {
  now: Date;
  /** Towns of the county, each with its villages, in display order. */
  towns: TownOption[];
  /** Income line (per-capita net income per year, in fen) for a village code and year; null when not configured. */
  incomeLineFen: (villageCode: string, year: number) => number | null;
  /** The contact's existing cases (linked by contact or household), newest first. */
  myCases: CaseSummary[];
  /** True when the contact has been seen before (has a session or a case). */
  knownContact: boolean;
  /**
   * The contact's remembered language (set by an earlier `set_language` effect). Used when there
   * is no session state; a session's own `lang` wins when there is one. Default 'zh-CN'.
   */
  lang?: Lang;
  /** Policy knowledge for answering questions anywhere (flows/faq): FAQ entries, articles, time limits, a pending offer. */
  knowledge?: Knowledge;
}

/** The persisted conversation state (stored as JSON, versioned by the server). */
export interface SessionState {
  /** Flow id, e.g. 'menu', 'apply', 'status'. */
  flow: string;
  /** Step id within the flow. */
  step: string;
  /** Collected answers (JSON-serialisable). */
  answers: Record<string, unknown>;
  /** Consecutive answers that could not be understood at this step. */
  misses: number;
  /** Steps visited in this flow, for "上一步". */
  history: string[];
  lang: Lang;
  /** Step to return to after an edit from the summary, if any. */
  returnTo?: string;
  /** A value of the current step understood only approximately, said back and awaiting a yes (engine/confirm.ts). */
  pending?: PendingConfirm;
  /** Facts said before their question was reached ("我老伴住院花了三万二"): each said back at its step for a yes (engine/prefill.ts). */
  prefill?: PendingConfirm[];
  /** Fields of later steps answered before their question (the second half of a folded question): not asked when reached. */
  ahead?: string[];
  /**
   * The opening said the application is written for someone else ("帮我奶奶申请", "我是他孙子"): that
   * person is the applicant, so "她自己" / "就是我奶奶本人" later mean the applicant. `relation`: how
   * the typist calls them (祖母), when said.
   */
  writtenFor?: { relation?: string };
  /** A department alert's private offer waiting for its 1/2/3 (server/core/alerts/offer.ts writes it; flows/villager/alert-offer.ts reads it). */
  alertOffer?: AlertOffer;
}

/**
 * A department alert told to the household privately ("回复 1 开始申请，回复 2 请村干部联系您，回复 3 不需要"),
 * waiting for the answer: read at rest only; another message is answered as usual after the choice
 * is said again once (`restated`), and the one after that drops it. `known`: what the register
 * knows, said back for a yes when the application starts (never stored unconfirmed).
 */
export interface AlertOffer {
  alertId: string;
  /** The application's cause, when the alert's is one (因病, 因灾, 因学); else the cause is asked. */
  cause: Cause | null;
  /** The i18n key of the alert's gentle wording. */
  wording: string;
  restated?: boolean;
  /** Kept back, not sent: the household was in the middle of something (an application). Told at rest. */
  deferred?: boolean;
  /** Told behind the case number of the turn that filed an application (describeOutcome). */
  tellAfterFiling?: boolean;
  known: {
    name?: string;
    idNumber?: string;
    phone?: string;
    householdSize?: number;
    townCode?: string;
    villageCode?: string;
    /** 医保: the year's self-paid inpatient cost (fen, after reimbursement). */
    selfPaidFen?: number;
    /** 医保: the year's total medical cost (fen); with selfPaidFen it gives the reimbursement said back. */
    totalCostFen?: number;
  };
}

/** The household's answer to a department alert's offer. */
export type AlertAnswer = 'apply' | 'call_me' | 'not_needed';

/**
 * Words that say a value back for confirmation ("按20,000元算，对吗？"): an i18n key and its params;
 * `money` params are fen, formatted in the villager's language when said (a list joined with "和").
 */
export interface ConfirmAsk {
  key: string;
  params?: Record<string, string | number>;
  money?: Record<string, number | number[]>;
}

/** A value said back and waiting for the villager's yes: nothing of it is in `answers` yet. */
export interface PendingConfirm {
  /** The step it answers: a pending value never outlives its step. */
  step: string;
  /** What a yes stores. */
  patch: Record<string, unknown>;
  ask: ConfirmAsk;
}

export interface Reply {
  type: 'text';
  text: string;
}

/** Money is always integer fen. */
export interface ApplicationData {
  cause: Cause;
  applicant: {
    name: string;
    idNumber: string;
    phone: string;
    townCode: string;
    villageCode: string;
    householdSize: number;
    annualIncomeFen: number;
    perCapitaIncomeFen: number;
    povertyAlleviated: boolean; // 脱贫户
  };
  /** Cause-specific answers (patient, illness, hospital, totals…), money in fen. */
  details: Record<string, unknown>;
  /** Rigid expense the household bears itself (fen): self-paid medical, uncovered loss, uncovered school cost. */
  rigidExpenseFen: number;
  precheck: {
    incomeLineFen: number | null;
    underIncomeLine: boolean | null;
    expenseExceedsIncome: boolean;
  };
  /** `inPerson`: given to a cadre face to face, who entered the application for the villager (server/core/cases/enter.ts). */
  consent: { incomeCheck: true; personalInfo: true; at: string; inPerson?: { cadreId: string; cadreName: string; date: string } };
  lang: Lang;
}

export type Effect =
  /** File the application as a case. The server assigns the case number and links the session's documents. */
  | { type: 'file_case'; application: ApplicationData; alertId?: string }
  /** The household answered a department alert's offer (1 apply / 2 call me / 3 not needed): recorded on the alert, audited. */
  | { type: 'alert_answer'; alertId: string; answer: AlertAnswer }
  /** Keep an uploaded document for the application in progress (kind = checklist item id, or 'other'). */
  | { type: 'attach_document'; upload: UploadRef; kind: string }
  /** Drop the documents attached in this session that were not filed (on cancel). */
  | { type: 'discard_documents' }
  /** A person asked for (or was offered and accepted) a cadre. */
  | { type: 'handover'; reason: 'requested' | 'misunderstood'; villageCode?: string; note?: string }
  /** Remember the contact's language. */
  | { type: 'set_language'; lang: Lang }
  /** What the reply offers to pick next ("全文", a numbered list of FAQs or cases); null clears it. Kept outside the session state. */
  | { type: 'faq_offer'; offer: FaqOfferState | null }
  /** "退订" / "订阅": publicity (broadcasts) stops or resumes for this contact; case updates are not affected. */
  | { type: 'set_subscription'; subscribed: boolean }
  /** Link this contact to the household that owns an ID number (re-identification after a contact id change). */
  | { type: 'link_identity'; idNumber: string; phone: string }
  /** A photo or file for a case returned for documents: kept with that case (kind 'supplement'). */
  | { type: 'attach_supplement'; caseNo: string; upload: UploadRef }
  /** The villager supplied what was asked: the case goes back to the step that returned it. */
  | { type: 'resubmit_case'; caseNo: string }
  /** The villager withdraws their application. */
  | { type: 'withdraw_case'; caseNo: string };

export interface StepResult {
  state: SessionState;
  replies: Reply[];
  effects: Effect[];
}

/**
 * The engine's single entry point. `state` is null for a contact without a session.
 */
export type StepFunction = (state: SessionState | null, inbound: Inbound, ctx: FlowContext) => StepResult;

/**
 * What the server learned while carrying out an effect whose result the villager must hear
 * (the case number, whether an identity matched). The server then calls the flow's
 * `describeOutcome` — still pure — so every word the villager reads is written in flows/.
 */
export type EffectOutcome =
  /** total: the county's limit for the whole identification, said in the next steps (absent: the workflow's default). */
  | { type: 'case_filed'; caseNo: string; total?: LimitView }
  | { type: 'case_duplicate'; existingCaseNo: string }
  | { type: 'identity_linked'; cases: CaseSummary[] }
  | { type: 'identity_not_found' }
  /** Too many ID number + phone checks lately (per contact, per ID number or for everyone): nothing was checked. */
  | { type: 'identity_check_limited' }
  | { type: 'case_resubmitted'; caseNo: string; status: string }
  | { type: 'case_withdrawn'; caseNo: string }
  /** The case had moved on meanwhile (a cadre acted first): nothing was changed. */
  | { type: 'case_action_refused'; caseNo: string; action: 'resubmit' | 'withdraw'; status: string | null };

export type DescribeOutcome = (outcome: EffectOutcome, state: SessionState) => Reply[];
