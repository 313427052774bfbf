import type { ParseResult } from './types';
import { normalizeInput, stripAffixes, stripTrailingPunctuation } from './normalize';
import { isAfter, isRealDate, shanghaiToday } from './calendar';
import { spokenDigits } from './spoken-digits';

/** GB 11643-1999 check-digit weights and the check character for each remainder mod 11. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';
// Villagers often paste the label with the number: "身份证号：1101…".
const LABELS = ['我的', '身份证号码', '身份证号', '身份证', '号码', '是', ':'];
/** The label in English: "ID: 1101…", "my ID number is 1101…". */
export const EN_ID_LABEL = /(?:my\s+)?(?:id|identity)(?:\s*card)?(?:\s*(?:number|no\.?|#))?(?:\s*(?:is|:))?\s*/iu;

/** The GB 11643 check character for the first 17 digits. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

/** The number of "张三 4305…", "4305… 这是我的": words around one run of digits (and a last X) are not part of it. */
function numberIn(raw: string): string {
  const run = /[0-9][0-9\s-]{13,}[0-9xX]/u.exec(raw);
  if (!run) return raw;
  const around = raw.slice(0, run.index) + raw.slice(run.index + run[0].length);
  return /[0-9a-wyzA-WYZ]/u.test(around) ? raw : run[0];
}

/**
 * 18-character resident ID → upper-case canonical form. Spaces/hyphens inside are ignored,
 * a lower-case x is accepted. `now` (the caller's clock: flows read none) bounds the birth date.
 */
export function parseIdNumber(text: string, now: Date): ParseResult<string> {
  const raw = stripAffixes(stripTrailingPunctuation(spokenDigits(normalizeInput(text))).replace(new RegExp(`^${EN_ID_LABEL.source}`, 'iu'), ''), LABELS, []);
  const said = numberIn(raw).replace(/[\s-]/g, '').toUpperCase();
  // the same number pasted twice ("4305…2011 4305…2011") is one number
  const id = said.length === 36 && said.slice(0, 18) === said.slice(18) ? said.slice(18) : said;
  if (id === '') return { ok: false, reason: 'empty' };
  if (!/^[0-9X]+$/.test(id)) return { ok: false, reason: 'id_format' };
  if (/^\d{15}$/.test(id)) return { ok: false, reason: 'id_length_15' };
  if (id.length !== 18) return { ok: false, reason: 'id_length' };
  if (!/^[1-9]\d{16}[0-9X]$/.test(id)) return { ok: false, reason: 'id_format' };

  const birth = { y: Number(id.slice(6, 10)), m: Number(id.slice(10, 12)), d: Number(id.slice(12, 14)) };
  if (birth.y < 1900 || !isRealDate(birth) || isAfter(birth, shanghaiToday(now))) {
    return { ok: false, reason: 'id_format' };
  }
  if (idCheckChar(id) !== id[17]) return { ok: false, reason: 'id_checksum' };
  return { ok: true, value: id };
}
