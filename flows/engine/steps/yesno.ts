/**
 * A yes/no question ("是不是脱贫户？", consent).
 *
 *   { kind: 'yesno', id: 'consentIncome', field: 'consentIncome', yesWords: ['同意'], noWords: ['不同意'], onNo }
 */
import { parseYesNo } from '../../parse';
import { commandText } from '../commands';
import type { StepEnv, StepOutcome, YesNoStep } from '../flow';

export function promptYesNo(step: YesNoStep, env: StepEnv): string {
  return step.ask(env);
}

export function handleYesNo(step: YesNoStep, text: string, env: StepEnv): StepOutcome {
  const value = readYesNo(step, text);
  if (value === null) return { kind: 'retry', hint: env.t(step.hint ?? 'parse.yes_no_unknown') };
  if (!value && step.onNo) return step.onNo(env);
  return { kind: 'answer', patch: { [step.field]: value, ...step.derive?.(value, env) } };
}

function readYesNo(step: YesNoStep, text: string): boolean | null {
  const s = commandText(text);
  // Step words first: "不同意" must not be read by a general parser that sees "同意" in it.
  if (step.noWords?.includes(s)) return false;
  if (step.yesWords?.includes(s)) return true;
  const r = parseYesNo(text);
  return r.ok ? r.value : null;
}
