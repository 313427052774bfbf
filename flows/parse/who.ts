/**
 * Who is meant, read from an answer to "who is ill / who goes to school": the speaker ("我",
 * "本人", "是我"), a family member named by relation and perhaps by name ("我老伴", "我孙女王小芳",
 * "孩子他爸"), or two people at once ("我和老伴都病了", "我跟我儿子"), which one application
 * cannot hold and is never narrowed down silently. "我老伴" contains 我 and is still not "myself".
 */
import { normalizeInput } from './normalize';
import { readName } from './name';
import {
  EN_FAMILY_WORDS, EN_JOINERS, EN_SELF_WORDS, EN_TWO_WORDS, FAMILY_WORDS, JOINERS, SELF_WORDS, TWO_WORDS,
} from './relations';

export type WhoReading =
  | { kind: 'self' }
  /** Someone else in the family; the relation and name when they were said. */
  | { kind: 'family'; relation?: string; name?: string }
  /** Two (or more) people: one application is for one of them. */
  | { kind: 'two' }
  | { kind: 'unknown' };

// What is said about the person after naming them: "我老伴病了", "是我儿子在住院".
const ABOUT = [
  '都生病了', '都住院了', '都病了', '都在住院', '生病住院了', '生病了', '住院了', '得病了', '病倒了', '在住院', '病了', '生病', '住院', '得病',
  '在上学', '上学', '读书', '在读书', '要上学', '的', '呢',
  ' is ill', ' is sick', ' are ill', ' are sick', ' is in hospital',
];
const byLength = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length);
const ABOUT_SORTED = byLength(ABOUT);

function clean(text: string): string {
  let s = normalizeInput(text).toLowerCase().replace(/[.!?~;:…。！？]+$/u, '').trim();
  for (let prev = ''; prev !== s; ) {
    prev = s;
    const tail = ABOUT_SORTED.find((t) => s.endsWith(t) && s.length > t.length);
    if (tail) s = s.slice(0, -tail.length).trim();
  }
  return s;
}

/** One person's part of an answer: the speaker, a relative (with a name), someone named, or nobody. */
function person(part: string, applicantName?: string): WhoReading {
  const s = part.trim();
  if (s === '') return { kind: 'unknown' };
  if (SELF_WORDS.includes(s) || EN_SELF_WORDS.includes(s)) return { kind: 'self' };
  if (FAMILY_WORDS.includes(s) || EN_FAMILY_WORDS.includes(s)) return { kind: 'family' };
  const r = readName(s);
  switch (r.kind) {
    case 'relation_only':
      return { kind: 'family', relation: r.relation };
    case 'name':
      if (r.relation === undefined && applicantName !== undefined && r.name === applicantName) return { kind: 'self' };
      return { kind: 'family', relation: r.relation, name: r.name };
    case 'nickname':
    case 'surname_only':
    case 'check':
      // the relation is certain; the name is asked in its own question
      return r.relation !== undefined ? { kind: 'family', relation: r.relation } : { kind: 'unknown' };
    default:
      return { kind: 'unknown' };
  }
}

/** Splits "我和老伴", "老伴跟儿子", "my wife and me" at the joining words. */
function parts(s: string): string[] {
  let out = [s];
  for (const j of [...JOINERS, ...EN_JOINERS]) out = out.flatMap((p) => p.split(j));
  return out.map((p) => p.trim()).filter((p) => p !== '');
}

/**
 * Who the answer names. `applicantName`: the applicant's own name, so that saying it means
 * "myself" rather than someone else of the same name.
 */
export function readWho(text: string, applicantName?: string): WhoReading {
  const raw = normalizeInput(text).toLowerCase();
  if (TWO_WORDS.some((w) => raw.includes(w)) || EN_TWO_WORDS.some((w) => raw.includes(w))) return { kind: 'two' };
  const s = clean(text);
  if (s === '') return { kind: 'unknown' };
  const split = parts(s);
  if (split.length > 1) {
    const people = split.map((p) => person(clean(p), applicantName));
    if (people.every((p) => p.kind !== 'unknown')) return { kind: 'two' };
    // "王和平" (a name with 和 in it) is one person
  }
  return person(s, applicantName);
}
