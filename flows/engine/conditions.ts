/**
 * A step's conditions and limits, written as data so that everything reading a flow reads the
 * same thing: the engine (which step comes next, which answer went stale), the summary, and the
 * mini-program's form (server/core/form/form.ts turns them into `visibleWhen` and `atMost`).
 *
 *   showIf: [{ field: 'cause', equals: 'illness' }, { field: 'patient', equals: 'family' }]
 *   atMost: { field: 'totalCostFen', hint: 'apply.reimbursedFen.too_much' }
 */
import type { Answers, QuestionStep, Refusal, StepEnv } from './flow';

import type { Condition, ShowIf } from './show-if';

export type { Condition, ShowIf };

export function conditionsOf(step: { showIf?: ShowIf }): Condition[] {
  const c = step.showIf;
  return c === undefined ? [] : Array.isArray(c) ? c : [c];
}

export function holds(c: Condition, answers: Answers): boolean {
  return 'absent' in c ? answers[c.field] === undefined : answers[c.field] === c.equals;
}

/** True when the step is asked after these answers. */
export function applies(step: { showIf?: ShowIf }, answers: Answers): boolean {
  return conditionsOf(step).every((c) => holds(c, answers));
}

/**
 * A value checked against the answers it joins ("reimbursed ≤ total"): null when it passes or
 * the bound is not answered yet, else the step's hint with the bound as the step shows it.
 */
export function checkLimits(step: QuestionStep, value: unknown, env: StepEnv): Refusal | null {
  const bound = step.atMost;
  if (!bound) return null;
  const limit = env.answers[bound.field];
  if (typeof limit !== 'number' || typeof value !== 'number' || value <= limit) return null;
  return { ok: false, hint: bound.hint, params: { limit: step.display(limit, env) }, understood: true };
}
