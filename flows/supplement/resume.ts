/**
 * An application interrupted by a side errand (supplying documents for another case, withdrawing
 * one) is kept as it was and given back afterwards: its flow, step and answers.
 */
import type { StepOutcome } from '../engine/flow';
import type { Effect, SessionState } from '../engine/types';

export type Resume = { flow: string; step: string; answers: Record<string, unknown> };

/** Only a flow in progress is worth keeping: the menu is where everything ends anyway. */
export function resumeOf(state: SessionState | null): Resume | undefined {
  if (!state || state.flow === 'menu' || state.flow === 'supplement' || state.flow === 'withdraw') return undefined;
  return { flow: state.flow, step: state.step, answers: state.answers };
}

export function backTo(resume: Resume, o: { replies?: string[]; effects?: Effect[]; prompt: boolean }): StepOutcome {
  return { kind: 'switch', flow: resume.flow, step: resume.step, answers: resume.answers, replies: o.replies ?? [], effects: o.effects ?? [], prompt: o.prompt };
}
