/**
 * A person's name taken out of what a villager says: "我叫李桂兰" → 李桂兰, "户主是王大山",
 * "李桂兰（户主）", "姓王，叫王小芳", "我孙女王小芳" → 王小芳 (and the relation 孙女).
 *
 * A name goes on official papers, so what is not plainly one is never taken as it stands:
 * a way of calling someone (老李, 小芳, 李老汉, 二丫, 张师傅) asks for the full name; a name
 * not beginning with a known surname (surnames.ts), or one put together from "姓王，叫小芳",
 * is said back to be checked. Minority names with "·" (买买提·吐尔逊) and Latin names are taken
 * as written. The words around names are data (name-words.ts, relations.ts).
 */
import { normalizeInput } from './normalize';
import { isBareYesNo } from './yes-no';
import { COMMON_SURNAMES, isSurnameOnly, surnameOf } from './surnames';
import { leadingRelation, POSSESSIVES, EN_POSSESSIVES, RELATIONS, withoutDescription } from './relations';
import {
  AS_ON_ID, BIRTH_ORDER, GRADE_WORDS, NAME_OWNERS, NEVER_IN_NAME, CALLING_MAX_LENGTH, CALLING_PREFIXES, MIDDLE_DOT_VARIANTS, EN_NAME_LEADINS, HOME_NAME_CHARS, HONORIFICS, NAME_JOINERS, NAME_LEADINS,
  NAME_TAILS, NICKNAME_AFTER_SURNAME, NOT_NAME_CHARS, NOT_NAMES, PARTICLES, ROLE_WORDS,
} from './name-words';

export type NameReading =
  /** Understood: the name (and the relation said with it, "我孙女王小芳"). */
  | { kind: 'name'; name: string; relation?: string }
  /** Understood only approximately: say it back and ask. */
  | { kind: 'check'; name: string; relation?: string; why: 'surname' | 'composed' | 'honorific' }
  /** A way of calling someone, not the name on the ID card: ask for the full name. */
  | { kind: 'nickname'; said: string; relation?: string }
  /** Only a surname ("姓王"): ask for the full name. */
  | { kind: 'surname_only'; surname: string; relation?: string }
  /** Only a relation ("我老伴"): the name is still to be said. */
  | { kind: 'relation_only'; relation: string }
  | { kind: 'invalid'; why: 'empty' | 'digits' | 'too_short' | 'too_long' | 'chars' | 'not_a_name' | 'two_names'; names?: string[] };

const HAN = /^\p{Script=Han}+$/u;
const LATIN_NAME = /^[A-Za-z][A-Za-z .'-]*$/;
const byLength = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length);
const LEADINS = byLength(NAME_LEADINS);
const EN_LEADINS = byLength(EN_NAME_LEADINS);
const TAILS = byLength(NAME_TAILS);
const POSS = byLength(POSSESSIVES);
const EN_POSS = byLength(EN_POSSESSIVES);
const AS_ID = byLength(AS_ON_ID);
const HONORS = byLength(HONORIFICS);
const OWNERS = byLength(NAME_OWNERS);
const MINE = /[我俺咱]/u;
const AFTER_RELATION = ['名字叫', '名字是', '叫做', '叫', '是', 'is', 'named', 'called'];
const len = (s: string) => Array.from(s).length;

