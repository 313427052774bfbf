/**
 * Traditional characters read as simplified (issue 10): some villagers' phones are set to a
 * traditional input method ("應該是兩萬", "沒有", "縣醫院"), and every word list of the parsers is
 * simplified. The engine turns each message into simplified characters before anything reads it,
 * names included: a name on official papers in mainland China is written in simplified characters
 * (鄭麗華 is registered as 郑丽华), and it is shown back in the summary like any other name.
 *
 * OpenCC (opencc-js, its traditional → simplified dictionaries only) does the conversion, phrase by
 * phrase, so that text already simplified stays as it is ("乾隆", "著名" are not touched). Its Hong
 * Kong variant table is used: it also maps the forms Taiwan's and Hong Kong's IMEs type (裡/裏, 衞/衛, 着/著).
 * Kept out of the parsers the mini-program bundles (phone, id-number): only the engine imports it.
 */
import type * as T2cn from 'opencc-js/t2cn' with { 'resolution-mode': 'import' };

// The package is an ES module with a CommonJS build for require(); the types are its own.
const { Converter } = require('opencc-js/t2cn') as typeof T2cn;

const convert = Converter({ from: 'hk', to: 'cn' });

// Characters no conversion changes: ASCII, full-width forms, CJK punctuation. A message of only these is returned as is.
const UNCHANGED = /^[\u0000-\u2fff\u3000-\u303f\uff00-\uffef]*$/u;

/** The text with traditional characters written as simplified; anything else unchanged. Pure. */
export function toSimplified(text: string): string {
  return UNCHANGED.test(text) ? text : convert(text);
}
