/**
 * How many people the household has, from what a villager says: "4", "俺家4口人", "一家五口",
 * "老两口" (2), "就我一个" (1), "我和老伴" (2), "家里六口"; people listed rather than counted
 * ("我、老伴和儿子") are counted and said back to confirm. Ranges ("三四口") are not read.
 */
import type { ParseResult } from './types';
import { normalizeInput, stripAffixes, stripTrailingPunctuation } from './normalize';
import { parseChineseNumber } from './chinese-number';
import { parseInteger } from './integer';
import * as W from './household-words';

const MEMBERS_BY_LENGTH = [...W.MEMBERS].sort((a, b) => b.length - a.length);

/** "我", "老伴", "两个孙子" → how many people; null when the part is not a person we know. */
function membersIn(part: string): number | null {
  const phrase = W.HOUSEHOLD_PHRASES[part] ?? W.HOUSEHOLD_PHRASES[part.replace(W.MEMBER_LEADS, '')];
  if (phrase !== undefined) return phrase; // "老两口带着个孙子": a set phrase is a part of the list too
  // "儿子一家三口": a family within the household, counted by itself
  const family = W.SUB_FAMILY.exec(part);
  if (family) {
    const n = parseChineseNumber(family[1]);
    return n !== null && n >= 1 && n <= 10 ? n : null;
  }
  const who = MEMBERS_BY_LENGTH.find((w) => part.endsWith(w));
  if (!who) return null;
  const before = part.slice(0, part.length - who.length).replace(/^我的|^我|^俺的|^俺/u, '');
  // "大儿子", "二儿子": which child, one person
  if (W.MEMBER_ORDINAL.test(before)) return 1;
  // "儿子儿媳": members run together, each one person
  const run = runOfMembers(part);
  if (run !== null) return run;
  const count = before.replace(/个$/u, '');
  if (count === '') return 1;
  const n = parseChineseNumber(count);
  return n !== null && n >= 1 && n <= 10 ? n : null;
}

/** "儿子儿媳", "老伴儿子": members written one after another with nothing between them; null otherwise. */
function runOfMembers(part: string): number | null {
  let n = 0;
  for (let rest = part; rest !== ''; n += 1) {
    const who = MEMBERS_BY_LENGTH.find((w) => rest.startsWith(w));
    if (!who) return null;
    rest = rest.slice(who.length);
  }
  return n >= 2 ? n : null;
}

/** The count a list of people makes ("我和老伴、两个孙子" → 4), or null when a part is not a person. */
function countListed(s: string): number | null {
  const parts = s.split(W.MEMBER_SEPARATORS).filter((p) => p !== '');
  if (parts.length < 2) return null;
  let total = 0;
  for (const p of parts) {
    const n = membersIn(p);
    if (n === null) return null;
    total += n;
  }
  return total;
}

