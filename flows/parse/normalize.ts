/**
 * Text clean-up shared by every parser. Villagers type on phone IMEs that switch between
 * full-width and half-width forms, paste numbers with odd dashes and add stray spaces.
 */

// Characters outside the U+FF01–U+FF5E block that IMEs produce for ASCII punctuation.
const EXTRA: Record<string, string> = {
  '\u3000': ' ', // ideographic space
  '。': '.',
  '￥': '¥',
  '—': '-', // em dash, en dash, hyphen, non-breaking hyphen, minus sign: all typed as "-"
  '–': '-',
  '‐': '-',
  '‑': '-',
  '−': '-',
  '“': '"',
  '”': '"',
  '‘': "'",
  '’': "'",
  '【': '[',
  '】': ']',
};

// Each parser that reads a message normalises it (dozens of calls per step, the largest share of a
// step's flows time): the last texts seen are remembered. Same input, same output — still pure.
const recent = new Map<string, string>();
const RECENT_MAX = 64;

/** Trims, maps full-width ASCII (０-９ Ａ-Ｚ ，：＋－ …) and 。 to half-width, collapses whitespace. */
export function normalizeInput(text: string): string {
  const known = recent.get(text);
  if (known !== undefined) return known;
  let out = '';
  for (const ch of text.replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')) {
    const code = ch.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else out += EXTRA[ch] ?? ch;
  }
  const normal = out.replace(/\s+/g, ' ').trim();
  if (recent.size >= RECENT_MAX) recent.clear();
  recent.set(text, normal);
  return normal;
}

/** Removes trailing sentence punctuation ("好的。", "3万!!", "1、"), which carries no meaning here. */
export function stripTrailingPunctuation(text: string): string {
  return text.replace(/[\s.,!?~;:…、]+$/u, '');
}

/**
 * Repeatedly removes any listed prefix/suffix (longest first), e.g. hedges like 大概…左右.
 * Stops before the text would become empty, so a bare "有" is not stripped to nothing.
 */
export function stripAffixes(text: string, prefixes: readonly string[], suffixes: readonly string[]): string {
  const pre = [...prefixes].sort((a, b) => b.length - a.length);
  const suf = [...suffixes].sort((a, b) => b.length - a.length);
  let s = text;
  for (let changed = true; changed; ) {
    changed = false;
    const p = pre.find((x) => s.startsWith(x) && s.length > x.length);
    if (p) { s = s.slice(p.length).trim(); changed = true; }
    const q = suf.find((x) => s.endsWith(x) && s.length > x.length);
    if (q) { s = s.slice(0, -q.length).trim(); changed = true; }
  }
  return s;
}
