/**
 * Why a villager writes, read from a first message the way a cadre hears it: a wish to apply
 * ("我要申请帮扶", "想申请", "申请补助") and the hardship it is about ("我老伴住院花了三万二",
 * "我家房子被水冲了", "孙子上大学交不起学费"). A question ("因病怎么申请？") is neither: it is
 * answered by the policy knowledge — except whether one may apply, asked with the hardship in it
 * ("房子被泥石流冲了，能申请救助不"): that is the application. Two hardships named at once name none: the villager is asked.
 * The words are data in hardship-words.ts.
 */
import { normalizeInput } from './normalize';
import { looksLikeQuestion } from './question';
import { APPLY_WORDS, ASKS_OTHER, HARDSHIP_WORDS, MAY_APPLY, NOT_APPLYING } from './hardship-words';

export type Hardship = keyof typeof HARDSHIP_WORDS;

export interface HardshipReading {
  /** The villager says they want to apply. */
  applying: boolean;
  /** The one hardship named, if exactly one is. */
  hardship?: Hardship;
  /** More than one hardship named ("老伴生病，房子也塌了"): one application is for one. */
  several?: true;
}

const has = (s: string, words: readonly string[]) => words.some((w) => s.includes(w));

/** What a message says about applying; null for a question or a message that says neither. */
export function readHardship(text: string): HardshipReading | null {
  const s = normalizeInput(text).toLowerCase();
  if (s === '') return null;
  const named = (Object.keys(HARDSHIP_WORDS) as Hardship[]).filter((h) => has(s, HARDSHIP_WORDS[h]));
  // "家里遭了泥石流，能申请救助不": asking whether one may, with the hardship said — the application, with it
  if (named.length === 1 && has(s, MAY_APPLY) && !has(s, ASKS_OTHER)) return { applying: true, hardship: named[0] };
  if (looksLikeQuestion(s)) return null;
  const applying = has(s, APPLY_WORDS) && !has(s, NOT_APPLYING);
  if (!applying && named.length === 0) return null;
  if (!applying && has(s, NOT_APPLYING)) return null; // "申请过了，孩子上学的那个": about a case, not a new one
  if (named.length > 1) return { applying, several: true };
  return named.length === 1 ? { applying, hardship: named[0] } : { applying };
}
