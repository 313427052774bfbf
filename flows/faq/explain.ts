/**
 * "什么意思" / "怎么办" after a notice: what the case's current status means and what the
 * villager can do next, in plain words. The case is the one that just changed (or the only one
 * open); with several open and none clearly the latest, the villager is asked which.
 */
import type { StepEnv } from '../engine/flow';
import type { CaseSummary } from '../engine/types';
import { hasKey } from '../i18n';
import { statusLabel } from '../status/cases';
import { isFinalStatus } from '../workflow';
import { renderTemplate, type RenderScope } from './placeholders';
import type { FaqOfferState } from './types';

const HOUR = 3_600_000;
/** A status change this recent is what the villager has just been told about. */
export const RECENT_MS = 72 * HOUR;
/** A closed case still worth explaining this long after it closed. */
const CLOSED_KEPT_MS = 30 * 24 * HOUR;

export interface Explained {
  replies: string[];
  offer: FaqOfferState | null;
}

function changedAt(c: CaseSummary): number {
  return new Date(c.statusSince ?? c.submittedAt).getTime();
}

/** Cases a "什么意思" may be about: open ones, and closed ones closed lately. */
function candidates(env: StepEnv): CaseSummary[] {
  const now = env.ctx.now.getTime();
  return env.ctx.myCases
    .filter((c) => !isFinalStatus(c.status) || now - changedAt(c) <= CLOSED_KEPT_MS)
    .sort((a, b) => changedAt(b) - changedAt(a));
}

/**
 * At rest: explain the case (or ask which). In the middle of something: only when a case changed
 * lately — otherwise the words are about the question being asked, and null is returned.
 */
export function explainCases(env: StepEnv, atRest: boolean, scope: RenderScope | null): Explained | null {
  const list = candidates(env);
  const now = env.ctx.now.getTime();
  const recent = list.filter((c) => now - changedAt(c) <= RECENT_MS);
  if (!atRest) return recent.length > 0 ? { replies: explainCase(recent[0], env, scope), offer: null } : null;
  if (list.length === 0) return env.ctx.myCases.length > 0 ? { replies: explainCase(env.ctx.myCases[0], env, scope), offer: null } : { replies: [env.t('faq.explain.no_case')], offer: null };
  if (list.length === 1 || recent.length === 1) return { replies: explainCase(recent[0] ?? list[0], env, scope), offer: null };
  const lines = list.map((c, i) =>
    env.t('faq.explain.case_line', { i: i + 1, caseNo: c.caseNo, cause: env.t(`cause.${c.cause}`), status: statusLabel(env.lang, c.status) }),
  );
  return {
    replies: [[env.t('faq.explain.which', { n: list.length }), ...lines, env.t('faq.pick_rest', { max: list.length })].join('\n')],
    offer: { cases: list.map((c) => c.caseNo), at: env.ctx.now.toISOString() },
  };
}

export function explainCase(c: CaseSummary, env: StepEnv, scope: RenderScope | null): string[] {
  const header = env.t('faq.explain.header', { caseNo: c.caseNo, cause: env.t(`cause.${c.cause}`), status: statusLabel(env.lang, c.status) });
  const base = `faq.explain.${c.status}`;
  if (!hasKey(`${base}.meaning`)) return [[header, env.t('faq.explain.unknown')].join('\n')];
  const limit = scope ? renderTemplate(`{{limits.${c.status}}}`, scope) : env.t('faq.limit.unknown');
  const params = {
    limit: limit.startsWith('{{') ? env.t('faq.limit.unknown') : limit,
    publicityDays: scope ? renderTemplate('{{publicityDays}}', scope) : env.t('faq.limit.unknown'),
    items: c.missingItems && c.missingItems.length > 0 ? c.missingItems.join(env.t('faq.list_separator')) : env.t('faq.explain.items_unknown'),
  };
  return [
    [header, env.t('faq.explain.meaning', { text: env.t(`${base}.meaning`, params) }), env.t('faq.explain.next', { text: env.t(`${base}.next`, params) })].join('\n'),
  ];
}
