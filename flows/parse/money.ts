/** Money text that is nothing but an amount ("3万2", "32,000元", "5块5", "一千二百三十四元五角") → exact fen. */
import { NUMERAL_SCALE, chineseDigitValue, parseNumeral } from './chinese-number';

/** 1 亿 yuan: beyond this it is a typo, not an expense. */
export const MAX_FEN = 100_000_000n * 100n;

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
export function ungroup(s: string): string | null {
  const grouped = s.replace(/(\d) (?=\d)/g, '$1,');
  for (const run of grouped.match(/[\d,]+/g) ?? []) {
    if (run.includes(',') && !/^\d{1,3}(,\d{3})+$/.test(run)) return null;
  }
  return grouped.replace(/[, ]/g, '');
}

/** Yuan text (already ungrouped) → exact integer fen, or null. */
export function toFen(s: string): bigint | null {
  const cut = s.search(/[元块圆]/u);
  const yuanText = cut < 0 ? s : s.slice(0, cut);
  const rest = cut < 0 ? '' : s.slice(cut + 1);
  let sub = 0n;
  if (cut < 0 && /[角毛分]$/u.test(s)) return parseSubYuan(s, false); // "5毛": no yuan part
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

/** A figure as it stands in a sentence ("32,000", "两万五", "5块5", "三千块钱") → fen, or null. */
export function moneyFen(token: string): bigint | null {
  const s = ungroup(token.replace(/块钱$/u, '块'));
  return s === null ? null : toFen(s);
}
