/**
 * Policy knowledge in the conversation: matching a villager's question to an FAQ entry
 * (match.ts), answering it with figures from configuration (placeholders.ts), and explaining a
 * case's status after a notice (explain.ts). Pure, like the rest of flows/.
 */
export type { ArticleView, FaqEntryView, FaqOfferState, Knowledge, LimitView } from './types';
export { matchFaq, rankFaqs, type FaqMatch } from './match';
export { looksLikeQuestion } from './question';
export { PLACEHOLDERS, LIMIT_NAMES, renderTemplate, unknownPlaceholders, moneyFigures, type RenderScope } from './placeholders';
export { answerQuestion, pickOffered, policyTopics, scopeOf, type Asked } from './ask';
export { explainCases, explainCase } from './explain';
export { faqInterceptor } from './interceptor';
