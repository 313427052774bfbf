/**
 * Builders for the application's questions, so each step reads as one line of data:
 * which answer it fills, which words ask it, how it is checked and shown.
 */
import type { AmountTopic } from '../parse';
import { conditionsOf, type ShowIf } from '../engine/conditions';
import type { Checked, Fold, QuestionStep, StepDef, StepEnv } from '../engine/flow';
import type { Cause, PendingConfirm } from '../engine/types';
import { formatMoney } from '../i18n/format';
import { checkName, checkText } from './text';
import { checkAmount } from './understood';
import { checkRelation } from './relation';
import { canSayBack } from './say-back';
import { otherKindHint, placeAsName } from './wrong-kind';
import type { SummaryGroup } from './groups';

interface Common {
  id: string;
  /** i18n key of the question (with its example). */
  ask: string;
  askParams?: (env: StepEnv) => Record<string, unknown>;
  /** i18n key naming the answer in the summary; none for a step the summary shows through another. */
  label?: string;
  editWords?: string[];
  /** The summary group this answer starts (flows/application/groups.ts). */
  group?: SummaryGroup;
  showIf?: ShowIf;
  uses?: string[];
  clears?: string[];
  /** What the answer says beyond the question, said back at later questions (engine/flow.ts `more`). */
  more?: (text: string, env: StepEnv) => PendingConfirm[];
  /** Asked together with the next question in the chat (engine/fold.ts). */
  fold?: Fold;
}

const base = (c: Common) => ({
  id: c.id,
  field: c.id,
  label: c.label,
  editWords: c.editWords,
  group: c.group,
  showIf: c.showIf,
  uses: c.uses,
  clears: c.clears,
  ...(c.more ? { more: c.more } : {}),
  ...(c.fold ? { fold: c.fold } : {}),
  ask: (env: StepEnv) => env.t(c.ask, c.askParams?.(env)),
});

/** A name as on the ID card ("我叫李桂兰" → 李桂兰). `relationFrom`: the answer holding this person's relation, which one said with the name must match. */
export function nameQuestion(c: Common & { relationFrom?: string }): QuestionStep {
  const relation = (env: StepEnv) => {
    const r = c.relationFrom === undefined ? undefined : env.answers[c.relationFrom];
    return typeof r === 'string' ? r : undefined;
  };
  const parse = (text: string, env: StepEnv) => {
    const read = checkName(text, relation(env), canSayBack(env, c.id), env.lang);
    // a phone number, or "不记得怎么写": said what it looks like, not "名字里不能有数字"
    if (read.ok || 'confirm' in read) return placeAsName(read.value, env) ?? read;
    return otherKindHint(text, env, 'name') ?? read;
  };
  return { kind: 'question', ...base(c), parse, display: (v) => String(v) };
}

/** A family relation ("我老伴" → 配偶, "我妈" → 母亲), or as typed when it is not one the data knows. */
export function relationQuestion(c: Common): QuestionStep {
  return { kind: 'question', ...base(c), parse: (text, env) => checkRelation(text, env), display: (v) => String(v) };
}

/** A short description; `read`: takes the value out of what is said around it (the hospital's name), instead of the text as typed. */
export function textQuestion(c: Common & { minLength?: number; read?: (text: string) => Checked<string> }): QuestionStep {
  return { kind: 'question', ...base(c), parse: (text) => (c.read ?? ((t: string) => checkText(t, c.minLength)))(text), display: (v) => String(v) };
}

export interface AmountOptions extends Common {
  /** Zero (没有/无/0, "没报销") is a valid answer: "no reimbursement". */
  allowZero?: boolean;
  /** What the question asks about: a figure said to be about something else is not taken for it ("报了一万" for the total). */
  topic: AmountTopic;
  /** The question asks for a yearly figure: a monthly one is multiplied by twelve, after a yes. */
  per?: 'year';
  /** The question asks what the household paid itself ("自己掏了三万" is its figure among others). */
  selfPaid?: boolean;
  /** An upper bound from another answer ("reimbursed ≤ total"), with the hint key used when exceeded. */
  atMost?: { field: string; hint: string };
  notes?: (env: StepEnv) => string[];
}

/** Money said in yuan ("3万2", "三千五", "报了一万", "两万多" to confirm), stored as integer fen. */
export function amountQuestion(c: AmountOptions): QuestionStep {
  return {
    kind: 'question',
    ...base(c),
    parse: (text, env) =>
      checkAmount(text, { allowZero: c.allowZero ?? false, topic: c.topic, per: c.per, selfPaid: c.selfPaid, of: c.atMost?.field, sayBack: canSayBack(env, c.id) }, env),
    atMost: c.atMost,
    notes: c.notes,
    display: (v, env) => formatMoney(env.lang, v as number),
  };
}

/** The questions of one cause: each is asked only when the villager chose that cause (and its own conditions hold); the summary shows them as the hardship. */
export function forCause(cause: Cause, steps: StepDef[]): StepDef[] {
  return steps.map((s) => ({ ...s, group: s.group ?? 'hardship', showIf: [{ field: 'cause', equals: cause }, ...conditionsOf(s)] }));
}
