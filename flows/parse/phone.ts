import type { ParseResult } from './types';
import { normalizeInput, stripAffixes, stripTrailingPunctuation } from './normalize';
import { SPOKEN_DIGIT, spokenDigits } from './spoken-digits';

const LABELS = ['我的', '手机号码', '手机号', '手机', '电话号码', '电话', '号码', '是', ':'];

const RUN = /\+?[0-9][0-9\s\-.()]{5,}[0-9]/gu;
const digitsOf = (run: string) => run.replace(/[^0-9]/g, '');

/**
 * The number of "手机13812345678，打这个就行": words around one run of digits are not part of it;
 * the same number said twice ("13912345678，13912345678") is one number.
 */
function numberIn(raw: string): string {
  const runs = [...raw.matchAll(RUN)];
  if (runs.length === 0) return raw;
  if (runs.length > 1 && runs.every((r) => digitsOf(r[0]) === digitsOf(runs[0][0]))) return runs[0][0];
  const run = runs[0];
  const around = raw.slice(0, run.index) + raw.slice(run.index + run[0].length);
  return /[0-9A-Za-z]/u.test(around) ? raw : run[0];
}

const DIGIT = `[0-9${Object.keys(SPOKEN_DIGIT).join('')}]`;
/** Groups of digits with commas or 、 between them, as a number is read out: "一三九，一二三四，五六七八", "139,1234,5678". */
const GROUPS = new RegExp(`${DIGIT}{3,4}(?:\\s*[,、]\\s*${DIGIT}{3,4}){2}`, 'gu');

/** The groups of a mobile number read out with pauses, joined (eleven digits in three groups, nothing else). */
function joinGroups(s: string): string {
  return s.replace(GROUPS, (run) => {
    const digits = run.replace(/[\s,、]/gu, '');
    return Array.from(digits).length === 11 ? digits : run;
  });
}

/**
 * Mainland mobile number → 11 digits. Accepts +86 / 86 / 0086 prefixes and any spaces,
 * hyphens, dots or brackets typed between digit groups ("138-1234-5678", "(+86)138 1234 5678").
 */
export function parsePhone(text: string): ParseResult<string> {
  const raw = numberIn(stripAffixes(stripTrailingPunctuation(spokenDigits(joinGroups(normalizeInput(text)))), LABELS, []));
  let digits = raw.replace(/[\s\-.()]/g, '');
  if (digits === '') return { ok: false, reason: 'empty' };
  if (digits.startsWith('+86')) digits = digits.slice(3);
  else if (/^0086\d{11}$/.test(digits)) digits = digits.slice(4);
  else if (/^86\d{11}$/.test(digits)) digits = digits.slice(2);

  if (/^1[3-9]\d{9}$/.test(digits)) return { ok: true, value: digits };
  // "13912345678 13912345678": the same number said twice in a voice message is one number
  const twice = /^(1[3-9]\d{9})\1$/u.exec(digits);
  if (twice) return { ok: true, value: twice[1] };
  // Area code (010, 0755 …) + 7-8 digit local number, or a bare local number: a landline.
  if (/^0[1-9]\d{1,2}\d{7,8}$/.test(digits) || /^[2-9]\d{6,7}$/.test(digits)) {
    return { ok: false, reason: 'phone_landline' };
  }
  return { ok: false, reason: 'phone_format' };
}
