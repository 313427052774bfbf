/**
 * Amounts typed in yuan → integer fen, without floating point: "32000", "32,000", "3.5",
 * "3.2万" (what a number keyboard can type). The server also reads the chat's "3万2"; this is
 * only the instant check and the "= 32,000元" shown under the box.
 */
const FULL_WIDTH = /[０-９．，]/g;

export function yuanToFen(input: string): number | null {
  const s = input
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s,元块]/g, '')
    .trim();
  const m = /^(\d{1,12})(?:\.(\d{1,4}))?(万)?$/.exec(s);
  if (!m) return null;
  const wan = m[3] !== undefined;
  const decimals = m[2] ?? '';
  if (!wan && decimals.length > 2) return null;
  // Scale to fen as digit strings: yuan × 100, or yuan × 1,000,000 for 万.
  const scale = wan ? 6 : 2;
  const digits = m[1] + decimals.padEnd(scale, '0');
  const fen = Number(digits.replace(/^0+(?=\d)/, ''));
  return Number.isSafeInteger(fen) ? fen : null;
}
