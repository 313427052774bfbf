/** How a stored answer reads back to the villager (summary, "您之前的回答是…"). */
import type { AnsweredStep, StepEnv } from '../flow';
import { displayChoice } from './choice';
import { displayDocuments } from './documents';

export function displayAnswer(step: AnsweredStep, env: StepEnv): string | null {
  const value = env.answers[step.field];
  if (value === undefined) return null;
  switch (step.kind) {
    case 'question':
      return step.display(value, env);
    case 'choice':
      return displayChoice(step, value, env);
    case 'yesno':
      return step.display(value === true, env);
    case 'documents':
      return displayDocuments(step, value, env);
  }
}
