/**
 * An answer taken back in the same breath, for any question — the amount reader's mechanism
 * (amount-words.ts SELF_CORRECTION: "三万 不对 两万八") made general:
 *   "我叫王秀英不对是王秀云" → 王秀云 · "13812345678 不对 13812345679" → 13812345679 ·
 *   "王晓明，哦不，王小明" → 王小明 · "王晓明 说错了 是王小明" → 王小明 · "不是王晓明是王小明" → 王小明 ·
 *   "5月20号 不对 21号" → 5月21号 (a part said again completes what it corrects) · "4口人 不对 5口" → 5口人.
 * What was taken back is never read: when nothing readable follows the correction ("王小明 不对"),
 * the question is asked again.
 */
import { SELF_CORRECTION } from './amount-words';
import { normalizeInput, stripTrailingPunctuation } from './normalize';

// "没错了", "不错了", "写错了 是…" are no correction of a value said before them; only what stands after a value
const MARK = new RegExp(`(?<![没不])(?:${SELF_CORRECTION.join('|')})[\\s,.;:!~、]*(?:应该是|而是|是)?[\\s,.;:!~、]*`, 'gu');
/** "不是王晓明，是王小明": the value said first is the wrong one. */
const NOT_BUT = /^不是(?!的)([^,.;:!~、\s]+?)[\s,.;:!~、]*(?:而是|应该是|是)([^是].*)$/u;
const FIGURE = '[0-9零〇一二两三四五六七八九十百]+';
/** A figure with its unit ("21号", "5口", "6个"): said again, it replaces the same unit's figure in what it corrects. */
const UNIT_PART = new RegExp(`^(${FIGURE})([号日月口个岁人位])$`, 'u');

export interface Corrected {
  /** What the answer says once the part taken back is gone ('' when nothing follows the correction). */
  text: string;
}

/** The answer after its last self-correction, or null when it takes nothing back. */
export function selfCorrected(text: string): Corrected | null {
  const s = stripTrailingPunctuation(normalizeInput(text)).trim();
  const notBut = NOT_BUT.exec(s);
  if (notBut) return { text: notBut[2].trim() };
  let last: { head: string; at: number } | null = null;
  for (const m of s.matchAll(MARK)) {
    const head = s.slice(0, m.index).replace(/[\s,.;:!~、]+$/u, '');
    // something said before it: a bare "不对，是…" takes nothing back (it answers a yes/no, or leads the value)
    if (head === '' || /^[不没]$/u.test(head)) continue;
    last = { head, at: m.index + m[0].length };
  }
  if (!last) return null;
  const tail = s.slice(last.at).trim();
  return { text: completed(last.head, tail) };
}

/** "5月20号" corrected by "21号" is 5月21号: the head with its last figure of that unit replaced. */
function completed(head: string, tail: string): string {
  const part = UNIT_PART.exec(tail);
  if (!part) return tail;
  const same = new RegExp(`${FIGURE}${part[2]}(?!.*${FIGURE}${part[2]})`, 'u');
  const at = same.exec(head);
  if (!at) return tail;
  // only when the head is about the same thing: its text from the corrected figure on
  return head.slice(0, at.index) + tail + head.slice(at.index + at[0].length);
}
