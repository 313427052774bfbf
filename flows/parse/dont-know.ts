/**
 * "I don't know" in a villager's words ("不知道", "不记得了", "医生没说", "忘了叫啥"): not an answer
 * to a question asking a name or a description, though it is made of words. The words are data.
 */
import { normalizeInput, stripTrailingPunctuation } from './normalize';

/** Saying one does not know or remember. */
export const DONT_KNOW: readonly string[] = [
  '不知道', '不清楚', '不晓得', '晓不得', '不记得', '记不得', '记不清', '记不住', '想不起来', '忘了', '忘记了', '忘记', '说不清', '说不准', '说不上来',
  '搞不清', '弄不清', '不懂', '没说', '没告诉', '不太清楚', '不太记得', '不太知道',
  // not found out yet ("还没查出来", "没确诊")
  '没查出来', '查不出来', '没查出', '查不出', '没查清', '查不清', '没确诊', '未确诊', '没诊断出来', '诊断不出来', '还在查', '还在检查', '等结果', '结果没出来', '结果还没出',
];
/** What may stand around it without making it an answer ("俺也不知道啥病", "医生没说叫啥"). */
export const AROUND_DONT_KNOW: readonly string[] = [
  '医生', '大夫', '俺', '我', '我们', '俺们', '也', '都', '还', '就', '具体', '到底', '是', '啥病', '什么病', '啥', '什么', '叫啥', '叫什么',
  '哪个', '哪家', '名字', '全名', '了', '啊', '呀', '哦', '嘛', '呢', '的', '这个', '那个', '医院', '学校', '额', '咱', '目前', '现在', '暂时', '病', '出来',
];

const byLength = (w: readonly string[]) => [...w].sort((a, b) => b.length - a.length);
const PHRASES = byLength(DONT_KNOW);
const AROUND = byLength(AROUND_DONT_KNOW);

/** True when the answer only says the villager does not know. */
export function saysDontKnow(text: string): boolean {
  let s = stripTrailingPunctuation(normalizeInput(text)).replace(/[\s,.;!?~、]+/gu, '');
  const phrase = PHRASES.find((p) => s.includes(p));
  if (!phrase) return false;
  s = s.replace(phrase, ' ');
  for (let prev = ''; prev !== s; ) {
    prev = s;
    for (const w of AROUND) s = s.split(w).join(' ');
  }
  return s.trim() === '';
}

/** True when the answer says, anywhere in it, that the villager does not know ("晓不得，反正天天咳"). */
export function mentionsDontKnow(text: string): boolean {
  const s = normalizeInput(text).replace(/[\s,.;!?~、]+/gu, '');
  return PHRASES.some((p) => s.includes(p));
}
