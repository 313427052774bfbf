/**
 * Where a patient was treated, taken out of a sentence: "在县医院看的肺癌" → 县医院 (and what is
 * left: "肺癌"), "肺癌，县人民医院" → 县人民医院. And the level a hospital's name plainly says:
 * 县人民医院 → county, 镇卫生院 → township, 市中心医院 → city, 省人民医院 → province; a name
 * without such a mark (协和医院) says none. The words are data in hospital-words.ts.
 */
import { normalizeInput } from './normalize';
import {
  AROUND_ILLNESS, BEFORE_HOSPITAL, EN_AROUND_ILLNESS, EN_BEFORE_HOSPITAL, EN_HOSPITAL_ENDINGS, HOSPITAL_ENDINGS, HOSPITAL_SEQUENCE, LEVEL_MARKS, NO_HOSPITAL_MARKS,
  VAGUE_BEFORE_HOSPITAL,
  LEVEL_ONLY, PLACE_ONLY,
} from './hospital-words';

export type HospitalLevel = 'township' | 'county' | 'city' | 'province';

const byLength = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length);
const ENDINGS = byLength(HOSPITAL_ENDINGS);
const BEFORE = byLength(BEFORE_HOSPITAL);
const AROUND = byLength(AROUND_ILLNESS);
const NAME_CHAR = /[\p{Script=Han}A-Za-z0-9·()（）]/u;
/** Inside a run of characters, these place what follows ("尿毒症在市二院", "脑梗住进县医院"). */
const PLACING = ['住进了', '住进', '送到了', '送到', '转到了', '转到', '转去', '去了', '在', '到', '转'];
const SEP = /[\s,.;:!?~、，。；：！？]+/gu;

/** The hospital named in `text` (with at least one character before its ending), and the text around it; null when none, or two ("先在镇卫生院，后来转到市医院": kept as said). */
export function findHospital(text: string): { name: string; before: string; after: string } | null {
  const first = firstHospital(text);
  if (!first) return null;
  return firstHospital(first.after) ? null : first;
}

function firstHospital(text: string): { name: string; before: string; after: string } | null {
  return firstChinese(text) ?? firstEnglish(text);
}

/** "lung cancer, County People's Hospital", "stroke, treated at the city hospital": the clause ending in "hospital". */
function firstEnglish(text: string): { name: string; before: string; after: string } | null {
  const s = normalizeInput(text);
  const lower = s.toLowerCase();
  const found = EN_HOSPITAL_ENDINGS.map((e) => ({ e, at: lower.search(new RegExp(`\\b${e}\\b`, 'u')) })).filter((x) => x.at >= 0).sort((a, b) => a.at - b.at)[0];
  if (!found) return null;
  const end = found.at + found.e.length;
  // the name starts after the last separator or lead-in word before its ending
  const head = s.slice(0, found.at);
  const cut = Math.max(head.lastIndexOf(','), head.lastIndexOf(';'), head.lastIndexOf('.'), head.lastIndexOf(':'));
  let name = s.slice(cut + 1, end).trim();
  for (let prev = ''; prev !== name; ) {
    prev = name;
    name = name.replace(EN_BEFORE_HOSPITAL, '');
  }
  // " at " / " in " inside what is left: the name is what follows it ("stroke at County Hospital")
  const inner = /\s(?:at|in)\s+(?:the\s+)?(.+)$/iu.exec(name);
  if (inner) name = inner[1];
  if (name.toLowerCase() === found.e) return null; // "the hospital" names none
  const at = s.lastIndexOf(name, end);
  return { name, before: s.slice(0, at), after: s.slice(at + name.length) };
}

function firstChinese(text: string): { name: string; before: string; after: string } | null {
  const s = normalizeInput(text);
  for (let end = 0; end < s.length; end++) {
    const ending = ENDINGS.find((e) => s.startsWith(e, end));
    if (!ending) continue;
    let start = end;
    while (start > 0 && NAME_CHAR.test(s[start - 1])) start--;
    let name = s.slice(start, end + ending.length);
    // the words leading up to the name in a sentence ("在", "住进了") are not part of it
    for (let cut = true; cut; ) {
      cut = false;
      const w = BEFORE.find((b) => name.startsWith(b) && name.length - b.length > ending.length);
      if (w) {
        name = name.slice(w.length);
        cut = true;
      }
    }
    // "尿毒症在市二院": the name starts after the last word that places it in the sentence
    const placed = Math.max(
      ...PLACING.map((w) => ({ w, at: name.lastIndexOf(w) })).filter(({ at }) => at >= 0).map(({ w, at }) => at + w.length).filter((at) => name.length - at > ending.length),
      0,
    );
    if (placed > 0) name = name.slice(placed);
    if (name.length <= ending.length) continue; // "医院" alone names none
    // "住的医院叫…", "看病的医院是…": only words leading up to a name, no name yet
    const head = name.slice(0, -ending.length);
    if (/^[的之那这个该家]+$/u.test(head) || BEFORE.some((b) => b.endsWith(head))) continue;
    const at = s.indexOf(name, start);
    return { name, before: s.slice(0, at), after: s.slice(at + name.length) };
  }
  return null;
}

/**
 * Two hospitals in one answer ("先在县医院后来转到省人民医院", "县医院，后来去了省城"): both names, in
 * the order said; null when fewer than two are named.
 */
