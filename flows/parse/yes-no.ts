import type { ParseResult } from './types';
import { normalizeInput, stripAffixes, stripTrailingPunctuation } from './normalize';
import { looksLikeQuestion } from './question';
import * as W from './yes-no-words';

/**
 * A step's own words: whole answers (`yes`, `no`, e.g. 同意 / 不同意), checked first; and marks
 * found anywhere in an answer, meaning yes or no unless negated right before them (for 脱贫户:
 * "以前是", "建档立卡过" yes; "一般户" no; "不是脱贫户" no).
 */
export interface YesNoWords {
  yes?: readonly string[];
  no?: readonly string[];
  yesMarks?: readonly string[];
  noMarks?: readonly string[];
}

// compared without spaces, as answers are ("that's right")
const YES = new Set(W.YES_WORDS.map((w) => w.replace(/\s+/gu, '')));
const NO = new Set(W.NO_WORDS.map((w) => w.replace(/\s+/gu, '')));

/** Lower case, no spaces or skin-tone modifiers, no trailing punctuation. */
function clean(text: string): string {
  // a space after a Chinese word parts clauses ("是 2018年脱的", "是啊 有那个明白卡"); between Latin words it does not ("yes she is")
  const parted = stripTrailingPunctuation(normalizeInput(text)).replace(/(?<=\p{Script=Han})\s+(?=[^\s,.;!?~、:])/gu, ',');
  return parted.toLowerCase().replace(/[\s\u{1F3FB}-\u{1F3FF}\uFE0F]/gu, '');
}

/** An exact word, after particles and repetition ("对对对", "好的好的", "不是不是") are taken off. */
function exact(s: string, words: YesNoWords): boolean | undefined {
  const stripped = stripAffixes(s, W.YES_NO_PREFIXES, W.YES_NO_SUFFIXES);
  const once = /^(.+?)\1+$/u.exec(stripped)?.[1] ?? stripped;
  const saidTwice = /^(.+?)\1+$/u.exec(s)?.[1] ?? s; // "好的好的"
  for (const form of [s, stripped, once, saidTwice]) {
    // the step's words first: "不同意" must not be read by a general word inside it
    if (words.no?.some((w) => w.replace(/\s+/gu, '') === form)) return false;
    if (words.yes?.some((w) => w.replace(/\s+/gu, '') === form)) return true;
  }
  for (const form of [s, stripped, once, saidTwice]) {
    if (NO.has(form)) return false;
    if (YES.has(form)) return true;
  }
  return undefined;
}

/** The step's marks found in the clause: their votes, each turned round by a negation right before it. */
function marks(s: string, words: YesNoWords): boolean | undefined {
  const votes: boolean[] = [];
  const found = [...(words.yesMarks ?? []).map((m) => ({ m, yes: true })), ...(words.noMarks ?? []).map((m) => ({ m, yes: false }))];
  for (const { m, yes } of found) {
    for (let at = s.indexOf(m); at >= 0; at = s.indexOf(m, at + 1)) {
      const negated = W.MARK_NEGATIONS.some((n) => s.slice(0, at).endsWith(n));
      votes.push(negated ? !yes : yes);
    }
  }
  return votes.length > 0 && votes.every((v) => v === votes[0]) ? votes[0] : undefined;
}

/** One clause: exact words, then the step's marks, a negated yes ("不太对"), a leading no or yes word. */
function decide(s: string, words: YesNoWords): boolean | undefined {
  const known = exact(s, words);
  if (known !== undefined) return known;
  if (looksLikeQuestion(s)) return undefined; // "是不是", "可以吗": asked back, not answered
  const marked = marks(s, words);
  if (marked !== undefined) return marked;
  const negation = W.NEGATION.exec(s);
  if (negation && exact(s.slice(negation[0].length), {}) === true) return false;
  // "我不同意查收入": who says it does not change the answer
  const said = stripAffixes(s, W.YES_NO_PREFIXES, []);
  const rest = (lead: string) => said.slice(lead.length);
  // "冇错嘅", "冇问题": a yes word that begins with a no word is read whole first
  const longerYes = W.YES_LEADS.find((w) => said.startsWith(w) && /^[冇没唔不]/u.test(w));
  const noLead = longerYes ? undefined : W.NO_LEADS.find((w) => said.startsWith(w));
  if (noLead && !W.UNSURE_WORDS.some((u) => rest(noLead).includes(u))) return false;
  const yesLead = W.YES_LEADS.find((w) => said.startsWith(w));
  if (yesLead && !/[不没别否]/u.test(rest(yesLead))) return true;
  return undefined;
}

const CLAUSE = /[,.;!?~、:]+/u;
const FIGURE_START = /^\s*[0-9零〇一二两俩三仨四五六七八九十壹贰叁肆伍陆柒捌玖拾]/u;

/**
 * Yes/no answer. Negation wins over a yes word inside it ("不是的", "不太对", "不同意").
 * An answer in several clauses counts when its first clause decides and no clause says the
 * opposite ("不是，我们是一般户"). Anything else, including questions back ("是不是", "对？") and
 * "不知道", is unknown.
 */
