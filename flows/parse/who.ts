/**
 * Who is meant, read from an answer to "who is ill / who goes to school": the speaker ("我",
 * "本人", "是我"), a family member named by relation and perhaps by name ("我老伴", "我孙女王小芳",
 * "孩子他爸"), or two people at once ("我和老伴都病了", "我跟我儿子"), which one application
 * cannot hold and is never narrowed down silently. "我老伴" contains 我 and is still not "myself".
 */
import { normalizeInput } from './normalize';
import { readName } from './name';
import { COMMON_SURNAMES, surnameOf } from './surnames';
import {
  EN_FAMILY_WORDS, EN_JOINERS, EN_SELF_WORDS, EN_TWO_WORDS, FAMILY_WORDS, FILER_SAYS, JOINERS, leadingRelation, NOT_FAMILY_WORDS, ON_BEHALF_ACTS, ON_BEHALF_VERBS,
  OTHER_HOUSEHOLD_WORDS, SELF_WORDS, TWO_WORDS, withoutDescription,
} from './relations';

/** One person of an answer naming two: the speaker, or a relative (with the name when said). */
export type OnePerson = { kind: 'self' } | { kind: 'family'; relation?: string; name?: string };

export type WhoReading =
  | { kind: 'self' }
  /** Someone else in the family; the relation and name when they were said. */
  | { kind: 'family'; relation?: string; name?: string }
  /** Two (or more) people: one application is for one of them. `people`: who, when each was named. */
  | { kind: 'two'; people?: OnePerson[] }
  | { kind: 'unknown' };

/** Each person of a list once ("我和老伴" → self, 配偶), or undefined when one of them is not said plainly. */
function peopleOf(found: WhoReading[]): OnePerson[] | undefined {
  const people = found.filter((p): p is OnePerson => p.kind === 'self' || (p.kind === 'family' && p.relation !== undefined));
  return people.length === found.length && people.length > 1 ? people : undefined;
}

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
  if (notFamily(s)) return { kind: 'unknown' };
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

/** "亲家母", "俺亲家住院了": a relative of another household (the children's in-laws). */
export function otherHousehold(text: string): boolean {
  let s = clean(text);
  const owner = SPEAKER_POSS.find((p) => s.startsWith(p) && s.length > p.length);
  if (owner) s = s.slice(owner.length);
  return OTHER_HOUSEHOLD_WORDS.some((w) => s.startsWith(w));
}

/** "邻居", "我邻居", "隔壁家的": not someone in the family. */
export function notFamily(text: string): boolean {
  let s = text.trim().replace(/[的家]+$/u, '');
  const owner = SPEAKER_POSS.find((p) => s.startsWith(p) && s.length > p.length);
  if (owner) s = s.slice(owner.length);
  // made only of such words ("隔壁邻居", "村里的熟人")
  for (let prev = ''; prev !== s && s !== ''; ) {
    prev = s;
    const w = NOT_FAMILY_SORTED.find((x) => s.startsWith(x));
    if (w) s = s.slice(w.length).replace(/^[的家]+/u, '');
  }
  return s === '' && text.trim() !== '';
}
const NOT_FAMILY_SORTED = [...NOT_FAMILY_WORDS].sort((a, b) => b.length - a.length);

/** A clause that only names the person of the clause before it ("…，叫王秀英", "…，名字是王秀英"). */
const NAME_AFTER = /^(?:(?:他|她)?(?:的)?名字(?:叫做|叫|是)|(?:他|她)?(?:叫做|叫|名叫))/u;

/**
 * "我老伴，叫王秀英", "我孙女，她叫王小芳", "我老伴 王秀英": a relation alone, then a clause naming one
 * person (not the applicant) — the same person; null otherwise.
 */
