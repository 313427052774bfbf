import type { ParseResult } from './types';
import { readAmount, type AmountOptions } from './amount-read';

/**
 * Money in yuan → integer fen, exact figures only: "3万2" = 3 200 000 fen, "一千二百三十四元五角" =
 * 123 450 fen, "民政给了2000" = 200 000 fen. Words for nothing (没有/无/0, "没报销") give 0 when
 * allowZero (the default: "no reimbursement"). Unknown units ("3.5k", "3w"), vague answers
 * ("很多") and anything only approximate ("3万多", "三四万") or ambiguous ("总共三万，报了一万")
 * are refused: for callers with no conversation to confirm in. The chat reads with readAmount.
 */
export function parseAmount(text: string, opts: Pick<AmountOptions, 'allowZero'> = {}): ParseResult<number> {
  const r = readAmount(text, opts);
  if (r.ok || 'reason' in r) return r;
  return { ok: false, reason: 'not_a_number' };
}
