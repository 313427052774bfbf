import type { ParseResult } from './types';
import { normalizeInput, stripAffixes, stripTrailingPunctuation } from './normalize';
import { NUMERAL_SCALE, chineseDigitValue, parseNumeral } from './chinese-number';

// Hedges and filler around an amount: the villager's own estimate is what we record.
const PREFIXES = ['约', '大约', '大概', '大概是', '大致', '差不多', '估计', '一共', '总共', '共', '合计', '花了', '用了', '¥', '人民币', '+'];
const SUFFIXES = ['左右', '上下', '的样子', '吧', '啊', '呀', '了', '钱', '整', 'rmb', '人民币'];
// "No reimbursement": villagers answer with a word, not a digit.
const ZERO_WORDS = ['没有', '无', '没', '零', '0'];
const MAX_FEN = 100_000_000n * 100n; // 1 亿 yuan: beyond this it is a typo, not an expense

/** "3角5分", "5毛", "零5分", or a bare digit after 块 ("5块5" = 5.5 yuan) → fen, else null. */
function parseSubYuan(rest: string, bareDigitIsJiao: boolean): bigint | null {
  const digit = (ch: string): number | undefined => (/^\d$/.test(ch) ? Number(ch) : chineseDigitValue(ch));
  if (bareDigitIsJiao && rest.length === 1) {
    const d = digit(rest);
    return d === undefined ? null : BigInt(d * 10);
  }
  const m = /^(?:(.)(?:角|毛))?(?:零?(.)分)?$/u.exec(rest);
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  const jiao = m[1] === undefined ? 0 : digit(m[1]);
  const fen = m[2] === undefined ? 0 : digit(m[2]);
  return jiao === undefined || fen === undefined ? null : BigInt(jiao * 10 + fen);
}

/** Arabic digits grouped by spaces or commas must group by exactly three ("32,000"), else null. */
function ungroup(s: string): string | null {
  const grouped = s.replace(/(\d) (?=\d)/g, '$1,');
  for (const run of grouped.match(/[\d,]+/g) ?? []) {
    if (run.includes(',') && !/^\d{1,3}(,\d{3})+$/.test(run)) return null;
  }
  return grouped.replace(/[, ]/g, '');
}

/** Yuan text → exact integer fen, or null. */
function toFen(s: string): bigint | null {
  const cut = s.search(/[元块圆]/u);
  const yuanText = cut < 0 ? s : s.slice(0, cut);
  const rest = cut < 0 ? '' : s.slice(cut + 1);
  let sub = 0n;
  if (cut < 0 && /[角毛分]$/u.test(s)) {
    const only = parseSubYuan(s, false); // "5毛": no yuan part
    return only;
  }
  if (rest !== '') {
    const parsed = parseSubYuan(rest, s[cut] === '块' || s[cut] === '元');
    if (parsed === null) return null;
    sub = parsed;
  }
  if (yuanText === '') return null;
  const scaled = parseNumeral(yuanText);
  if (scaled === null || (scaled * 100n) % NUMERAL_SCALE !== 0n) return null; // sub-fen: not money
  return (scaled * 100n) / NUMERAL_SCALE + sub;
}

/**
 * Money in yuan → integer fen. "3万2" = 3 200 000 fen, "一千二百三十四元五角" = 123 450 fen.
 * Words for nothing (没有/无/0) give 0 when allowZero (the default: "no reimbursement").
 * Unknown units ("3.5k", "3w") and vague answers ("3万多", "很多") are rejected.
 */
export function parseAmount(text: string, opts: { allowZero?: boolean } = {}): ParseResult<number> {
  const allowZero = opts.allowZero ?? true;
  let s = stripTrailingPunctuation(normalizeInput(text)).toLowerCase();
  if (s === '') return { ok: false, reason: 'empty' };
  s = stripAffixes(s.replace(/块钱/g, '块'), PREFIXES, SUFFIXES);

  const negative = /^(-|负)/u.test(s);
  if (negative) s = s.replace(/^(-|负)\s*/u, '');
  const ungrouped = ungroup(s);
  if (ungrouped === null) return { ok: false, reason: 'not_a_number' };
  s = ungrouped;

  let fen: bigint | null;
  const bare = s.replace(/[元块圆]$/u, '');
  if (ZERO_WORDS.includes(bare) || /^0+(\.0+)?$/.test(bare)) fen = 0n;
  else fen = toFen(s);

  if (fen === null) return { ok: false, reason: 'not_a_number' };
  if (negative && fen > 0n) return { ok: false, reason: 'negative' };
  if (fen > MAX_FEN) return { ok: false, reason: 'too_large' };
  if (fen === 0n && !allowZero) return { ok: false, reason: 'zero' };
  return { ok: true, value: Number(fen) };
}
