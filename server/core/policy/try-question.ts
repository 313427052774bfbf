/**
 * "How the chat reads this question" (POST /api/faqs/try): a villager's question put through the
 * chat's own reading — the same knowledge a villager of that village is answered from
 * (knowledge.ts knowledgeFor, the cached rows), the same interceptor (flows/faq faqInterceptor),
 * at rest in the menu, where a question is most often asked. Nothing is written: no session, no
 * offer kept, no message recorded.
 */
import type { FlowContext, Lang, SessionState } from '../../../flows';
import type { StepEnv } from '../../../flows/engine/flow';
import { faqInterceptor, matchFaq, rankFaqs } from '../../../flows/faq';
import { t } from '../../../flows/i18n';
import type { StaticData } from '../cache/static-data';
import type { WorkflowSettings } from '../workflow/perform';
import { knowledgeFor } from './knowledge';

export type TriedQuestion = {
  /** answer: one entry answers it; candidates: the chat lists a few to pick; none: the offer of a cadre; ignored: not read as a question at all. */
  kind: 'answer' | 'candidates' | 'none' | 'ignored';
  /** What the chat would say, message by message. */
  replies: string[];
  /** The entry answering it (kind answer). */
  faq: { key: string; question: string } | null;
  /** The article "全文" would show after that answer. */
  article: { key: string; title: string } | null;
  /** The best-scoring entries, best first (what the matcher weighed). */
  candidates: { key: string; question: string; score: number }[];
};

export function tryQuestion(
  statics: Pick<StaticData, 'tree' | 'articles' | 'faqs'>,
  q: { text: string; lang: Lang; villageCode?: string; now: Date; workflow: WorkflowSettings },
): TriedQuestion {
  const knowledge = knowledgeFor(statics, { householdVillageId: null, sessionVillage: q.villageCode, now: q.now, workflow: q.workflow, offer: null });
  const ctx: FlowContext = {
    now: q.now,
    towns: statics.tree.towns(),
    incomeLineFen: (code, year) => statics.tree.incomeLineFen(code, year),
    myCases: [],
    knownContact: true,
    lang: q.lang,
    knowledge,
  };
  const state: SessionState = { flow: 'menu', step: 'menu', answers: {}, misses: 0, history: [], lang: q.lang };
  const env = { state, answers: state.answers, ctx, lang: q.lang, flow: undefined as never, t: (key: string, params?: Record<string, unknown>) => t(q.lang, key, params) } satisfies StepEnv;

  const questionOf = (key: string) => (knowledge.faqs.find((f) => f.key === key && f.lang === q.lang) ?? knowledge.faqs.find((f) => f.key === key))?.question ?? key;
  const candidates = rankFaqs(q.text, knowledge.faqs)
    .slice(0, 5)
    .map((r) => ({ key: r.key, question: questionOf(r.key), score: Math.round(r.score * 1000) / 1000 }));
  const read = faqInterceptor.ask?.(q.text, env, true) ?? null;
  if (!read) return { kind: 'ignored', replies: [], faq: null, article: null, candidates };
  const m = matchFaq(q.text, knowledge.faqs);
  const answered = read.found && m.kind === 'confident' ? m.key : null;
  const kind = !read.found ? 'none' : answered ? 'answer' : 'candidates';
  const entry = answered ? (knowledge.faqs.find((f) => f.key === answered && f.lang === q.lang) ?? knowledge.faqs.find((f) => f.key === answered)) : undefined;
  const article = entry?.articleKey ? (knowledge.articles.find((a) => a.key === entry.articleKey && a.lang === q.lang) ?? knowledge.articles.find((a) => a.key === entry.articleKey)) : undefined;
  return {
    kind,
    replies: read.replies,
    faq: entry ? { key: entry.key, question: entry.question } : null,
    article: article ? { key: article.key, title: article.title } : null,
    candidates,
  };
}
