/** Handing the villager over to a cadre: the effect the server turns into a notification. */
import type { StepEnv } from './flow';
import type { Effect } from './types';

export function handoverEffect(env: StepEnv, reason: 'requested' | 'misunderstood'): Effect {
  const village = env.answers.villageCode;
  const effect: Extract<Effect, { type: 'handover' }> = { type: 'handover', reason };
  if (typeof village === 'string') effect.villageCode = village;
  // Where the villager stopped, so the cadre knows what they were trying to do (no answers: they may be sensitive).
  if (env.flow.resumable) effect.note = `${env.flow.id}:${env.state.step}`;
  return effect;
}
