/**
 * Builders for the application's questions, so each step reads as one line of data:
 * which answer it fills, which words ask it, how it is checked and shown.
 */
import { parseAmount } from '../parse';
import { conditionsOf, type ShowIf } from '../engine/conditions';
import { fromParse, type QuestionStep, type StepDef, type StepEnv } from '../engine/flow';
import type { Cause } from '../engine/types';
import { formatMoney } from '../i18n/format';
import { checkName, checkText } from './text';

interface Common {
  id: string;
  /** i18n key of the question (with its example). */
  ask: string;
  askParams?: (env: StepEnv) => Record<string, unknown>;
  /** i18n key naming the answer in the summary; none for a step the summary shows through another. */
  label?: string;
  editWords?: string[];
  showIf?: ShowIf;
  uses?: string[];
  clears?: string[];
}

const base = (c: Common) => ({
  id: c.id,
  field: c.id,
  label: c.label,
  editWords: c.editWords,
  showIf: c.showIf,
  uses: c.uses,
  clears: c.clears,
  ask: (env: StepEnv) => env.t(c.ask, c.askParams?.(env)),
});

export function nameQuestion(c: Common): QuestionStep {
  return { kind: 'question', ...base(c), parse: (text) => checkName(text), display: (v) => String(v) };
}

export function textQuestion(c: Common & { minLength?: number }): QuestionStep {
  return { kind: 'question', ...base(c), parse: (text) => checkText(text, c.minLength), display: (v) => String(v) };
}

export interface AmountOptions extends Common {
  /** Zero (没有/无/0) is a valid answer: "no reimbursement". */
  allowZero?: boolean;
  /** An upper bound from another answer ("reimbursed ≤ total"), with the hint key used when exceeded. */
  atMost?: { field: string; hint: string };
  notes?: (env: StepEnv) => string[];
}

/** Money typed in yuan ("3万2", "三千五"), stored as integer fen. */
export function amountQuestion(c: AmountOptions): QuestionStep {
  return {
    kind: 'question',
    ...base(c),
    parse: (text) => fromParse(parseAmount(text, { allowZero: c.allowZero ?? false })),
    atMost: c.atMost,
    notes: c.notes,
    display: (v, env) => formatMoney(env.lang, v as number),
  };
}

/** The questions of one cause: each is asked only when the villager chose that cause (and its own conditions hold). */
export function forCause(cause: Cause, steps: StepDef[]): StepDef[] {
  return steps.map((s) => ({ ...s, showIf: [{ field: 'cause', equals: cause }, ...conditionsOf(s)] }));
}
