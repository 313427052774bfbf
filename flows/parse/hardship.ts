/**
 * Why a villager writes, read from a first message the way a cadre hears it: a wish to apply
 * ("我要申请帮扶", "想申请", "申请补助") and the hardship it is about ("我老伴住院花了三万二",
 * "我家房子被水冲了", "孙子上大学交不起学费"). A question ("申请要什么材料？") is neither: it is
 * answered by the policy knowledge — except whether one may apply, asked with the hardship in it
 * ("房子被泥石流冲了，能申请救助不"), and how to apply, about this help or with a hardship in it
 * ("怎么申请帮扶", "因病怎么申请？", "学费交不起，咋办"): that is the application. Two hardships named at once name none: the villager is asked.
 * The words are data in hardship-words.ts.
 */
import { normalizeInput } from './normalize';
import { looksLikeQuestion } from './question';
import { ABOUT_THIS_HELP, APPLIED_ALREADY, APPLY_WORDS, ASKING_FOR, ASKS_OTHER, EN_ABOUT_THIS_HELP, HARDSHIP_WORDS, HOW_ABOUT_OTHER, HOW_TO_APPLY, MAY_APPLY, NOT_APPLYING, OTHER_PROCEDURES, WANTS_TO_APPLY } from './hardship-words';

export type Hardship = keyof typeof HARDSHIP_WORDS;

export interface HardshipReading {
  /** The villager says they want to apply. */
  applying: boolean;
  /** The one hardship named, if exactly one is. */
  hardship?: Hardship;
  /** More than one hardship named ("老伴生病，房子也塌了"): one application is for one. */
  several?: true;
  /** Asked how to apply ("咋申请"): what the application will ask is said first. */
  how?: true;
}

const has = (s: string, words: readonly string[]) => words.some((w) => s.includes(w));
const THIS_HELP = [...ABOUT_THIS_HELP].sort((a, b) => b.length - a.length);

/**
 * "怎么申请帮扶啊", "我想问问怎么申请救助", "帮扶咋办？", "学费交不起，咋办": how to apply, with a
 * hardship said or about this help only — not "修桥补助怎么申请" (another scheme) nor "发票丢了怎么办".
 */
function asksHowToApply(s: string, named: number): boolean {
  const how = HOW_TO_APPLY.find((w) => s.includes(w));
  if (how === undefined || has(s, HOW_ABOUT_OTHER)) return false;
  const saysApply = how.includes('申') || how.includes('报名') || has(s, APPLY_WORDS);
  if (!saysApply && has(s, OTHER_PROCEDURES)) return false;
  if (named > 0) return true;
  // "怎么办" / "咋弄" alone is help with the step (engine/commands.ts): about applying only with a word for it
  if (!has(s, APPLY_WORDS) && !s.includes('困难') && !how.includes('申') && !how.includes('报')) return false;
  const left = s.split(how).join(' ');
  if (/[a-z]/u.test(left)) return left.split(/[^a-z]+/u).every((w) => w === '' || EN_ABOUT_THIS_HELP.includes(w));
  let rest = left.replace(/[\s\p{P}]+/gu, '');
  for (let prev = ''; prev !== rest; ) {
    prev = rest;
    for (const w of THIS_HELP) rest = rest.split(w).join('');
  }
  return rest === '';
}

/** What a message says about applying; null for a question or a message that says neither. */
export function readHardship(text: string): HardshipReading | null {
  const s = normalizeInput(text).toLowerCase();
  if (s === '') return null;
  const named = (Object.keys(HARDSHIP_WORDS) as Hardship[]).filter((h) => has(s, HARDSHIP_WORDS[h]));
  // "家里遭了泥石流，能申请救助不": asking whether one may, with the hardship said — the application, with it
  if (named.length === 1 && has(s, MAY_APPLY) && !has(s, ASKS_OTHER)) return { applying: true, hardship: named[0] };
  if (asksHowToApply(s, named.length)) {
    if (named.length > 1) return { applying: true, several: true, how: true };
    return named.length === 1 ? { applying: true, hardship: named[0], how: true } : { applying: true, how: true };
  }
  // "替我爸问一下，他住院了": whom one asks for is no question
  if (looksLikeQuestion(s.replace(ASKING_FOR, '，'))) return null;
  // "听村里说可以申请…俺家想申请": the wish said outright outweighs the hearsay
  const wants = has(s, WANTS_TO_APPLY) && !has(s, APPLIED_ALREADY);
  const applying = wants || (has(s, APPLY_WORDS) && !has(s, NOT_APPLYING));
  if (!applying && named.length === 0) return null;
  if (!applying && has(s, NOT_APPLYING)) return null; // "申请过了，孩子上学的那个": about a case, not a new one
  if (named.length > 1) return { applying, several: true };
  return named.length === 1 ? { applying, hardship: named[0] } : { applying };
}
