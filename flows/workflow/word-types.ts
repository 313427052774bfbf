/** The shapes of the workflow's words (words.ts fills them per language); their own file so that words.ts and each language's table need not import each other. */
import type { LimitName } from './limits';
import type { CaseStatus, HouseholdCategory, Measure } from './statuses';

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

/** The words of a decision's categories and measures: i18n keys workflow.category.<id>, workflow.measure.<id> (flows/i18n/workflow.*.ts). */
export type DecisionWords = { category: Record<HouseholdCategory, string>; measure: Record<Measure, string> };