export function twoHospitals(text: string): { first: string; last: string } | null {
  const first = firstHospital(text);
  if (!first) return null;
  let rest = first.after;
  let last: string | null = null;
  for (let next = firstHospital(rest); next; next = firstHospital(rest)) {
    last = next.name;
    rest = next.after;
  }
  return last === null ? null : { first: first.name, last: stripSequence(last) };
}

function stripSequence(name: string): string {
  const w = HOSPITAL_SEQUENCE.find((x) => name.startsWith(x));
  return w ? name.slice(w.length) : name;
}

/** "在家里吃药没住院": the answer says there was no hospital. */
export function saysNoHospital(text: string): boolean {
  const s = normalizeInput(text).replace(/\s+/gu, '');
  return NO_HOSPITAL_MARKS.some((m) => s.includes(m));
}

/** What is left of a sentence about the illness once the hospital and the words around it are gone ("看的肺癌" → "肺癌"). */
export function illnessAround(before: string, after: string): string {
  if (!/\p{Script=Han}/u.test(before + after)) return englishIllness(before, after);
  // each clause on its own: "脑梗，在省城的大医院住的" leaves "脑梗" and "住的", and "住的" is only words around it
  return `${before} ${after}`
    .split(SEP)
    .map(illnessIn)
    .filter((c) => c !== '' && !AROUND.includes(c))
    .join(',');
}

/** "lung cancer, " → "lung cancer"; "he had a stroke, we went to the " → "stroke". */
function englishIllness(before: string, after: string): string {
  return `${before} ${after}`
    .split(/[,.;:!?]+/u)
    .map((c) => c.trim().replace(EN_AROUND_ILLNESS, '').replace(EN_AROUND_ILLNESS, '').trim())
    .filter((c) => c !== '')
    .join(', ');
}

function illnessIn(clause: string): string {
  let s = clause;
  for (let prev = ''; prev !== s; ) {
    prev = s;
    s = s.trim();
    const head = AROUND.find((w) => s.startsWith(w));
    if (head) s = s.slice(head.length);
    const tail = AROUND.find((w) => s.endsWith(w) && s.length > w.length);
    if (tail) s = s.slice(0, -tail.length);
  }
  return s.trim();
}

/** The level the hospital's name says, from the mark nearest its end; null when it says none. */
export function hospitalLevel(name: string): HospitalLevel | null {
  let best: { at: number; level: HospitalLevel } | null = null;
  for (const { mark, level } of LEVEL_MARKS) {
    const at = name.toLowerCase().lastIndexOf(mark);
    if (at < 0) continue;
    const end = at + mark.length;
    if (!best || end > best.at) best = { at: end, level };
  }
  return best?.level ?? null;
}

const VAGUE = byLength(VAGUE_BEFORE_HOSPITAL);
const SEVERAL_HOSPITALS = /(?:几|好多|两|多)[个家所]?(?:医院|卫生院)$/u;

/** "俺们镇上的卫生院", "县里那个医院": the county's or the town's own hospital, described rather than named. */
const DESCRIBED = /^(?:我们|俺们|咱们|咱|俺|我|在|就在|是)?([县镇乡])((?:子)?(?:里|上|城里)?(?:的|那个|这个|那家|这家|那|这)*)(中心卫生院|卫生院|医院)$/u;

/**
 * The name a cadre would file for a hospital described by its place ("镇上的卫生院" → 镇卫生院,
 * "县里那个医院" → 县医院): a county or a town has one such hospital, unlike a city ("市里的医院"
 * stays vague). Null when the text is not such a description (a name, or vague).
 */
export function describedHospital(text: string): string | null {
  const s = normalizeInput(text).replace(/\s+/gu, '');
  const m = DESCRIBED.exec(s);
  if (!m) return null;
  // "俺们乡卫生院" is its name; only a place word or a pointing word between makes a description
  return m[2] === '' ? null : m[1] + m[3];
}

/** Only a hospital's ending or place words, no name at all ("医院", "镇上的", "县里的", "就在咱县里"). */
export function namesNoHospital(text: string): boolean {
  let s = normalizeInput(text).replace(/[\s\p{P}]+/gu, '');
  if (PLACE_ONLY.test(s) || LEVEL_ONLY.test(s)) return true;
  const ending = ENDINGS.find((e) => s.endsWith(e));
  if (ending) s = s.slice(0, -ending.length);
  for (let prev = ''; prev !== s; ) {
    prev = s;
    const w = VAGUE.find((v) => s.startsWith(v));
    if (w) s = s.slice(w.length);
    if (/^(?:我们|俺们|咱们|就是|就在|在|是)/u.test(s)) s = s.replace(/^(?:我们|俺们|咱们|就是|就在|在|是)/u, '');
  }
  return s === '';
}

/** "市里的医院", "省城的大医院": a place and a size, no name (see VAGUE_BEFORE_HOSPITAL). */
export function isVagueHospital(name: string): boolean {
  // "跑了好几家医院", "看了几个医院": several, not the one to file
  if (SEVERAL_HOSPITALS.test(name)) return true;
  const ending = ENDINGS.find((e) => name.endsWith(e));
  if (!ending || !/[里上城的大小外个家地]/u.test(name.slice(0, -ending.length))) return false;
  let head = name.slice(0, -ending.length);
  for (let prev = ''; prev !== head; ) {
    prev = head;
    const w = VAGUE.find((v) => head.startsWith(v));
    if (w) head = head.slice(w.length);
  }
  return head === '';
}