export function parseYesNo(text: string, words: YesNoWords = {}): ParseResult<boolean> {
  const s = withoutSpeaker(clean(text));
  if (s === '') return { ok: false, reason: 'empty' };
  // "嗯？", "对?": asked back, not answered
  if (/[?？]\s*$/u.test(text)) return { ok: false, reason: 'yes_no_unknown' };
  const clauses = s.split(CLAUSE).filter((c) => c !== '');
  // one clause is decided whole; several only as their clauses (a mark in one is not negated by another)
  const whole = clauses.length > 1 ? exact(s, words) : decide(s, words);
  if (whole !== undefined) return { ok: true, value: whole };
  if (clauses.length > 1) {
    const votes = clauses.map((c) => decide(c, words));
    // after a yes, something left out is no plain yes; after a no ("不止 还有外面买药的") it says why
    if (votes[0] !== false && clauses.slice(1).some((c) => W.YES_BUT.some((w) => c.includes(w)))) return { ok: false, reason: 'yes_no_unknown' };
    const decided = votes.filter((v): v is boolean => v !== undefined);
    if (votes[0] !== undefined && decided.every((v) => v === votes[0])) return { ok: true, value: votes[0] };
    // "查啥查，不同意", "整吧，同意": the step's own word closing the answer decides it, when no clause says otherwise
    const last = ownWord(clauses[clauses.length - 1], words);
    if (last !== undefined && decided.every((v) => v === last)) return { ok: true, value: last };
  }
  return { ok: false, reason: 'yes_no_unknown' };
}

const HEDGE_LEAD = new RegExp(`^(?:${[...W.HEDGES].sort((a, b) => b.length - a.length).join('|')})(?:也|还)?`, 'u');

/**
 * A hedged yes or no ("应该是吧", "好像不是", "好像是吧，有个明白卡"): the answer after the hedge,
 * for the step to say back; undefined when no hedge leads or what follows decides nothing.
 */
export function hedgedYesNo(text: string, words: YesNoWords = {}): boolean | undefined {
  const s = withoutSpeaker(clean(text));
  const said = stripAffixes(s, W.YES_NO_PREFIXES, []);
  const hedge = HEDGE_LEAD.exec(said);
  if (!hedge || /[?？]\s*$/u.test(text)) return undefined;
  const rest = said.slice(hedge[0].length);
  if (rest === '' || W.UNSURE_WORDS.some((u) => rest.split(CLAUSE)[0].includes(u))) return undefined;
  const r = parseYesNo(rest, words);
  return r.ok ? r.value : undefined;
}

/** A step's own word (同意 / 不同意), whole after particles; undefined for anything else. */
function ownWord(clause: string, words: YesNoWords): boolean | undefined {
  const stripped = stripAffixes(clause, W.YES_NO_PREFIXES, W.YES_NO_SUFFIXES);
  for (const form of [clause, stripped]) {
    if (words.no?.some((w) => w.replace(/\s+/gu, '') === form)) return false;
    if (words.yes?.some((w) => w.replace(/\s+/gu, '') === form)) return true;
  }
  return undefined;
}

const SPEAKER = new RegExp(
  `^(?:我|俺|咱)?(?:家)?(?:的)?(?:${[...W.REPORTED_SPEAKERS].sort((a, b) => b.length - a.length).join('|')})(?:看了|听了|看过了|看过|听完|看完)?(?:也|都)?说[,:]?(?=.)`,
  'u',
);
/** "我奶奶说同意" → "同意": who passed the answer on is no part of it. */
function withoutSpeaker(s: string): string {
  return s.replace(SPEAKER, '');
}

/** The whole answer is a yes or a no word and nothing else ("是的", "没有", "yes"): not a name or a description. */
export function isBareYesNo(text: string): boolean {
  const s = clean(text);
  return s !== '' && exact(s, {}) !== undefined;
}

/**
 * A yes or no leading a longer answer, and what follows it: "不对，两万二" → no + "两万二",
 * "对的，就按这个" → yes + "就按这个", "不对两万二" → no + "两万二". Null when nothing leads —
 * and "不记得哪天", "不知道", "不清楚" are not a 不 before something: they say one does not know.
 * `clause`: the yes or no is a clause of its own ("不对，…"), so what follows it is the whole of the rest.
 */
export function leadingYesNo(text: string, words: YesNoWords = {}): { answer: boolean; rest: string; clause: boolean } | null {
  const s = stripTrailingPunctuation(normalizeInput(text)).toLowerCase();
  // a space parts clauses too ("不对 是市里的医院")
  const cut = CLAUSE.exec(s) ?? /\s+/u.exec(s);
  if (cut && cut.index > 0) {
    const head = s.slice(0, cut.index).replace(/\s+/g, '');
    const first = W.UNSURE_WORDS.some((u) => head.includes(u)) ? undefined : decide(head, words);
    const rest = s.slice(cut.index + cut[0].length).trim();
    if (first !== undefined && rest !== '') return { answer: first, rest, clause: true };
  }
  // no punctuation: the longest yes/no word the answer starts with ("不对两万二"); a single
  // character only before a figure ("对两万"), as "不知道" is not a no
  const leads = [...W.NO_WORDS, ...W.YES_WORDS].filter((w) => !/^[0-9a-z]/u.test(w)).sort((a, b) => b.length - a.length);
  const lead = leads.find((w) => s.startsWith(w) && s.length > w.length && (w.length > 1 || FIGURE_START.test(s.slice(w.length))));
  if (!lead) return null;
  const rest = s.slice(lead.length).trim();
  if (W.UNSURE_WORDS.some((u) => rest.includes(u))) return null;
  const answer = !NO.has(lead);
  // "不对是我儿子": a no that cannot be read into what follows (not "不是我儿子"), or followed by what it is
  const apart = !answer && (W.NO_APART.includes(lead) || /^(?:是|应该是|其实是|而是)/u.test(rest));
  return { answer, rest, clause: apart };
}
