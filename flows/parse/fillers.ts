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

/** A thinking word standing alone before the answer ("嗯，不是", "啊 对", "那个…两万"): never a yes of its own there. */
const LEAD_CLAUSE = new RegExp(`^(?:${LEAD.join('|')})(?:[\\s,.;:!~、…]+|(?=[0-9零〇一二两三四五六七八九十]))`, 'u');

/**
 * The answer without the thinking words said before it as a clause of their own: "嗯，不是。" → 不是,
 * "嗯 还没报呢" → 还没报呢, "那个…两万" → 两万, "嗯五个" → 五个. A filler that is the whole answer
 * ("嗯" — a yes) or runs into a word ("就业", "就我一个") stays.
 */
export function withoutLeadingFillers(text: string): string {
  let s = normalizeInput(text).replace(/^[\s,.;:!~、…]+(?=[^\s,.;:!~、…])/u, '');
  for (let prev = ''; prev !== s; ) {
    prev = s;
    const m = LEAD_CLAUSE.exec(s);
    // "就" and "就是" run into figures as words of their own ("就是5口"): only as a clause
    if (m && m[0].length < s.length && !(/^就/u.test(m[0]) && !/[\s,.;:!~、…]$/u.test(m[0]))) s = s.slice(m[0].length);
  }
  return s;
}
