/**
 * Every status's words, once, in each language (words.zh-CN.ts, words.en.ts): what a status is
 * called wherever it shows, what the villager is told when their case arrives in it, what the
 * cadres are told is needed, what "什么意思" explains. The i18n resources are built from these
 * (flows/i18n/status-words.ts lists the key each field becomes), so `t('status.town_review')`
 * and the like read them. A status or a language left out fails to compile. The decision's
 * vocabulary (household categories, measures) is worded here too, once for cadres and villagers.
 */
import type { Lang } from '../engine/types';
import type { DecisionWords, StatusWordsTable } from './word-types';
import { decisionWordsEn, statusWordsEn } from './words.en';
import { decisionWordsZhCN, statusWordsZhCN } from './words.zh-CN';

export type { DecisionWords, StatusWords, StatusWordsTable } from './word-types';

export const STATUS_WORDS: Record<Lang, StatusWordsTable> = {
  'zh-CN': statusWordsZhCN,
  en: statusWordsEn,
};

export const DECISION_WORDS: Record<Lang, DecisionWords> = {
  'zh-CN': decisionWordsZhCN,
  en: decisionWordsEn,
};
