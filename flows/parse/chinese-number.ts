/**
 * Chinese numerals, mixed freely with Arabic digits as villagers type them:
 * "三万二千", "叁万贰仟", "两百五", "3万2", "1.5万", "一万零五百".
 *
 * Colloquial abbreviation: a single trailing digit right after a unit counts one place
 * below that unit — "三万二" = 32000, "5千5" = 5500, "两百五" = 250 — because that is
 * what every speaker means. A 零 cancels it: "一万零五" = 10005.
 */

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0,
  一: 1, 壹: 1,
  二: 2, 两: 2, 俩: 2, 贰: 2, 貳: 2,
  三: 3, 叁: 3, 參: 3, 仨: 3,
  四: 4, 肆: 4,
  五: 5, 伍: 5,
  六: 6, 陆: 6, 陸: 6,
  七: 7, 柒: 7,
  八: 8, 捌: 8,
  九: 9, 玖: 9,
};
const SMALL_UNITS: Record<string, bigint> = { 十: 10n, 拾: 10n, 百: 100n, 佰: 100n, 千: 1000n, 仟: 1000n };
const BIG_UNITS: Record<string, bigint> = { 万: 10_000n, 萬: 10_000n, 亿: 100_000_000n, 億: 100_000_000n };

/** Fixed-point scale of parseNumeral's result: exact decimals without floating point. */
export const NUMERAL_DECIMALS = 8;
export const NUMERAL_SCALE = 10n ** BigInt(NUMERAL_DECIMALS);

/** The formal (financial) numerals, as a few villagers type them ("高叁", "初贰", "叁年级"). */
const FORMAL = '壹贰貳叁參肆伍陆陸柒捌玖';
const PLAIN = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/**
 * The ways one digit 1-9 is written in words matched as written (grades): the plain numeral, then its
 * formal ones ("三", "叁", "參"). 两 / 俩 / 仨 are not among them ("高两" is no grade).
 */
export function digitForms(n: number): string[] {
  return [PLAIN[n], ...Array.from(FORMAL).filter((ch) => DIGITS[ch] === n)];
}

/** Value 0-9 of a single Chinese digit character (一, 贰, 两 …), else undefined. */
export function chineseDigitValue(ch: string): number | undefined {
  return DIGITS[ch];
}

interface Pending { value: bigint; single: boolean; decimal: boolean }

/** Parses an Arabic token like "12" or "1.5" into a scaled bigint (null if too many decimals). */
function arabic(token: string): bigint | null {
  const [int, frac = ''] = token.split('.');
  if (frac.length > NUMERAL_DECIMALS) return null;
  return BigInt(int + frac.padEnd(NUMERAL_DECIMALS, '0'));
}

/**
 * Exact value scaled by NUMERAL_SCALE (so 1.5 → 150000000n), or null when the text is not one
 * well-formed number. Two numbers in a row ("三四", "3万2万"), units out of order and
 * decimals followed by more digits ("1.5万2") are rejected rather than guessed.
 */
export function parseNumeral(text: string): bigint | null {
  const tokens = text.replace(/\s+/g, '').match(/\d+(?:\.\d+)?|./gsu);
  if (!tokens) return null;
  if (tokens.length === 1 && DIGITS[tokens[0]] === 0) return 0n; // a bare 零

  let total = 0n; // closed 亿/万 sections
  let section = 0n; // current section below 万
  let pending: Pending | null = null; // number still waiting for its unit
  let lastUnit: bigint | null = null; // unit just before the pending number (for abbreviation)
  let unitBeforeZero: bigint | null = null; // set after "X千零": the literal rest must be < X
  let smallCeil = 10_000n; // small units must descend within a section
  let lastBig = 10n ** 12n; // big units must descend (亿 before 万)
  let closed = false; // a decimal has met its unit: nothing may follow ("1.5万" only)

  for (const [i, tok] of tokens.entries()) {
    if (closed) return null;
    const digit = DIGITS[tok];
    if (/^\d/.test(tok) || digit !== undefined) {
      if (pending) return null;
      if (digit === 0) {
        if (lastUnit === null) return null; // 零 only as a placeholder after a unit
        unitBeforeZero = lastUnit;
        lastUnit = null;
        continue;
      }
      const decimal = tok.includes('.');
      if (decimal && i > 0) return null;
      const value = digit !== undefined ? BigInt(digit) * NUMERAL_SCALE : arabic(tok);
      if (value === null) return null;
      pending = { value, single: digit !== undefined || /^\d$/.test(tok), decimal };
      continue;
    }
    const small = SMALL_UNITS[tok];
    if (small !== undefined) {
      // "十二" starts with a bare 十; elsewhere a unit needs a single-digit (or leading decimal) multiplier.
      const mult = pending ? pending.value : small === 10n && i === 0 ? NUMERAL_SCALE : null;
      if (mult === null || small >= smallCeil) return null;
      if (pending && !pending.single && !pending.decimal) return null;
      closed = pending?.decimal ?? false;
      section += mult * small;
      smallCeil = small;
      pending = null;
      lastUnit = small;
      unitBeforeZero = null;
      continue;
    }
    const big = BIG_UNITS[tok];
    if (big === undefined || big >= lastBig) return null;
    if (pending) {
      if (lastUnit === 100n || lastUnit === 1000n) return null; // "3千2万": no place value
      closed = pending.decimal;
      section += pending.value;
    } else if (unitBeforeZero !== null) return null; // "一千零万"
    if (section === 0n) return null;
    if (lastBig === 100_000_000n && section >= 10_000n * NUMERAL_SCALE) return null; // 1亿12000万
    total += section * big;
    section = 0n;
    pending = null;
    smallCeil = 10_000n;
    lastBig = big;
    lastUnit = big;
    unitBeforeZero = null;
  }

  if (unitBeforeZero !== null && !pending) return null; // dangling 零
  if (pending) {
    if (pending.decimal && tokens.length > 1) return null;
    if (lastUnit !== null && lastUnit !== 10n && pending.single) {
      pending.value *= lastUnit / 10n; // 三万二 → 2 × 1000
    } else {
      const ceil = lastUnit ?? unitBeforeZero; // literal rest must fit below the unit
      if (ceil !== null && pending.value >= ceil * NUMERAL_SCALE) return null;
    }
    section += pending.value;
  }
  return total + section;
}

/** Integer value of a Chinese / mixed numeral ("十二", "两万五", "3万2千"), or null. */
export function parseChineseNumber(text: string): number | null {
  const v = parseNumeral(text);
  if (v === null || v % NUMERAL_SCALE !== 0n) return null;
  const n = Number(v / NUMERAL_SCALE);
  return Number.isSafeInteger(n) ? n : null;
}