function sameNamed(head: string, tail: string, applicantName?: string): WhoReading | null {
  const first = person(clean(head), applicantName);
  if (first.kind !== 'family' || first.relation === undefined || first.name !== undefined) return null;
  const r = readName(tail);
  if (r.kind !== 'name' || r.relation !== undefined || r.name === applicantName || !/^\p{Script=Han}/u.test(r.name)) return null;
  return { kind: 'family', relation: first.relation, name: r.name };
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
export function readWho(said: string, applicantName?: string): WhoReading {
  // "腿有残疾的弟弟": the relation without what is said about the person
  const text = withoutDescription(normalizeInput(said));
  if (otherHousehold(text)) return { kind: 'unknown' };
  const raw = normalizeInput(text).toLowerCase();
  if (TWO_WORDS.some((w) => raw.includes(w)) || EN_TWO_WORDS.some((w) => raw.includes(w))) {
    // "我和老伴都病了": who the two are, when each is named
    const each = parts(clean(text)).map((p) => person(clean(p), applicantName));
    return { kind: 'two', people: each.length > 1 ? peopleOf(each) : undefined };
  }
  // "我屋里的" (the wife): a relation word ending in 的 is read whole before "的" is taken off as talk
  const plain = normalizeInput(text).toLowerCase().replace(/[.!?~;:…。！？]+$/u, '').trim();
  if (plain.endsWith('的') && !JOINERS.some((j) => plain.includes(j))) {
    const whole = person(plain, applicantName);
    if (whole.kind === 'family' && whole.relation !== undefined) return whole;
  }
  const s = clean(text);
  if (s === '') return { kind: 'unknown' };
  const split = parts(s);
  // "我老伴，叫王秀英": the name said in a clause of its own after the relation is the same person's
  // (parted by a comma, never by 和 / 跟: "我老伴和王秀英" are two)
  if (split.length === 2 && s.split(/[,，\s]+/u).filter((p) => p !== '').length === 2) {
    const named = sameNamed(split[0], split[1], applicantName);
    if (named) return named;
  }
  if (split.length > 1) {
    const people = split.map((p) => person(clean(p), applicantName));
    if (people.every((p) => p.kind !== 'unknown')) return { kind: 'two', people: peopleOf(people) };
    // "王和平" (a name with 和 in it) is one person
  }
  return person(s, applicantName);
}

/** After "我"/"俺" at the start of a sentence, these say the speaker is the one who is ill ("我住院了", "俺得了脑梗"). */
const SELF_ILL_AFTER = [
  '住院', '生病', '病了', '得了', '得病', '查出', '做了手术', '做手术', '动了手术', '动手术', '开刀', '摔', '骨折', '中风', '脑梗', '瘫', '看病', '身体不好',
];
const SELF_STARTS = ['我自己', '俺自己', '本人', '我', '俺'];
const SELF_FILLERS = /^(?:今年|去年|前段时间|前些天|上个月|这次|最近|一直|也|又|刚)*/u;
const SPEAKER_POSS = ['我们家', '俺们家', '我家', '俺家', '咱家', '我的', '俺的', '我', '俺', '咱'];

/** A name said inside a sentence is kept only when it plainly is one: 2–4 characters after a common surname. */
function plainName(r: WhoReading): WhoReading {
  if (r.kind !== 'family' || r.name === undefined) return r;
  const n = Array.from(r.name).length;
  const surname = surnameOf(r.name);
  const plain = n >= 2 && n <= 4 && surname !== null && (surname.length > 1 || COMMON_SURNAMES.has(surname));
  return plain ? r : r.relation !== undefined ? { kind: 'family', relation: r.relation } : { kind: 'unknown' };
}

/**
 * Who a longer sentence is about ("我老伴住院花了三万二，想申请", "俺住院了", "孙子上大学"): the
 * person alone in a clause ("我孙女王小芳，上大学"), a relation owned by the speaker or opening
 * the sentence, or the speaker saying they are ill. Two people are never narrowed to one.
 */
export function whoIn(text: string, applicantName?: string): WhoReading {
  const s = normalizeInput(text).toLowerCase();
  const clauses = s.split(/[\s,.;:!?~、，。；：！？]+/u).filter((c) => c !== '');
  // "我老伴，叫王秀英": a clause only naming the person before it is read with that clause
  for (let i = clauses.length - 1; i > 0; i--) {
    if (NAME_AFTER.test(clauses[i]) && sameNamed(clauses[i - 1], clauses[i], applicantName)) clauses.splice(i - 1, 2, `${clauses[i - 1]},${clauses[i]}`);
  }
  if (TWO_WORDS.some((w) => s.includes(w))) {
    const named = clauses.map((c) => readWho(c, applicantName)).find((r) => r.kind === 'two' && r.people !== undefined);
    return named ?? { kind: 'two' };
  }
  const found = clauses.map((c) => plainName(readWho(c, applicantName))).filter((r) => r.kind !== 'unknown');
  const two = found.find((r) => r.kind === 'two');
  if (two) return two;
  const same = found.every((r) => r.kind === found[0].kind && (r.kind !== 'family' || found[0].kind !== 'family' || r.relation === found[0].relation));
  if (found.length > 0) return same ? found.find((r) => r.kind === 'family' && r.name !== undefined) ?? found[0] : { kind: 'two', people: peopleOf(found) };
  const relations = new Set<string>();
  for (let at = 0; at < s.length; at++) {
    const poss = at === 0 ? '' : SPEAKER_POSS.find((p) => s.slice(0, at).endsWith(p));
    if (at > 0 && !poss) continue;
    const hit = leadingRelation(s.slice(at));
    // "我哥的儿子" is not the brother: someone's relative is another relation
    if (hit && !hit.rest.startsWith('们') && !(hit.rest.startsWith('的') && leadingRelation(hit.rest.slice(1)))) relations.add(hit.hit.value);
  }
  if (relations.size > 1) return { kind: 'two', people: [...relations].map((relation) => ({ kind: 'family', relation }) as const) };
  if (relations.size === 1) return { kind: 'family', relation: [...relations][0] };
  for (const start of SELF_STARTS) {
    if (!s.startsWith(start)) continue;
    const rest = s.slice(start.length).replace(SELF_FILLERS, '');
    if (SELF_ILL_AFTER.some((w) => rest.startsWith(w))) return { kind: 'self' };
  }
  return { kind: 'unknown' };
}

/** A sentence written for someone else, and who is ill in it (see onBehalf). */
export interface OnBehalf {
  /** The relative written for, as the typist calls them ("帮我爸申请" → 父亲); undefined when only "我是他儿子" says it. */
  relation?: string;
  /** Who is ill: the person written for (the applicant), another person, or not said. */
  patient: 'applicant' | 'other' | 'unknown';
}

const ILL_AFTER_PRONOUN = /(?:^|[\s,.;:!?~、，。；：！？])(?:他|她)(?:老人家)?(?:今年|去年|前段时间|前些天|最近|也|又|刚|突然)*(?:住院|生病|病了|病倒|得了|得病|查出|做了手术|动了手术|中风|脑梗|脑出血|摔|骨折|瘫|癌)/u;

/**
 * "我是他儿子，帮我爸申请帮扶，他脑出血住院了": the typist writes for a relative, who is the
 * applicant — so a relation in the sentence is the typist's, not the applicant's, and the one
 * written for being ill makes the patient the applicant himself. Null when the sentence does not
 * say it is written for someone else.
 */
export function onBehalf(text: string): OnBehalf | null {
  const s = normalizeInput(text).toLowerCase();
  let relation: string | undefined;
  let span: [number, number] | undefined;
  for (let at = 0; at < s.length && relation === undefined; at++) {
    const verb = ON_BEHALF_VERBS.find((v) => s.startsWith(v, at));
    if (!verb) continue;
    let from = at + verb.length;
    const poss = SPEAKER_POSS.find((p) => s.startsWith(p, from));
    if (poss) from += poss.length;
    const hit = leadingRelation(s.slice(from));
    if (hit && ON_BEHALF_ACTS.test(hit.rest)) {
      relation = hit.hit.value;
      span = [at, s.length - hit.rest.length];
    }
  }
  const filer = FILER_SAYS.exec(s);
  if (relation === undefined && !filer) return null;
  // the rest of the sentence, without the words saying for whom it is written
  let rest = span ? s.slice(0, span[0]) + '，' + s.slice(span[1]) : s;
  if (filer) {
    const after = rest.slice(filer.index + filer[0].length);
    const own = leadingRelation(after);
    rest = rest.slice(0, filer.index) + '，' + (own ? own.rest : after);
  }
  const who = whoIn(rest);
  if (ILL_AFTER_PRONOUN.test(rest) && (who.kind === 'unknown' || (who.kind === 'family' && who.relation === relation))) return { relation, patient: 'applicant' };
  if (who.kind === 'family' && relation !== undefined && who.relation === relation) return { relation, patient: 'applicant' };
  return { relation, patient: who.kind === 'unknown' ? 'unknown' : 'other' };
}
