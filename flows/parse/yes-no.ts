import type { ParseResult } from './types';
import { normalizeInput, stripAffixes, stripTrailingPunctuation } from './normalize';

// Whole-answer matching only: "不同意" must not match 同意, "没问题" must not match 没.
const YES = new Set([
  '是', '是的', '对', '对的', '对头', '好', '好的', '好嘞', '同意', '可以', '可以的', '行', '行的', '中',
  '嗯', '嗯嗯', '确认', '确定', '没问题', '要', '需要', '有', '1', 'y', 'yes', 'ok', 'okay', '👍', '[强]', '[ok]',
]);
const NO = new Set([
  '不', '不是', '不是的', '否', '不对', '不同意', '不行', '不要', '不用', '不需要', '不好', '没有', '没', '无', '算了', '2', 'n', 'no',
]);
// Politeness and particles that do not change the answer ("好的呀", "我同意", "是的谢谢").
const PREFIXES = ['我', '那就', '那'];
const SUFFIXES = ['谢谢你', '谢谢您', '谢谢', '啊', '呀', '吧', '哦', '噢', '喔', '啦', '呢', '哈', '了'];

function lookup(s: string): boolean | undefined {
  if (YES.has(s)) return true;
  if (NO.has(s)) return false;
  return undefined;
}

/** Yes/no answer. Anything else, including questions back ("是不是") and "不知道", is unknown. */
export function parseYesNo(text: string): ParseResult<boolean> {
  // Skin-tone modifiers on 👍 and spaces carry no meaning.
  const s = stripTrailingPunctuation(normalizeInput(text)).toLowerCase().replace(/[\s\u{1F3FB}-\u{1F3FF}\uFE0F]/gu, '');
  if (s === '') return { ok: false, reason: 'empty' };
  const stripped = stripAffixes(s, PREFIXES, SUFFIXES);
  // "对对对", "好的好的", "不是不是", "👍👍" — repetition is emphasis, not a new word.
  const once = /^(.+?)\1+$/u.exec(stripped)?.[1] ?? stripped;
  const answer = lookup(s) ?? lookup(stripped) ?? lookup(once);
  return answer === undefined ? { ok: false, reason: 'yes_no_unknown' } : { ok: true, value: answer };
}
