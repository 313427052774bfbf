/**
 * Facts said before their question is reached. An opening or an answer that carries more than was
 * asked ("我老伴住院花了三万二，想申请"; "我孙女王小芳" to 生病的是谁) leaves each further fact here,
 * keyed by the step it answers — never in `answers`. When the engine reaches that step it says the
 * fact back instead of asking ("病人是您的孙女王小芳，对吗？") and the confirm protocol (confirm.ts)
 * settles it: a yes stores it (one turn), a correction in the same message stores the correction,
 * a no asks the question as usual.
 */
import { hasField, type FlowDef, type StepDef } from './flow';
import type { PendingConfirm, SessionState } from './types';

const answered = (flow: FlowDef, state: SessionState, id: string): boolean => {
  const step = flow.steps.find((s) => s.id === id);
  return !step || (hasField(step) && state.answers[step.field] !== undefined);
};

/** Keeps the facts `add` for their steps (a newer one replaces an older one for the same step); drops those already answered. */
export function keepPrefill(state: SessionState, flow: FlowDef, add: readonly PendingConfirm[] = []): void {
  const byStep = new Map((state.prefill ?? []).map((p) => [p.step, p]));
  for (const p of add) byStep.set(p.step, p);
  const kept = [...byStep.values()].filter((p) => !answered(flow, state, p.step));
  state.prefill = kept.length > 0 ? kept : undefined;
}

/** The fact waiting for `step`, taken out of the list, when the step has no answer yet; else null. */
export function takePrefill(state: SessionState, step: StepDef): PendingConfirm | null {
  const found = state.prefill?.find((p) => p.step === step.id);
  if (!found || !hasField(step) || state.answers[step.field] !== undefined) return null;
  const rest = state.prefill!.filter((p) => p !== found);
  state.prefill = rest.length > 0 ? rest : undefined;
  return found;
}

/** True when a fact waits for the step answering `field` (a folded question then asks only its own part). */
export function hasPrefill(state: SessionState, flow: FlowDef, field: string): boolean {
  return (state.prefill ?? []).some((p) => flow.steps.some((s) => s.id === p.step && hasField(s) && s.field === field));
}
