import type { ParseResult } from './types';
import { normalizeInput, stripAffixes, stripTrailingPunctuation } from './normalize';
import { parseChineseNumber } from './chinese-number';

// Counting words around small numbers: "家里有五口人", "俺家4口人", "一家五口", "一共3个".
const PREFIXES = ['我家', '俺家', '我们家', '俺们家', '一家', '全家', '家里', '家中', '一共', '总共', '共', '有', '是'];
const SUFFIXES = ['口人', '个人', '口', '人', '个', '位', '名', '吧', '啊'];

/**
 * A small whole number such as household size: "5", "五", "5口人", "十二".
 * Outside [min, max] → 'choice_out_of_range'; vague ("三四个", "五六口") → 'not_a_number'.
 */
export function parseInteger(text: string, range: { min: number; max: number }): ParseResult<number> {
  let s = stripTrailingPunctuation(normalizeInput(text)).replace(/\s+/g, '');
  if (s === '') return { ok: false, reason: 'empty' };
  s = stripAffixes(s, PREFIXES, SUFFIXES);
  const negative = s.startsWith('-') || s.startsWith('负');
  const n = parseChineseNumber(negative ? s.slice(1) : s);
  if (n === null) return { ok: false, reason: 'not_a_number' };
  const value = negative ? -n : n;
  if (value < range.min || value > range.max) return { ok: false, reason: 'choice_out_of_range' };
  return { ok: true, value };
}
