/**
 * A question answered by typing, read by a parser.
 *
 *   { kind: 'question', id: 'phone', field: 'phone', ask, parse: parsePhone, display }
 *
 * A failed parse is never guessed: the villager hears the parser's specific hint and the
 * question again (which always carries an example). A value understood only approximately is
 * said back for a yes first (engine/confirm.ts), after the same cross-checks as any other.
 */
import type { QuestionStep, StepEnv, StepOutcome } from '../flow';
import { checkLimits } from '../conditions';
import { envWith } from '../env';

/** `folded`: the chat's question asking this and the next answer together (engine/fold.ts). */
export function promptQuestion(step: QuestionStep, env: StepEnv, folded?: string | null): string {
  return folded ?? step.ask(env);
}

export function handleQuestion(step: QuestionStep, text: string, env: StepEnv): StepOutcome {
  const parsed = step.parse(text, env);
  if (!parsed.ok && 'hint' in parsed) return { kind: 'retry', hint: env.t(parsed.hint, parsed.params), understood: parsed.understood };
  const checked = checkLimits(step, parsed.value, env);
  if (checked) return { kind: 'retry', hint: env.t(checked.hint, checked.params), understood: true };
  const patch = { [step.field]: parsed.value };
  if (!parsed.ok) return { kind: 'confirm', patch, ask: parsed.confirm };
  return { kind: 'answer', patch, notes: step.notes?.(envWith(env, patch)) };
}
