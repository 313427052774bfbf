/**
 * How a flow is written down: a flow is an ordered list of steps (data) plus a few small pure
 * functions. The engine (step.ts) walks the list; each step kind has its own file under
 * steps/ that knows how to ask its question and how to read an answer.
 *
 * Navigation is deliberately simple: a flow is linear, and a step whose `showIf` does not hold
 * is skipped. Branches ("who is ill? → family member → ask the relation") are conditions on
 * earlier answers written as data (conditions.ts), so a state is always just (flow, step,
 * answers), and the mini-program's form reads the same conditions the engine follows.
 */
import type { ShowIf } from './show-if';
import type { ConfirmAsk, Effect, FlowContext, Inbound, Lang, PendingConfirm, SessionState } from './types';
import type { ParseFailure } from '../parse/types';

export type Answers = Record<string, unknown>;

/** Everything a step function may look at. Read-only: steps return patches, never mutate. */
export interface StepEnv {
  state: SessionState;
  answers: Answers;
  ctx: FlowContext;
  lang: Lang;
  flow: FlowDef;
  /** Translate in the villager's language. */
  t: (key: string, params?: Record<string, unknown>) => string;
}

/**
 * A checked answer: a value; the i18n key of a hint saying what was wrong; or a value understood
 * only approximately, to say back (`confirm`) and store after a yes. That last variant has no
 * hint: whoever reads a Checked must decide what to do with it (the chat confirms, a form refuses).
 */
export type Checked<T> = { ok: true; value: T } | Refusal | Unsure<T>;

/** Not taken. `understood`: the text was read, and refused for what it says (0 where 0 is not allowed, more than the total). */
export type Refusal = { ok: false; hint: string; params?: Record<string, unknown>; understood?: boolean };

/** Understood only approximately ("两万多"): `value` is stored once the villager agrees to `confirm`. */
export type Unsure<T> = { ok: false; confirm: ConfirmAsk; value: T };

/** What a step decided about one inbound text. The engine turns it into state, replies, effects. */
export type StepOutcome =
  /** A valid answer: store the patch, say the notes, move on. `prefill`: facts for later steps, said back there (BaseStep.more). */
  | { kind: 'answer'; patch: Answers; notes?: string[]; effects?: Effect[]; prefill?: PendingConfirm[] }
  /**
   * Not taken: say the hint, ask again (unless `reprompt` is false: the hint says it all), count a miss.
   * `understood`: the text was an answer, refused for what it says — it is not a question for the FAQ.
   */
  | { kind: 'retry'; hint: string; understood?: boolean; reprompt?: boolean }
  /** Understood only approximately: say `ask` back, keep `patch` pending (engine/confirm.ts), store it after a yes. */
  | { kind: 'confirm'; patch: Answers; ask: ConfirmAsk; prefill?: PendingConfirm[] }
  /** Stay at this step without a miss (an upload acknowledged, a list shown, the other half of a folded question answered). */
  | { kind: 'stay'; replies: string[]; effects?: Effect[]; patch?: Answers; reprompt?: boolean; prefill?: PendingConfirm[] }
  /**
   * Jump to another step of the same flow (an edit from the summary). `answer`: the villager's words
   * to read there at once, as if typed to its question ("电话错了 改成139…" carries the new phone).
   * `then`: what the message said next ("…，收入改成3万"), read where the edit returns.
   */
  | { kind: 'goto'; step: string; returnTo?: string; clear?: string[]; replies?: string[]; answer?: string; then?: string }
  /** The flow is finished (summary confirmed): the flow's `complete` decides what follows. */
  | { kind: 'complete' }
  /** Leave for another flow (or another step of the menu). */
  | {
      kind: 'switch';
      flow: string;
      step?: string;
      answers?: Answers;
      replies?: string[];
      effects?: Effect[];
      /** Ask the new step's question after the replies (default true). */
      prompt?: boolean;
      /** Facts already said (an opening that names the patient and the cost), said back at their steps. */
      prefill?: PendingConfirm[];
      /** Say the new flow's intro (default true); false when the replies already carry it. */
      intro?: boolean;
      /** The opening writes for someone else, kept for the session (SessionState.writtenFor). */
      writtenFor?: { relation?: string };
    };

