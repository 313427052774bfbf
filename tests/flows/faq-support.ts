/** The default knowledge (server/seed/knowledge-content.ts) as the engine sees it, for flow tests. */
import { LANGS } from '../../flows/engine/types';
import type { FaqEntryView, FaqOfferState, Knowledge } from '../../flows';
import { ARTICLES, FAQS } from '../../server/seed/knowledge-content';
import { DEFAULT_TIME_LIMITS } from '../../flows/workflow';

export const FAQ_VIEWS: FaqEntryView[] = FAQS.flatMap((f, i) =>
  LANGS.map((lang) => ({ key: f.key, lang, ...f[lang], ...(f.article ? { articleKey: f.article } : {}), sortOrder: (i + 1) * 10 })),
);

export function knowledge(over: Partial<Knowledge> = {}): Knowledge {
  return {
    faqs: FAQ_VIEWS,
    articles: ARTICLES.flatMap((a) => LANGS.map((lang) => ({ key: a.key, lang, ...a[lang] }))),
    limits: Object.fromEntries(Object.entries(DEFAULT_TIME_LIMITS).map(([k, v]) => [k, { days: v!.days, working: v!.working }])),
    publicityMinDays: 5,
    offer: null,
    ...over,
  };
}

/** The offer a turn left behind (the server would store it), or undefined when it cleared it or said nothing. */
export function offerOf(effects: { type: string }[]): FaqOfferState | null | undefined {
  const e = effects.find((x): x is { type: 'faq_offer'; offer: FaqOfferState | null } => x.type === 'faq_offer');
  return e ? e.offer : undefined;
}
