/**
 * What the engine consults besides the current step: the policy knowledge (flows/faq/interceptor.ts)
 * answers a question asked in passing, a pick from the list it offered, "什么意思" after a notice.
 * Plugged in through EngineConfig, so the engine knows no FAQ. Pure like a step: an interceptor
 * returns replies and effects and never touches the state; the engine then brings the villager
 * back to the question they were at.
 */
import type { StepEnv } from './flow';
import type { Effect, FlowContext } from './types';

export interface Interception {
  replies: string[];
  effects: Effect[];
  /** False when it only says nothing was found: a newcomer's first message then gets the menu. */
  found: boolean;
}

export interface Interceptor {
  /** Before the step reads the text: a pick from what the previous reply offered ("全文", "2"). */
  pick?(text: string, env: StepEnv, atRest: boolean): Interception | null;
  /** A text the step did not take as its answer, or a newcomer's first message: a question? */
  ask?(text: string, env: StepEnv, atRest: boolean): Interception | null;
  /** "什么意思" / "怎么办": what just happened to one's case; null leaves it to help or the step. */
  explain?(env: StepEnv, atRest: boolean): Interception | null;
  /** Effects to add once the turn is decided, seeing its effects (an offer not renewed is withdrawn). */
  settle?(effects: readonly Effect[], ctx: FlowContext): Effect[];
}

/** The first interceptor that answers. */
export function firstOf(interceptors: readonly Interceptor[], call: (i: Interceptor) => Interception | null | undefined): Interception | null {
  for (const i of interceptors) {
    const r = call(i);
    if (r) return r;
  }
  return null;
}
