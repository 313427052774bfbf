/**
 * What the villager hears after the server carried out an effect whose result matters to them
 * (the case number, whether an identity matched). Pure, like the engine: the server passes the
 * outcome and the state it saved, and sends the replies. The words belong to the flow that
 * emitted the effect; flows/index.ts puts them together, one entry per outcome type.
 */
import type { DescribeOutcome, EffectOutcome, Reply, SessionState } from './types';

/** For every outcome type, the lines the villager hears (the compiler checks none is missing). */
export type OutcomeWords = {
  [K in EffectOutcome['type']]: (outcome: Extract<EffectOutcome, { type: K }>, state: SessionState) => string[];
};

export function describeWith(words: OutcomeWords): DescribeOutcome {
  return (outcome, state) => {
    const say = words[outcome.type] as (o: EffectOutcome, s: SessionState) => string[];
    return say(outcome, state).map((text): Reply => ({ type: 'text', text }));
  };
}
