/** Building the read-only view a step sees. */
import { t } from '../i18n';
import type { Answers, FlowDef, StepEnv } from './flow';
import type { FlowContext, SessionState } from './types';

export function makeEnv(state: SessionState, ctx: FlowContext, flow: FlowDef): StepEnv {
  const lang = state.lang;
  return {
    state,
    answers: state.answers,
    ctx,
    lang,
    flow,
    t: (key, params) => t(lang, key, params),
  };
}

/** The same view with some answers applied (a value is checked against the answers it will join). */
export function envWith(env: StepEnv, patch: Answers): StepEnv {
  return { ...env, answers: mergeAnswers(env.answers, patch) };
}

/** Merge a patch; `undefined` in a patch forgets that answer (JSON has no undefined). */
export function mergeAnswers(answers: Answers, patch: Answers): Answers {
  const out: Answers = { ...answers };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return out;
}