interface BaseStep {
  id: string;
  /** Asked only when these conditions on earlier answers hold (branching); see conditions.ts. */
  showIf?: ShowIf;
  /** Earlier answers the step's words or options are made from (the villages of the chosen town, the computed self-paid figure). */
  uses?: string[];
  /** i18n key naming the step's answer in the summary, the resume line and "修改 …". */
  label?: string;
  /** Extra words a villager may use after "修改" to mean this step (both languages). */
  editWords?: string[];
  /**
   * The summary group this answer is shown in (an id of the summary step's `groups`). A group
   * starts where a step names it, like a heading: a step without one is in the group of the step before it.
   */
  group?: string;
  /** Answers to forget when this step is answered again (they depend on it and must be re-asked). */
  clears?: string[];
  /** Extra i18n key explaining the step, shown by "帮助". */
  help?: string;
  /**
   * What an answer to this step says beyond its question, for later steps ("我孙女王小芳" at
   * 生病的是谁: the relation and the name): each is said back at its own step for a yes when the
   * villager gets there (engine/prefill.ts), never stored before. Sees the answers with this
   * step's applied; `text` is what this step read (its part of a folded answer).
   */
  more?: (text: string, env: StepEnv) => PendingConfirm[];
  /** In the chat, this question and the next one are asked as one (engine/fold.ts); the form keeps them apart. */
  fold?: Fold;
}

/**
 * Two questions asked as one in the chat, where one answer often holds both ("什么病、在哪个医院看的？"
 * → "在县医院看的肺癌"): the step's answer and that of the step answering `with`, each read by its
 * own step. While `with` is unanswered the chat asks `ask`; what is missing from the answer is asked next.
 */
export interface Fold {
  /** The field of the other step (asked right after this one when it is not answered here). */
  with: string;
  /** The chat's question for both. */
  ask: (env: StepEnv) => string;
  /** The answer cut into this step's part and the other's; null when it cannot be told apart (read as this step's answer). */
  split: (text: string, env: StepEnv) => { own?: string; other?: string } | null;
}

/** Free text or a number, checked by a parser. */
export interface QuestionStep extends BaseStep {
  kind: 'question';
  field: string;
  ask: (env: StepEnv) => string;
  parse: (text: string, env: StepEnv) => Checked<unknown>;
  /** An upper bound from another answer (reimbursed ≤ total), with the hint key said when exceeded; re-checked when an edit may have broken it. */
  atMost?: { field: string; hint: string };
  /** Lines said after a valid answer (e.g. the per-capita income). Sees the answers including this one. */
  notes?: (env: StepEnv) => string[];
  display: (value: unknown, env: StepEnv) => string;
}

export interface ChoiceOption {
  id: string;
  /** Shown in the numbered list and in the summary (already translated). */
  text: string;
  /** Words that select it besides its number (both languages). */
  labels: string[];
  /** Shorter text for the summary, when the list text explains more ("因病：家里有人生病…" → "因病"). */
  display?: string;
}

/** A numbered list. */
export interface ChoiceStep extends BaseStep {
  kind: 'choice';
  field: string;
  ask: (env: StepEnv) => string;
  options: (env: StepEnv) => ChoiceOption[];
  /** The options are the county's towns, or the villages of the chosen town. */
  region?: 'town' | 'village';
  /**
   * Reads the whole text before the options are matched (two patients named at once are explained,
   * not matched); null leaves it to the options.
   */
  read?: (text: string, env: StepEnv) => StepOutcome | null;
}

/** A yes/no question. */
export interface YesNoStep extends BaseStep {
  kind: 'yesno';
  field: string;
  ask: (env: StepEnv) => string;
  /** Step-specific words (e.g. 同意 / 不同意) checked before the general yes/no parser. */
  yesWords?: string[];
  noWords?: string[];
  /** Step-specific marks meaning yes / no wherever they stand, unless negated (for 脱贫户: "以前是" / "一般户"). */
  yesMarks?: string[];
  noMarks?: string[];
  /**
   * Another scheme the question is easily taken for (低保, 五保 for 脱贫户): an answer naming one of
   * `words` and none of `unless` (the question's own subject) answers something else — asked again
   * with `hint`, never read as a yes through a mark such as 评上.
   */
  otherThan?: { words: string[]; unless: string[]; hint: string };
  /**
   * A question naming one of these words asks about the question itself ("为啥要查存款" at the
   * consent): answered with the step's `help`, then the question asked again — not left to the FAQ.
   */
  askedAbout?: string[];
  /**
   * i18n key of the hint when the answer is neither, in the words the question used (对/不对 where
   * it asked 对吗, 是/不是 where it asked 是不是, 同意/不同意 for a consent).
   */
  hint: string;
  /**
   * The question confirms a computed figure that the question asking `field` would otherwise ask
   * ("自己付了约18,000元，对吗？"): that figure typed back is a yes, another figure ("不对，自己掏了两万")
   * is a no that answers `field` in the same message.
   */
  figure?: { field: string };
  /** Answering "no" leaves the flow (consent refused). */
  onNo?: (env: StepEnv) => StepOutcome;
  /** Further answers implied by this one (e.g. confirming the computed self-paid amount). */
  derive?: (value: boolean, env: StepEnv) => Answers;
  display: (value: boolean, env: StepEnv) => string;
}

