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
  const count = part.slice(0, part.length - who.length).replace(/个$/u, '').replace(/^我的|^我|^俺的|^俺/u, '');
  if (count === '') return 1;
  const n = parseChineseNumber(count);
  return n !== null && n >= 1 && n <= 10 ? n : null;
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
  const listed = countListed(core);
  if (listed !== null) {
    const r = inRange(listed);
    return r.ok ? { ok: false, approx: 'counted', value: listed } : r;
  }
  // "我跟老伴俩": people listed, then how many they make
  const both = /^(.+?)(?:俩|两个|两人|二人)$/u.exec(core);
  if (both && countListed(both[1]) === 2) return inRange(2);

  // "我家一共五口人，两个孩子在外上学": the one figure counted in 口 or 人
  const counts = new Set([...s.matchAll(/([0-9零一二两俩三仨四五六七八九十]+)(?:口人|口|个人|人)/gu)].map((m) => parseChineseNumber(m[1])));
  if (counts.size === 1) {
    const [n] = counts;
    if (n !== null) return inRange(n);
  }
  if (counts.size > 1) return { ok: false, reason: 'not_a_number' };

  return { ok: false, reason: 'not_a_number' };
}