/** Punctuation and particles around the answer ("李桂兰啊。", "“王大山”"). */
function trim(s: string): string {
  let out = s;
  for (let prev = ''; prev !== out; ) {
    prev = out;
    out = out.replace(/^[\s.,!?~;:…、"'\-[\]]+|[\s.,!?~;:…、"'\-[\]]+$/gu, '');
    const last = Array.from(out).at(-1);
    if (len(out) > 2 && last !== undefined && PARTICLES.includes(last)) out = out.slice(0, -last.length);
  }
  return out;
}

function stripLeadin(s: string, words: readonly string[], caseless = false): string {
  const probe = caseless ? s.toLowerCase() : s;
  const w = words.find((x) => probe.startsWith(x) && len(s) > len(x));
  return w ? trim(s.slice(w.length)) : s;
}

/** A relation at the start, after an optional "我/俺家/是我的": "我孙女王小芳" → 孙女 + 王小芳. */
function relationFirst(s: string, english: boolean): { relation: string; rest: string } | null {
  const probe = english ? s.toLowerCase() : s;
  // the longest possessive first, then shorter ones and none: "我屋里的" is 我 + 屋里的 (the wife), not 我屋里 + "的"
  const owners = [...(english ? EN_POSS : POSS).filter((p) => probe.startsWith(p)), ''];
  for (const poss of owners) {
    const found = leadingRelation(poss ? trim(s.slice(poss.length)) : s);
    if (found) return { relation: found.hit.value, rest: stripLeadin(trim(found.rest), AFTER_RELATION, english) };
  }
  return null;
}

/** A relation at the end, owned by the speaker: "王秀英是我老伴", "李秀英（我妈）". Never "张三的妈妈". */
function relationLast(s: string): { relation: string; rest: string } | null {
  for (const r of RELATIONS) {
    for (const w of byLength(r.words)) {
      if (!s.endsWith(w)) continue;
      const head = s.slice(0, -w.length);
      const poss = POSS.find((p) => head.endsWith(p) && MINE.test(p));
      if (poss) return { relation: r.zh, rest: trim(head.slice(0, -poss.length)) };
    }
  }
  return null;
}

/** "姓王，叫王小芳" → 王小芳; "姓王叫小芳" → 王小芳 put together (checked); "姓王" → the surname only. */
function surnameSaid(s: string): NameReading | null {
  const m = /^(?:我|俺|他|她|病人|孩子)?姓(\p{Script=Han}.*)$/u.exec(s);
  if (!m) return null;
  const after = m[1];
  // a compound surname when the two characters make one ("姓欧阳")
  const surname = [after.slice(0, 2), after.slice(0, 1)].find((x) => isSurnameOnly(x));
  if (!surname) return null;
  const rest = trim(after.slice(surname.length).replace(/^[,\s]*(?:名字)?(?:叫做|叫|是|名)?[,\s]*/u, ''));
  if (rest === '') return { kind: 'surname_only', surname };
  if (rest.startsWith(surname)) return judge(rest, false);
  const put = judge(surname + rest, false);
  return put.kind === 'name' ? { kind: 'check', name: put.name, why: 'composed' } : put;
}

/** A way of calling someone rather than a name: 老李, 小芳, 阿明, 二丫, 狗蛋, 芳芳, 李老汉, 张师傅. */
function calling(c: string): NameReading | null {
  const chars = Array.from(c);
  const unknownFirst = surnameOf(c) === null;
  if (unknownFirst && CALLING_PREFIXES.includes(chars[0]) && chars.length <= (CALLING_MAX_LENGTH[chars[0]] ?? 4)) return { kind: 'nickname', said: c };
  if (chars.length === 2 && chars[0] === chars[1]) return { kind: 'nickname', said: c };
  if (unknownFirst && chars.length <= 3 && BIRTH_ORDER.includes(chars[0])) return { kind: 'nickname', said: c };
  if (unknownFirst && chars.length <= 3 && chars.some((ch) => HOME_NAME_CHARS.includes(ch))) return { kind: 'nickname', said: c };
  // 王老五, 张二狗子: the surname, and a way of calling him at home
  const sur = surnameOf(c);
  if (sur !== null && NICKNAME_AFTER_SURNAME.some((p) => p.test(c.slice(sur.length)))) return { kind: 'check', name: c, why: 'honorific' };
  for (const h of HONORS) {
    if (!c.endsWith(h) || c.length === h.length) continue;
    const head = c.slice(0, -h.length);
    if (isSurnameOnly(head)) return { kind: 'nickname', said: c };
    // "李桂兰奶奶": a full name with a way of addressing her after it — said back, not assumed
    if (h.length > 1 && surnameOf(head) !== null && len(head) >= 2 && len(head) <= 4) return { kind: 'check', name: head, why: 'honorific' };
  }
  return null;
}

/** Decide on what is left once the words around it are gone. `asOnId`: said to be exactly as on the ID card. */
function judge(c: string, asOnId: boolean): NameReading {
  if (c === '') return { kind: 'invalid', why: 'not_a_name' };
  if (c.includes('·')) {
    const parts = c.split('·');
    if (!parts.every((p) => HAN.test(p) || LATIN_NAME.test(p))) return { kind: 'invalid', why: 'chars' };
    const n = len(c);
    return n < 2 ? { kind: 'invalid', why: 'too_short' } : n > 20 ? { kind: 'invalid', why: 'too_long' } : { kind: 'name', name: c };
  }
  if (!HAN.test(c)) return { kind: 'invalid', why: /\p{Script=Han}/u.test(c) ? 'not_a_name' : 'chars' };
  // "同意", "好的", "没问题": a reply to the chat, never a name (a misplaced one is asked again, not said back)
  if (NOT_NAMES.includes(c) || isBareYesNo(c) || Array.from(c).some((ch) => NOT_NAME_CHARS.includes(ch))) return { kind: 'invalid', why: 'not_a_name' };
  // "高二老二初一": school grades, not a name beginning with the surname 高
  if (NEVER_IN_NAME.test(c) || (c.match(GRADE_WORDS)?.length ?? 0) > 1) return { kind: 'invalid', why: 'not_a_name' };
  const twice = /^(\p{Script=Han}{2,})\1$/u.exec(c); // "李桂兰李桂兰": said twice
  if (twice) return judge(twice[1], asOnId);
  const n = len(c);
  if (n < 2) return { kind: 'invalid', why: 'too_short' };
  // "李秀英和王大山", "我孙子王小明和孙女王小芳": two people — which one is asked, with the names heard
  const split = c.split(NAME_JOINERS).filter((p) => p !== '');
  if (split.length > 1 && split.every((p) => len(p) >= 2 && surnameOf(p) !== null)) {
    const names = split.map((p) => readHan(p)).flatMap((r) => (r.kind === 'name' ? [r.name] : []));
    return { kind: 'invalid', why: 'two_names', ...(names.length === split.length ? { names } : {}) };
  }
  if (n > 20) return { kind: 'invalid', why: 'too_long' };
  if (n > 6) return { kind: 'invalid', why: 'not_a_name' }; // a sentence, not a name without "·"
  if (asOnId) return { kind: 'name', name: c };
  if (isSurnameOnly(c)) return { kind: 'surname_only', surname: c };
  const call = calling(c);
  if (call) return call;
  const surname = surnameOf(c);
  // "桂兰": a rare surname and one more character — more likely a given name alone
  const givenAlone = n === 2 && surname !== null && surname.length === 1 && !COMMON_SURNAMES.has(surname);
  return surname === null || givenAlone ? { kind: 'check', name: c, why: 'surname' } : { kind: 'name', name: c };
}

function withRelation(r: NameReading, relation: string | undefined): NameReading {
  if (relation === undefined || r.kind === 'invalid' || r.kind === 'relation_only') return r;
  return { ...r, relation };
}

function readLatin(s: string): NameReading {
  let c = trim(stripLeadin(s, EN_LEADINS, true));
  let relation: string | undefined;
  const rel = relationFirst(c, true);
  if (rel) {
    if (rel.rest === '') return { kind: 'relation_only', relation: rel.relation };
    relation = rel.relation;
    c = trim(rel.rest);
  }
  if (/[\p{Script=Han}·]/u.test(c)) return withRelation(readHan(c), relation);
  if (!LATIN_NAME.test(c)) return { kind: 'invalid', why: 'chars' };
  if (c.length < 2) return { kind: 'invalid', why: 'too_short' };
  if (c.length > 20) return { kind: 'invalid', why: 'too_long' };
  return withRelation({ kind: 'name', name: c }, relation);
}

/**
 * Spaces typed between the characters of a name ("赵 淑 芬", "王 富贵") are not part of it; between
 * words ("王子豪 上初二") they part a name from what is said about it, and stay.
 */
export function joinSpacedName(text: string): string {
  const chunks = text.trim().split(/\s+/u);
  const lone = (c: string) => /^[\p{Script=Han}·][.,!?~;:、"']*$/u.test(c);
  const han = (c: string | undefined) => c !== undefined && /^[\p{Script=Han}·]/u.test(c);
  let out = chunks[0] ?? '';
  for (let i = 1; i < chunks.length; i++) {
    // a lone character joins the chunk before it ("杨 秀 英"); a lone first one, the chunk after it ("王 富贵")
    // "王小明 男 16岁": 男/女 after a whole name says the sex, it is no character of the name
    const sex = /^[男女][.,!?~;:、"']*$/u.test(chunks[i]) && Array.from(out.split(' ').pop() ?? '').length >= 2;
    const join = (lone(chunks[i]) && !sex && /[\p{Script=Han}·]$/u.test(chunks[i - 1])) || (i === 1 && lone(chunks[0]) && han(chunks[1]));
    out += (join ? '' : ' ') + chunks[i];
  }
  return out;
}

/** "我叫王富贵。我叫王富贵。": the same sentence said twice (a voice message sent again) is said once. */
function once(s: string): string {
  return /^(.{2,}?)[\s.,!?;~]*\1[\s.,!?;~]*$/u.exec(s)?.[1] ?? s;
}

/**
 * A false start said before the whole ("谭 谭秋菊", "王 王 王富贵", "谭秋 谭秋菊": a voice message that
 * stuttered): a chunk that only begins the next one is dropped.
 */
export function dropFalseStarts(text: string): string {
  const chunks = text.trim().split(/\s+/u);
  const kept = chunks.filter((c, i) => {
    const next = chunks[i + 1];
    return !(next !== undefined && /^\p{Script=Han}+$/u.test(c) && next.length > c.length && next.startsWith(c));
  });
  return kept.join(' ');
}

/**
 * A minority name with "." or a space for its "·" ("阿依古丽.吐尔逊", "吾买尔江 艾力"): the name with "·",
 * to be said back; null when the text is not one (two parts of two or more characters, the first not
 * beginning with a common surname — "李桂兰 王小芳" are two people).
 */
function dottedName(s: string): string | null {
  const parts = s.split(MIDDLE_DOT_VARIANTS).filter((p) => p !== '');
  if (parts.length !== 2 || s.split(MIDDLE_DOT_VARIANTS).length !== 2) return null;
  if (!parts.every((p) => /^\p{Script=Han}{2,}$/u.test(p))) return null;
  // "我叫 阿依古丽", "老伴 古丽", "阿依古丽 户主": words around a name, not its second part
  const aroundName = (p: string) =>
    Array.from(p).some((ch) => NOT_NAME_CHARS.includes(ch)) || NOT_NAMES.includes(p) || ROLE_WORDS.includes(p) || NAME_TAILS.includes(p) ||
    NAME_LEADINS.some((w) => p.startsWith(w)) || leadingRelation(p) !== null || PARTICLES.includes(Array.from(p).at(-1) ?? '');
  // "两个孩子都在上学 老大高二老二初一": a sentence, not a name in two parts
  if (parts.some((p) => aroundName(p) || len(p) > 7 || /[个两俩]/u.test(p))) return null;
  const sur = surnameOf(parts[0]);
  if (sur !== null && COMMON_SURNAMES.has(sur)) return null;
  return len(parts[0]) + len(parts[1]) >= 4 ? parts.join('·') : null;
}

function readHan(text: string): NameReading {
  const dotted = dottedName(normalizeInput(text).replace(/[.]+$/u, ''));
  if (dotted) return { kind: 'check', name: dotted, why: 'composed' };
  // "我那个在城里打工的儿子叫王强": what is said about the person is no part of the name
  let s = trim(withoutDescription(once(joinSpacedName(dropFalseStarts(text))).replace(/[•・‧]/gu, '·')));
  let relation: string | undefined;
  let asOnId = false;
  // The words around the name are taken off until nothing more comes off.
  for (let prev = ''; prev !== s; ) {
    prev = s;
    const bracket = /^(.+?)\(([^()]*)\)$/u.exec(s);
    if (bracket) {
      const inner = trim(bracket[2]);
      const rel = relationFirst(inner, false);
      // "王晓明（小名明明）": what the person is called at home is a note, not the name
      if (ROLE_WORDS.includes(inner) || /^(?:小名|乳名|外号|绰号|昵称|小号|又叫|也叫)/u.test(inner)) s = trim(bracket[1]);
      else if (AS_ID.some((w) => inner.startsWith(w))) {
        asOnId = true; // "王富贵（身份证上的名字）"
        s = trim(bracket[1]);
      }
      else if (rel && rel.rest === '') {
        relation ??= rel.relation;
        s = trim(bracket[1]);
      } else return { kind: 'invalid', why: 'not_a_name' };
    }
    const tail = TAILS.find((t) => s.endsWith(t) && len(s) > len(t));
    if (tail) s = trim(s.slice(0, -tail.length));
    const onId = AS_ID.find((w) => s.startsWith(w) && len(s) > len(w));
    if (onId) {
      asOnId = true;
      s = trim(s.slice(onId.length));
    }
    // "俺家那个叫王建国", "我们家户主叫徐春生": the owner goes with the lead-in after it
    // ("我们家老头子叫…" is a relation, kept below)
    const owner = OWNERS.find((o) => s.startsWith(o) && !leadingRelation(s.slice(o.length)) && LEADINS.some((w) => s.startsWith(w, o.length) && len(s) > len(o) + len(w)));
    s = stripLeadin(owner && !LEADINS.some((w) => s.startsWith(w)) ? s.slice(owner.length) : s, LEADINS);
    const said = surnameSaid(s);
    if (said) return withRelation(said, relation);
    const last = relationLast(s);
    if (last && last.rest !== '') {
      relation ??= last.relation;
      s = last.rest;
    }
    const first = relationFirst(s, false);
    if (first) {
      if (first.rest === '') return { kind: 'relation_only', relation: relation ?? first.relation };
      const rest = surnameSaid(first.rest) ?? judge(first.rest, asOnId);
      // "我孙子王小明和孙女王小芳": two people named
      if (rest.kind === 'invalid' && rest.why === 'two_names' && rest.names !== undefined) return rest;
      // "孙子明" is a name, not the relation 孙子 before "明"
      const aName = rest.kind === 'name' || rest.kind === 'nickname' || (rest.kind === 'check' && rest.why !== 'surname');
      if (aName || (rest.kind === 'surname_only' && first.rest.startsWith('姓'))) return withRelation(rest, relation ?? first.relation);
    }
  }
  return withRelation(judge(s, asOnId), relation);
}

/** The name in a villager's answer; see the file comment for the forms read. */
export function readName(text: string): NameReading {
  const s = normalizeInput(text);
  if (s === '') return { kind: 'invalid', why: 'empty' };
  if (/\d/.test(s)) return { kind: 'invalid', why: 'digits' };
  if (!/[\p{Script=Han}A-Za-z]/u.test(s)) return { kind: 'invalid', why: 'chars' };
  const latin = /^[A-Za-z]/.test(s) && !/\p{Script=Han}/u.test(s.split(/\s/)[0]);
  return latin ? readLatin(s) : readHan(s);
}