/** One checklist item of photos/files: uploads until "好了", or "跳过". */
export interface DocumentsStep extends BaseStep {
  kind: 'documents';
  field: string;
  /** Checklist item id, used as the document kind. */
  item: string;
  /** i18n key of the item's name (住院结算单/发票). */
  itemLabel: string;
}

/** Information said while passing through (the pre-check); never waits for an answer. */
export interface NoticeStep extends BaseStep {
  kind: 'notice';
  text: (env: StepEnv) => string[];
}

/** A computed figure shown among a group's answers (the per-capita income with the household). */
export interface SummaryFigure {
  group: string;
  label: string;
  /** As displayed; not shown when an answer in the summary already shows the same (each figure once). */
  value: string;
  /** The step whose answer it follows (the per-capita income after the income); else at the group's end. */
  after?: string;
}

/** All answers, grouped; a yes completes the flow, "电话错了 改成139…" changes an answer and comes back. */
export interface SummaryStep extends BaseStep {
  kind: 'summary';
  /** The groups in the order shown: id (named by the steps' `group`) and i18n key of the heading. */
  groups: { id: string; label: string }[];
  /** Computed figures shown with the answers. */
  figures?: (env: StepEnv) => SummaryFigure[];
  /** Computed lines after the answers (the pre-check in one line). */
  extra?: (env: StepEnv) => string[];
}

/** Anything else (the menu): the step handles text itself. */
export interface CustomStep extends BaseStep {
  kind: 'custom';
  prompt: (env: StepEnv) => string;
  handle: (text: string, env: StepEnv) => StepOutcome;
  /**
   * True when `handle` reads the text as an answer. Without it, any outcome but 'retry' counts
   * as an answer; a step that falls back to something else for what it does not understand (the
   * idle menu shows the menu again) says here what it understood, so questions can be answered.
   */
  understands?: (text: string, env: StepEnv) => boolean;
}

export type StepDef = QuestionStep | ChoiceStep | YesNoStep | DocumentsStep | NoticeStep | SummaryStep | CustomStep;

/** Steps that hold an answer. */
export type AnsweredStep = QuestionStep | ChoiceStep | YesNoStep | DocumentsStep;

export interface FlowDef {
  id: string;
  steps: StepDef[];
  /** Said once when the flow starts, before the first question. */
  intro?: (env: StepEnv) => string[];
  /** The last step was passed or the summary confirmed. */
  complete: (env: StepEnv) => StepOutcome;
  /** "取消": what to say and do when the villager abandons the flow. */
  cancel: (env: StepEnv) => StepOutcome;
  /** True when the villager is in the middle of something worth resuming ("您上次填到…"). */
  resumable: boolean;
  /** Media sent during this flow are kept as documents of what is being built. */
  collectsDocuments?: boolean;
  /** i18n key said when the villager asks for the menu's services ("查询") in the middle of this flow. */
  busyHint?: string;
  /** A photo, file or video sent during this flow (audio is answered by the engine): overrides the default handling. */
  onMedia?: (inbound: Extract<Inbound, { kind: 'media' }>, env: StepEnv) => StepOutcome;
}

export function hasField(s: StepDef): s is AnsweredStep {
  return s.kind === 'question' || s.kind === 'choice' || s.kind === 'yesno' || s.kind === 'documents';
}

/** Reasons given for a text that was read and refused for what it says, not for being unreadable. */
const READ_REASONS: ReadonlySet<ParseFailure> = new Set(['negative', 'too_large', 'zero', 'choice_out_of_range', 'date_future', 'date_invalid']);

/** Maps a parser's failure to the hint key `parse.<reason>` (exact parsers only: an approximation is not a failure). */
export function fromParse<T>(
  r: { ok: true; value: T } | { ok: false; reason: ParseFailure },
  params?: Record<string, unknown>,
): Checked<T> {
  return r.ok ? r : { ok: false, hint: `parse.${r.reason}`, params, ...(READ_REASONS.has(r.reason) ? { understood: true } : {}) };
}
