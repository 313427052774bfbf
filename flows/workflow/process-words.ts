/**
 * The workflow's facts in the prose that tells a villager what happens after filing (policy.body,
 * outcome.next_steps, app.apply.next_steps): {{path}} the review steps in order, by the statuses'
 * own words (cadre.stage.<status>), and {{total}} the whole identification's limit — the county's
 * (TIME_LIMITS, the county's setting) when the caller knows it, the workflow's default otherwise.
 * Pure and given its translator, so the chat (flows/i18n) and the mini-program (its own i18next)
 * fill the same words from the same facts.
 */
import { DEFAULT_TIME_LIMITS, type Limit } from './limits';
import { REVIEW_STATUSES } from './statuses';

type Translate = (key: string, params?: Record<string, unknown>) => string;

export function processWords(tr: Translate, total: Limit = DEFAULT_TIME_LIMITS.total): { path: string; total: string } {
  const days = total.working ? tr('faq.limit.working_days', { n: total.days }) : tr(total.days === 1 ? 'faq.limit.day' : 'faq.limit.days', { n: total.days });
  return { path: REVIEW_STATUSES.map((s) => tr(`cadre.stage.${s}`)).join(' → '), total: days };
}