const EN_NUMBERS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** "4 people", "five of us", "just me", "there are 3 of us": the count in English; null when it is not one. */
function englishCount(text: string): number | null {
  const s = stripTrailingPunctuation(normalizeInput(text)).toLowerCase().replace(/[,.]/gu, ' ').replace(/\s+/gu, ' ').trim();
  if (!/^[a-z0-9' ]+$/u.test(s) || !/[a-z]/u.test(s)) return null;
  if (/^(?:just|only) (?:me|myself)$|^(?:me|myself) alone$|^i live alone$/u.test(s)) return 1;
  const m = /^(?:there are |we are |we're |my family has |our family has )?(?:just |only )?(?:the )?([0-9]+|[a-z]+) (?:people|persons|of us|in (?:the|our|my) (?:family|household))(?: in (?:the|our|my) (?:family|household))?$/u.exec(s);
  if (!m) return null;
  const n = /^[0-9]+$/u.test(m[1]) ? Number(m[1]) : EN_NUMBERS.indexOf(m[1]);
  return n > 0 ? n : null;
}

/** A set phrase's count or a plain number ("老两口", "就我一个", "4口"); null when the text is neither. */
function phraseCount(core: string): number | null {
  const phrase = W.HOUSEHOLD_PHRASES[core] ?? W.HOUSEHOLD_PHRASES[stripAffixes(core, ['就', '只有', '只'], [])];
  if (phrase !== undefined) return phrase;
  const plain = parseInteger(core, { min: 1, max: 99 });
  return plain.ok ? plain.value : null;
}

/** "我跟老伴俩", "我和孙女两个": two people listed, then said to be two. */
function pairCount(core: string): number | null {
  const both = /^(.+?)(?:俩|两个|两人|二人)$/u.exec(core);
  return both && countListed(both[1]) === 2 ? 2 : null;
}

const NUMBER_WORD = /[0-9零一二两俩三仨四五六七八九十]/u;

/**
 * The count of the one clause that gives it, the others only about members ("两个在外打工", "儿子在外地",
 * "老伴走了"): a figure there is some of the household (not more than the count), never added to it.
 * Null when no clause or more than one gives a count, or another clause says something else.
 */
function clauseCount(text: string, range: { min: number; max: number }): ParseResult<number, 'counted'> | null {
  const clauses = stripTrailingPunctuation(normalizeInput(text)).split(/[\s,，;；。.!！]+/u).filter((c) => c !== '');
  if (clauses.length < 2) return null;
  const read = clauses.map((c) => {
    const core = stripAffixes(c, W.HOUSEHOLD_PREFIXES, W.HOUSEHOLD_SUFFIXES);
    const exact = phraseCount(core) ?? pairCount(core);
    if (exact !== null) return { n: exact, exact: true };
    const listed = countListed(core);
    return listed !== null ? { n: listed, exact: false } : null;
  });
  const counts = read.flatMap((r, i) => (r ? [{ ...r, i }] : []));
  if (counts.length !== 1) return null;
  const [{ n, exact, i }] = counts;
  const others = clauses.filter((_, j) => j !== i);
  // each other clause only about members: where they are, with a figure not above the count
  const aboutMembers = (c: string) => {
    if (!W.ABOUT_MEMBERS.test(c)) return false;
    const figures = [...c.matchAll(/([0-9零一二两俩三仨四五六七八九十]+)(?:个|口|人)/gu)].map((m) => parseChineseNumber(m[1]));
    return figures.every((f) => f !== null && f <= n) && (figures.length > 0 || !NUMBER_WORD.test(c.replace(/[一]?个月/gu, '')));
  };
  if (!others.every((c) => W.FEW_PEOPLE.test(c) || aboutMembers(c.replace(/[大二三四五小老幺](?=儿子|女儿|闺女|孙子|孙女)/gu, '')))) return null;
  if (n < range.min || n > range.max) return { ok: false, reason: 'choice_out_of_range' };
  return exact ? { ok: true, value: n } : { ok: false, approx: 'counted', value: n };
}

/** The household size; `counted` (to confirm) when the people were listed rather than counted. */
export function readHouseholdSize(text: string, range = { min: 1, max: 20 }): ParseResult<number, 'counted'> {
  const english = englishCount(text);
  if (english !== null) return english < range.min || english > range.max ? { ok: false, reason: 'choice_out_of_range' } : { ok: true, value: english };
  const s = stripTrailingPunctuation(normalizeInput(text)).replace(/\s+/g, '');
  if (s === '') return { ok: false, reason: 'empty' };
  const core = stripAffixes(s, W.HOUSEHOLD_PREFIXES, W.HOUSEHOLD_SUFFIXES);
  const inRange = (n: number): ParseResult<number, 'counted'> =>
    n < range.min || n > range.max ? { ok: false, reason: 'choice_out_of_range' } : { ok: true, value: n };

  const phrase = phraseCount(core);
  if (phrase !== null) return inRange(phrase);
  // "孤寡老人，就一个": the same count said twice, clause by clause
  const said = core.split(/[,，;；]/u).filter((c) => c !== '').map((c) => phraseCount(stripAffixes(c, W.HOUSEHOLD_PREFIXES, W.HOUSEHOLD_SUFFIXES)));
  if (said.length > 1 && said.every((n) => n !== null && n === said[0])) return inRange(said[0]!);
  const plain = parseInteger(core, range);
  if (plain.ok || plain.reason === 'choice_out_of_range') return plain;

  // "老两口带着个孙子", "我和老伴，还有两个孙子": people listed, one part a set phrase — counted, to confirm
  // "我 老伴 儿子 儿媳": people listed with spaces between them, as voice input writes them
  const spaced = stripTrailingPunctuation(normalizeInput(text)).trim().replace(/\s+/gu, '、');
  // "两个老的加两个小的": the 的 closing the list is a member's own
  const listed = countListed(core) ?? countListed(stripAffixes(s, W.HOUSEHOLD_PREFIXES, [])) ?? (spaced.includes('、') ? countListed(stripAffixes(spaced, W.HOUSEHOLD_PREFIXES, W.HOUSEHOLD_SUFFIXES)) : null);
  if (listed !== null) {
    const r = inRange(listed);
    return r.ok ? { ok: false, approx: 'counted', value: listed } : r;
  }
  // "我跟老伴俩": people listed, then how many they make
  const pair = pairCount(core);
  if (pair !== null) return inRange(pair);

  // "一家五口，两个人在外打工", "老伴走了，就剩我一个": one clause counts, the others say where members are
  const byClause = clauseCount(text, range);
  if (byClause !== null) return byClause;

  // "我家一共五口人，两个孩子在外上学": the one figure counted in 口 or 人
  // (not "两口子": a couple, one group of the household, never its count — "两口子俩孩子" is asked again)
  const counts = new Set([...s.matchAll(/([0-9零一二两俩三仨四五六七八九十]+)(?:口人|口(?!子)|个人|人)/gu)].map((m) => parseChineseNumber(m[1])));
  if (counts.size === 1) {
    const [n] = counts;
    // "4口人，还有两个孙子": more people besides the count (added or not?); "5口人，8个在外": more away than live there
    const besides = [...s.matchAll(/([0-9零一二两俩三仨四五六七八九十]+)个(?!月)/gu)].map((m) => parseChineseNumber(m[1]));
    const unclear = W.MORE_PEOPLE.test(s) || besides.some((b) => b === null || (n !== null && b > n));
    if (n !== null && !unclear) return inRange(n);
    // "4口人 老伴 儿子 儿媳 还有我": the people after the count are the count, listed — the same number
    const after = stripTrailingPunctuation(normalizeInput(text)).trim().replace(/^\S*?[0-9零一二两俩三仨四五六七八九十]+(?:口人|口|个人|人)[\s,，]+/u, '');
    const spelled = after.replace(/\s+/gu, '、').replace(/、?还有/gu, '、');
    if (n !== null && after !== normalizeInput(text).trim() && countListed(spelled) === n) return inRange(n);
    if (unclear) return { ok: false, reason: 'not_a_number' };
  }
  if (counts.size > 1) return { ok: false, reason: 'not_a_number' };

  return { ok: false, reason: 'not_a_number' };
}
