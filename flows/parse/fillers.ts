/**
 * Words a villager says while thinking (那个, 就是, 嗯, 这个, 啊), kept as data and taken out before
 * a name of a place, an illness or a relation is filed: "就县人民医院看的" → 县人民医院看的 (the hospital
 * reader then takes 县人民医院), "县城那个一中" → 县城一中, "就是那个 那个 肺结核" → 肺结核.
 */
import { normalizeInput } from './normalize';
import { looksLikeQuestion } from './question';

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

/**
 * A clause that only asks back what is asked or searches for the word ("恁问的是谁的名字？", "病人？",
 * "是那个啥，", "叫啥来着，"), said before the answer: no policy question, and no part of the answer.
 */
const ASKED_BACK = [
  // "恁问的是谁的名字", "你是说病人", "问我啊": what is asked, asked back
  // (a 说 only with who says it: "说是胃癌" is what the doctor said, the answer itself)
  /^(?:(?:你|您|恁|侬|你们|您们)(?:是)?(?:问的?|说的?|是问|是说|要的?)|问的?|是问)(?:是)?(?:我|谁|啥|什么|哪个|哪一个)?(?:的)?[\p{Script=Han}]{0,6}$/u,
  // "病人？", "名字？", "我的？": a word of the question said back with a question mark
  /^(?:是|就是)?[\p{Script=Han}]{1,6}[?？]$/u,
  // "是那个啥", "那个啥子", "叫啥来着", "那叫什么来着": looking for the word
  /^(?:是|就是|得的是|叫)?(?:那个|这个|那|这)?(?:叫)?(?:啥|什么|啥子|么子)(?:来着|病|名字)?$/u,
];
const ASKED_SPLIT = /^(.+?[?？]+)[\s,，;；:：。.!！~…]*(.+)$|^([^,，;；:：。.!！~?？]+?)[\s,，;；:：。.!！~…]+(.+)$/u;

/**
 * The answer after a clause that only asks back or searches for the word: "恁问的是谁的名字？俺叫赵金花" →
 * 俺叫赵金花, "病人？王建国" → 王建国, "是那个啥，帕金森" → 帕金森. The text itself when no such clause leads,
 * or when what follows is itself a question.
 */
export function afterAskedBack(text: string): string {
  const s = normalizeInput(text).trim();
  const m = ASKED_SPLIT.exec(s);
  if (!m) return text;
  const head = (m[1] ?? m[3]).trim();
  const rest = (m[2] ?? m[4]).trim();
  if (rest === '' || /[?？]/u.test(rest)) return text;
  const bare = head.replace(/[?？]+$/u, '');
  // a word said back, not a question of its own ("低保怎么申请？" is the FAQ's)
  const echoed = /[?？]$/u.test(head) && ASKED_BACK[1].test(`${bare}？`) && !looksLikeQuestion(bare);
  const asked = echoed || ASKED_BACK[0].test(bare) || ASKED_BACK[2].test(bare);
  return asked ? rest : text;
}
