/** Where a flow goes next: which steps apply, which still need an answer. */
import { applies as appliesTo, checkLimits } from './conditions';
import { hasField, type FlowDef, type StepDef, type StepEnv } from './flow';

export function applies(step: StepDef, env: StepEnv): boolean {
  return appliesTo(step, env.answers);
}

export function stepIndex(flow: FlowDef, id: string): number {
  return flow.steps.findIndex((s) => s.id === id);
}

/**
 * A step still needs asking when it applies and has no answer, or when its answer no longer
 * passes its cross-checks (an edited total made "reimbursed ≤ total" false).
 */
export function isPending(step: StepDef, env: StepEnv): boolean {
  if (!hasField(step) || !applies(step, env)) return false;
  const value = env.answers[step.field];
  if (value === undefined) return true;
  if (step.kind !== 'question') return false;
  const r = checkLimits(step, value, env);
  return !!r && !r.ok;
}

/** The first pending step with index in [from, to). */
export function firstPending(flow: FlowDef, env: StepEnv, from = 0, to = flow.steps.length): StepDef | undefined {
  return flow.steps.slice(from, to).find((s) => isPending(s, env));
}

/** The hint key (and params) when a stored answer no longer passes its cross-checks, else null. */
export function staleAnswer(step: StepDef, env: StepEnv): { hint: string; params?: Record<string, unknown> } | null {
  if (step.kind !== 'question') return null;
  const value = env.answers[step.field];
  if (value === undefined) return null;
  const r = checkLimits(step, value, env);
  return r && !r.ok ? { hint: r.hint, params: r.params } : null;
}
