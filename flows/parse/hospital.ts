/**
 * Where a patient was treated, taken out of a sentence: "在县医院看的肺癌" → 县医院 (and what is
 * left: "肺癌"), "肺癌，县人民医院" → 县人民医院. And the level a hospital's name plainly says:
 * 县人民医院 → county, 镇卫生院 → township, 市中心医院 → city, 省人民医院 → province; a name
 * without such a mark (协和医院) says none. The words are data in hospital-words.ts.
 */
import { normalizeInput } from './normalize';
import { AROUND_ILLNESS, BEFORE_HOSPITAL, EN_AROUND_ILLNESS, EN_BEFORE_HOSPITAL, EN_HOSPITAL_ENDINGS, HOSPITAL_ENDINGS, LEVEL_MARKS } from './hospital-words';

export type HospitalLevel = 'township' | 'county' | 'city' | 'province';

const byLength = (words: readonly string[]) => [...words].sort((a, b) => b.length - a.length);
const ENDINGS = byLength(HOSPITAL_ENDINGS);
const BEFORE = byLength(BEFORE_HOSPITAL);
const AROUND = byLength(AROUND_ILLNESS);
const NAME_CHAR = /[\p{Script=Han}A-Za-z0-9·()（）]/u;
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
    if (name.length <= ending.length) continue; // "医院" alone names none
    const at = s.indexOf(name, start);
    return { name, before: s.slice(0, at), after: s.slice(at + name.length) };
  }
  return null;
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
