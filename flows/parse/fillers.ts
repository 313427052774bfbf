/**
 * Words a villager says while thinking (那个, 就是, 嗯, 这个, 啊), kept as data and taken out before
 * a name of a place, an illness or a relation is filed: "就县人民医院看的" → 县人民医院看的 (the hospital
 * reader then takes 县人民医院), "县城那个一中" → 县城一中, "就是那个 那个 肺结核" → 肺结核.
 */
import { normalizeInput } from './normalize';

/** Said before the answer; the longest first. */
export const LEADING_FILLERS: readonly string[] = [
  '就是那个', '就是这个', '就那个', '就这个', '那个', '这个', '就是', '嗯嗯', '嗯', '呃', '啊', '哦', '噢', '唔', '就',
];

/** Said inside a name of a place ("县城那个一中", "镇上那个卫生院"): a pointing word, no part of the name. */
export const INNER_FILLERS: readonly string[] = ['那个', '这个'];

/** After a relation, the pronoun pointing at the person ("是我妈妈她", "儿媳妇他"). */
export const TRAILING_PRONOUNS: readonly string[] = ['她', '他'];

const LEAD = [...LEADING_FILLERS].sort((a, b) => b.length - a.length);
const SEP = /^[\s,.;:!~、]+/u;

/** The text without the thinking words around and inside it; the text itself when nothing else is left. */
export function stripFillers(text: string): string {
  let s = normalizeInput(text);
  for (let prev = ''; prev !== s; ) {
    prev = s;
    const w = LEAD.find((x) => s.startsWith(x) && s.length > x.length);
    // "就" only before a word, never as the start of one ("就业" is not said to an illness or a hospital question)
    if (w) s = s.slice(w.length).replace(SEP, '');
  }
  for (const w of INNER_FILLERS) s = s.replace(new RegExp(`(?<=\\p{Script=Han})\\s*${w}\\s*(?=\\p{Script=Han})`, 'gu'), '');
  return s.trim() === '' ? normalizeInput(text) : s.trim();
}
