/**
 * Command text folded for matching without losing positions: full-width ASCII (Ｆ Ｐ ０-９ －),
 * the ideographic space and the dashes IMEs produce become their plain forms, A-Z become a-z —
 * one character for one, so an index in the folded text is the same index in what the cadre typed
 * and free-text notes can be cut from the original, full-width commas and all.
 */
const DASHES = new Set(['—', '–', '‐', '‑', '−', '－']);

export function fold(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const code = text.charCodeAt(i);
    if (DASHES.has(ch)) out += '-';
    else if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0).toLowerCase();
    else if (code === 0x3000 || (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff) out += ' ';
    else if (code >= 0x41 && code <= 0x5a) out += String.fromCharCode(code + 32);
    else out += ch;
  }
  return out;
}

/** Separators allowed between a command's parts. */
export const SEP = /^[\s:：,，、]+/u;

/** `text` from `at` on, without leading separators and surrounding whitespace. */
export function restFrom(text: string, at: number): string {
  return text.slice(at).replace(SEP, '').trim();
}
