/**
 * Two patients in one answer ("我和老伴都病了", "我跟我儿子") at "生病的是谁？": one application
 * holds one patient, so the list cannot take the answer — and the second person must not be
 * dropped without a word. This interceptor (engine/intercept.ts), consulted when the step did not
 * take the text, says so gently; the engine then asks the same question again. Nothing is stored.
 */
import type { Interceptor } from '../engine/intercept';
import { readWho } from '../parse';
import { APPLY_FLOW } from './index';

export const onePatientInterceptor: Interceptor = {
  ask(text, env) {
    if (env.flow.id !== APPLY_FLOW || env.state.step !== 'patient') return null;
    const name = typeof env.answers.name === 'string' ? env.answers.name : undefined;
    if (readWho(text, name).kind !== 'two') return null;
    return { replies: [env.t('heard.patient.two')], effects: [], found: true };
  },
};
