/**
 * The policy knowledge as the engine's interceptor (engine/intercept.ts): a question asked at any
 * step is answered from the FAQ, "全文" or a number picks from what the last answer offered,
 * "什么意思" explains the case that just changed. An offer lasts one message.
 */
import type { Interception, Interceptor } from '../engine/intercept';
import type { StepEnv } from '../engine/flow';
import type { Effect } from '../engine/types';
import { answerQuestion, pickOffered, scopeOf, type Asked } from './ask';
import { explainCases } from './explain';
import type { FaqOfferState } from './types';

function offered(offer: FaqOfferState | null): Effect[] {
  return offer ? [{ type: 'faq_offer', offer }] : [];
}

/** An answer; at rest (nothing else expected) with the hint that more can be asked. */
function reply(a: Asked, env: StepEnv, atRest: boolean): Interception {
  return { replies: [...a.replies, ...(atRest ? [env.t('faq.rest_hint')] : [])], effects: offered(a.offer), found: a.kind !== 'none' };
}

export const faqInterceptor: Interceptor = {
  pick(text, env, atRest) {
    const a = pickOffered(text, env, atRest);
    return a && reply(a, env, atRest);
  },
  ask(text, env, atRest) {
    const a = answerQuestion(text, env, atRest);
    return a && reply(a, env, atRest);
  },
  explain(env, atRest) {
    const e = explainCases(env, atRest, scopeOf(env));
    return e && { replies: e.replies, effects: offered(e.offer), found: true };
  },
  settle(effects, ctx) {
    // an offer lasts one message: one not renewed now is withdrawn
    return ctx.knowledge?.offer && !effects.some((e) => e.type === 'faq_offer') ? [{ type: 'faq_offer', offer: null }] : [];
  },
};
