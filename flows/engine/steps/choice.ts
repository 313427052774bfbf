/**
 * A numbered list: answered by number (1, 一, ①…) or by the option's words.
 *
 *   { kind: 'choice', id: 'cause', field: 'cause', ask, options: () => [{ id: 'illness', text: '因病', labels: [...] }] }
 *
 * A step may read the whole text first (`read`): two patients named at once are explained rather
 * than matched to one option.
 */
import { parseChoice } from '../../parse';
import type { ChoiceStep, StepEnv, StepOutcome } from '../flow';

/** `folded`: the chat's question asking this and the next answer together (engine/fold.ts). */
export function promptChoice(step: ChoiceStep, env: StepEnv, folded?: string | null): string {
  const options = step.options(env);
  const lines = options.map((o, i) => `${i + 1}. ${o.text}`);
  // "请回复数字 1 到 1" reads oddly when a town has a single village.
  const how = options.length === 1 ? env.t('engine.choose_one') : env.t('engine.choose_number', { max: options.length });
  return [folded ?? step.ask(env), ...lines, how].join('\n');
}

export function handleChoice(step: ChoiceStep, text: string, env: StepEnv): StepOutcome {
  const own = step.read?.(text, env);
  if (own) return own;
  const options = step.options(env);
  // the options as they are: their cleaned labels are kept by parseChoice while the lists stay the same
  const r = parseChoice(text, options);
  if (!r.ok) return { kind: 'retry', hint: env.t(`parse.${r.reason}`, { max: options.length }) };
  return { kind: 'answer', patch: { [step.field]: r.value } };
}

export function displayChoice(step: ChoiceStep, value: unknown, env: StepEnv): string {
  const option = step.options(env).find((o) => o.id === value);
  return option ? option.display ?? option.text : String(value);
}
