/**
 * Answering a question anywhere in the conversation (the engine decides *when*, see
 * engine/step.ts): the short answer first with "全文" for the article, the top three when
 * unsure, an offer of a cadre when nothing fits. Numbers pick from a list only at rest (in the
 * menu); in the middle of an application they would be answers, so there "问2" picks.
 */
import { commandText } from '../engine/commands';
import type { StepEnv } from '../engine/flow';
import type { Lang } from '../engine/types';
import { parseChineseNumber } from '../parse';
import { explainCase } from './explain';
import { matchFaq } from './match';
import { renderTemplate, type RenderScope } from './placeholders';
import { looksLikeQuestion } from './question';
import type { FaqEntryView, FaqOfferState, Knowledge } from './types';

export interface Asked {
  /** An answer, candidates to pick from, or nothing found (with the offer of a cadre). */
  kind: 'answer' | 'candidates' | 'none';
  replies: string[];
  /** What the reply offers to pick next (null: nothing). */
  offer: FaqOfferState | null;
}

/** An offer is good for the next message, and not after a long pause. */
const OFFER_TTL_MS = 30 * 60_000;
/** How many topics 政策咨询 lists. */
const MENU_TOPICS = 9;

const FULL_WORDS = ['全文', '看全文', '全部', '详细', '详细说明', '详情', '看详情', '更多', '看看全文', 'full', 'full text', 'more', 'details', 'read more'];

export function knowledgeOf(env: StepEnv): Knowledge | null {
  const k = env.ctx.knowledge;
  return k && k.faqs.length > 0 ? k : null;
}

export function scopeOf(env: StepEnv): RenderScope | null {
  const k = env.ctx.knowledge;
  if (!k) return null;
  const own = env.answers.villageCode;
  const villageCode = typeof own === 'string' ? own : k.villageCode;
  return {
    lang: env.lang,
    now: env.ctx.now,
    ...(villageCode ? { villageCode } : {}),
    towns: env.ctx.towns,
    incomeLineFen: env.ctx.incomeLineFen,
    limits: k.limits,
    publicityMinDays: k.publicityMinDays,
  };
}

/** The entry of `key` in the villager's language, else in any. */
function entryOf(k: Knowledge, key: string, lang: Lang): FaqEntryView | undefined {
  return k.faqs.find((f) => f.key === key && f.lang === lang) ?? k.faqs.find((f) => f.key === key);
}

function articleOf(k: Knowledge, key: string, lang: Lang) {
  return k.articles.find((a) => a.key === key && a.lang === lang) ?? k.articles.find((a) => a.key === key);
}

/** One FAQ's short answer, with "全文" offered when it links an article. */
export function faqAnswer(key: string, env: StepEnv): Asked | null {
  const k = knowledgeOf(env);
  const scope = scopeOf(env);
  const entry = k && entryOf(k, key, env.lang);
  if (!k || !scope || !entry) return null;
  const article = entry.articleKey ? articleOf(k, entry.articleKey, env.lang) : undefined;
  const text = renderTemplate(entry.answer, scope);
  if (!article) return { kind: 'answer', replies: [text], offer: null };
  return { kind: 'answer', replies: [[text, env.t('faq.full_hint')].join('\n')], offer: { full: key, at: env.ctx.now.toISOString() } };
}

function fullArticle(key: string, env: StepEnv): Asked | null {
  const k = knowledgeOf(env);
  const scope = scopeOf(env);
  const entry = k && entryOf(k, key, env.lang);
  if (!k || !scope || !entry) return null;
  const article = entry.articleKey ? articleOf(k, entry.articleKey, env.lang) : undefined;
  if (!article) return { kind: 'answer', replies: [env.t('faq.no_article')], offer: null };
  return { kind: 'answer', replies: [[env.t('faq.article_title', { title: article.title }), renderTemplate(article.body, scope)].join('\n')], offer: null };
}

function numberedList(keys: string[], env: StepEnv, atRest: boolean, title: string, footer?: string): Asked | null {
  const k = knowledgeOf(env);
  if (!k) return null;
  const lines = keys.map((key, i) => `${i + 1}. ${entryOf(k, key, env.lang)?.question ?? key}`);
  const pick = atRest ? env.t('faq.pick_rest', { max: keys.length }) : env.t('faq.pick_flow', { max: keys.length });
  return {
    kind: 'candidates',
    replies: [[title, ...lines, ...(footer ? [footer] : []), pick].join('\n')],
    offer: { faqs: keys, at: env.ctx.now.toISOString() },
  };
}

/** The number a text picks: "2", "第二个" at rest; "问2", "Q2" anywhere. */
function pickedNumber(text: string, atRest: boolean): number | null {
  const s = commandText(text).replace(/\s+/g, '');
  const prefixed = /^(?:问|问题|q|question)(.+)$/u.exec(s);
  if (prefixed) return parseChineseNumber(prefixed[1]);
  if (!atRest) return null;
  const core = s.replace(/^(?:第|选)/u, '').replace(/(?:个|条|项|号)$/u, '');
  return parseChineseNumber(core);
}

/** A pick from what the previous reply offered ("全文", "2", "问2"); null when the text is not one. */
export function pickOffered(text: string, env: StepEnv, atRest: boolean): Asked | null {
  const offer = env.ctx.knowledge?.offer;
  if (!offer || env.ctx.now.getTime() - new Date(offer.at).getTime() > OFFER_TTL_MS) return null;
  const s = commandText(text);
  if (offer.full && FULL_WORDS.includes(s)) return fullArticle(offer.full, env);
  const n = pickedNumber(text, atRest);
  if (n === null) return null;
  if (offer.faqs && n >= 1 && n <= offer.faqs.length) return faqAnswer(offer.faqs[n - 1], env);
  if (offer.cases && n >= 1 && n <= offer.cases.length) {
    const c = env.ctx.myCases.find((x) => x.caseNo === offer.cases![n - 1]);
    if (c) return { kind: 'answer', replies: explainCase(c, env, scopeOf(env)), offer: null };
  }
  return null;
}

/**
 * A text that is not an answer to the current step, read as a question. One that looks like a
 * question (ends with ？/吗/多少…, or asks 怎么/什么…) always gets a reply: the answer, the
 * candidates, or the offer of a cadre. One that does not is answered only on a confident match
 * that holds the entry's own words (anything else is left to the step's hint) — and, at rest,
 * where nothing else is expected, candidates are offered on the same evidence.
 */
export function answerQuestion(text: string, env: StepEnv, atRest: boolean): Asked | null {
  const k = knowledgeOf(env);
  if (!k) return null;
  const shaped = looksLikeQuestion(text);
  const m = matchFaq(text, k.faqs);
  switch (m.kind) {
    case 'confident':
      return shaped || m.literal ? faqAnswer(m.key, env) : null;
    case 'unsure':
      return shaped || (atRest && m.literal) ? numberedList(m.keys, env, atRest, env.t('faq.unsure_title')) : null;
    case 'none':
      return shaped ? { kind: 'none', replies: [env.t('faq.none')], offer: null } : null;
  }
}

/** 政策咨询 from the menu: the first topics of the knowledge, to pick by number. */
export function policyTopics(env: StepEnv): Asked | null {
  const k = knowledgeOf(env);
  if (!k) return null;
  const keys = [...new Set([...k.faqs].sort((a, b) => a.sortOrder - b.sortOrder || a.key.localeCompare(b.key)).map((f) => f.key))].slice(0, MENU_TOPICS);
  return numberedList(keys, env, true, env.t('faq.menu_title'), env.t('faq.menu_footer'));
}
