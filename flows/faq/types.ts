/**
 * Policy knowledge as the pure engine sees it. The server loads it for each message (published,
 * in force, in the villager's region, both languages) and hands it over in FlowContext.knowledge.
 */
import type { Lang } from '../engine/lang';

/** One FAQ entry in one language. `key` is shared by the translations of one entry. */
export interface FaqEntryView {
  key: string;
  lang: Lang;
  question: string;
  /** Other ways villagers ask it. */
  synonyms: string[];
  /** Short words pointing to it (标准, 报销, 公示). */
  keywords: string[];
  /** The short answer, with {{placeholders}} filled from configuration (placeholders.ts). */
  answer: string;
  /** The article with the full text, by its key. */
  articleKey?: string;
  /** Order in the 政策咨询 list. */
  sortOrder: number;
}

/** A policy article in one language ("全文"). */
export interface ArticleView {
  key: string;
  lang: Lang;
  title: string;
  body: string;
}

/** A time limit as configured (TIME_LIMITS): days, calendar or working. */
export interface LimitView {
  days: number;
  working: boolean;
}

/**
 * What the previous reply offered to pick, valid for the next message only. Kept by the server
 * outside the conversation state (so a question mid-application leaves that state untouched).
 */
export interface FaqOfferState {
  /** FAQ keys offered as a numbered list (1-based). */
  faqs?: string[];
  /** The FAQ whose full article "全文" shows. */
  full?: string;
  /** Cases offered as a numbered list for "什么意思". */
  cases?: string[];
  /** When it was offered (ISO). */
  at: string;
}

export interface Knowledge {
  faqs: FaqEntryView[];
  articles: ArticleView[];
  /** The village of the contact's household, when known (an application's own answer wins). */
  villageCode?: string;
  /** Time limits per status and `total` (config.workflow.limits). */
  limits: Record<string, LimitView>;
  /** The shortest public notice, in days. */
  publicityMinDays: number;
  /** What the previous reply offered to pick, if anything. */
  offer?: FaqOfferState | null;
}
