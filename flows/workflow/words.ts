/**
 * Every status's words, once, in each language (words.zh-CN.ts, words.en.ts): what a status is
 * called wherever it shows, what the villager is told when their case arrives in it, what the
 * cadres are told is needed, what "什么意思" explains. The i18n resources are built from these
 * (flows/i18n/status-words.ts lists the key each field becomes), so `t('status.town_review')`
 * and the like read them. A status or a language left out fails to compile. The decision's
 * vocabulary (household categories, measures) is worded here too, once for cadres and villagers.
 */
import type { Lang } from '../engine/types';
import type { LimitName } from './limits';
import type { CaseStatus, HouseholdCategory, Measure } from './statuses';
import { decisionWordsEn, statusWordsEn } from './words.en';
import { decisionWordsZhCN, statusWordsZhCN } from './words.zh-CN';

/** The statuses a case waits in for someone (each has a time limit, see limits.ts). */
type TimedStatus = Exclude<LimitName, 'total'>;

/** One status's words. Placeholders are filled by the reader named beside each field. */
export type StatusWords = {
  /** The status in the villager's case list, the mini-program and the console ("镇审核中"). */
  label: string;
  /** The short name cadres read in their lists and answers ("镇审核"). */
  stage: string;
  /**
   * What the villager is told when their case arrives in this status, the same sentence in the
   * chat and the mini-program's timeline (flows/villager/notices.ts fills the figures).
   */
  arrival: string;
  /** What the chat adds under the arrival: how to answer there (the mini-program has buttons instead). */
  chat?: string;
  /** "什么意思": what the status means and what the villager can do ({{limit}}, {{publicityDays}}, {{items}}). */
  explain: { meaning: string; next: string };
  /** For a status someone acts in: what the cadres' task notice says is needed. */
  need?: string;
  /**
   * The 下一步 line of a cadre's 查看, with the commands to send ({{caseNo}}), for a status whose
   * "通过" asks data or whose next step is not a cadre's; publicity's while the notice runs ({{end}}).
   * (A review that asks nothing shares one line, cadre.next.review, saying where "通过" sends it.)
   */
  cadreNext?: string;
  /** Publicity: cadreNext once the notice has ended. */
  cadreNextEnded?: string;
  /** For a review step: the step and its time limit, one part of the FAQ's {{limits.steps}}. */
  within?: string;
};

/** A status a case waits in also names the step it waits at, as a villager says it ("the town review"). */
type WordsOf<S extends CaseStatus> = StatusWords & (S extends TimedStatus ? { step: string } : { step?: never });

export type StatusWordsTable = { [S in CaseStatus]: WordsOf<S> };

export const STATUS_WORDS: Record<Lang, StatusWordsTable> = {
  'zh-CN': statusWordsZhCN,
  en: statusWordsEn,
};

/** The words of a decision's categories and measures: i18n keys workflow.category.<id>, workflow.measure.<id> (flows/i18n/workflow.*.ts). */
export type DecisionWords = { category: Record<HouseholdCategory, string>; measure: Record<Measure, string> };

export const DECISION_WORDS: Record<Lang, DecisionWords> = {
  'zh-CN': decisionWordsZhCN,
  en: decisionWordsEn,
};
