/**
 * A town or village typed by its sound (voice input and pinyin keyboards pick a wrong character of
 * the same reading): "冬山镇" for 东山镇, "刘树村" for 柳树村, "西和乡" for 西河乡. The place whose name
 * reads the same (toneless pinyin, pinyin-pro — already a dependency of flows/faq) is found; the chat
 * says it back for a yes, never takes it silently.
 */
import { pinyin } from 'pinyin-pro';
import { normalizeInput } from './normalize';

/** What a place's name ends with, and may be said without ("东山" for 东山镇). */
export const PLACE_SUFFIXES = ['镇', '乡', '村', '街道', '社区'];

const reading = (s: string): string[] => pinyin(s, { toneType: 'none', type: 'array' });
const core = (name: string): string => {
  const suffix = PLACE_SUFFIXES.find((x) => name.endsWith(x) && name.length > x.length + 1);
  return suffix ? name.slice(0, -suffix.length) : name;
};

/**
 * The places whose name (without its 镇/乡/村) is read the same as characters of the text that are
 * not the name itself; empty when none, or when the text names a place as written.
 */
export function soundsLike<T extends { name: string }>(text: string, places: readonly T[]): T[] {
  const s = normalizeInput(text).replace(/[^\p{Script=Han}]/gu, '');
  if (s === '' || places.some((p) => s.includes(core(p.name)))) return [];
  const chars = Array.from(s);
  const said = reading(s);
  if (said.length !== chars.length) return [];
  return places.filter((p) => {
    const c = core(p.name);
    const want = reading(c);
    const n = want.length;
    if (n < 2) return false;
    for (let i = 0; i + n <= chars.length; i++) {
      if (want.every((w, k) => said[i + k] === w)) return true;
    }
    return false;
  });
}
