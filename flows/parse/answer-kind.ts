/**
 * What kind of answer a refused one is, so the re-ask fits what the villager typed: a phone number
 * at the ID question, an ID number at the phone question, "没带身份证，等会儿" (the card not at
 * hand), "不记得身份证上怎么写了" (unsure how a name is written). The words are data.
 */
import { normalizeInput, stripTrailingPunctuation } from './normalize';
import { parseIdNumber } from './id-number';
import { parsePhone } from './phone';

export type AnswerKind = 'phone' | 'id_number' | 'not_at_hand' | 'unsure_writing';

/** The papers are elsewhere or will be looked up later ("没带", "在我儿子那", "等会儿发"). */
const NOT_AT_HAND = [
  '没带', '没拿', '不在身边', '不在手边', '不在家', '在我儿子那', '在儿子那', '在女儿那', '在闺女那', '在孩子那', '在老伴那', '在他那', '在她那',
  '找不到', '找不着', '寻不到', '丢了', '弄丢了', '等会', '等一会', '等一下', '等下', '待会', '一会儿', '回头', '晚点', '明天', '过两天', '回去找', '回家找', '去找找', '我找找',
];
/** Not sure how a name is written ("不记得怎么写", "不知道咋写", "不会写"). */
const UNSURE_WRITING = /(?:不记得|记不清|记不得|不知道|不晓得|忘了|不会|不确定|不清楚)[^,.;!?]{0,8}?(?:怎么写|咋写|怎样写|哪个字|啥字|什么字|写法|写)/u;

/** The kind of a refused answer, when it is plainly another question's answer or says why there is none. */
export function answerKind(text: string, now: Date): AnswerKind | null {
  const s = stripTrailingPunctuation(normalizeInput(text));
  if (s === '') return null;
  if (parsePhone(s).ok) return 'phone';
  if (parseIdNumber(s, now).ok) return 'id_number';
  if (/[0-9]{5,}/u.test(s)) return null;
  if (UNSURE_WRITING.test(s)) return 'unsure_writing';
  if (NOT_AT_HAND.some((w) => s.includes(w))) return 'not_at_hand';
  return null;
}
