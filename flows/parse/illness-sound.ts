/**
 * An illness typed by its sound (voice input and pinyin keyboards pick a wrong character of the
 * same reading): "费癌" for 肺癌, "糖尿并" for 糖尿病, "高血牙" for 高血压, "脑更" for 脑梗. The known
 * illness whose name reads the same (toneless pinyin, pinyin-pro, as parse/place-sound.ts reads
 * places) is put in its place; the chat says the corrected name back for a yes, never takes it silently.
 */
import { pinyin } from 'pinyin-pro';
import { ILLNESS_NAMES } from './illness-names';

const reading = (s: string): string[] => pinyin(s, { toneType: 'none', type: 'array' });
/** Each known name with its reading; longest first, so 脑梗塞 is found before 脑梗. */
let known: { name: string; sound: string[] }[] | null = null;
/** Names that read like an everyday word ("结合" is 结核's sound): never found by sound. */
const NOT_BY_SOUND = ['结核'];
const knownNames = () =>
  (known ??= ILLNESS_NAMES.filter((name) => !NOT_BY_SOUND.includes(name))
    .map((name) => ({ name, sound: reading(name) }))
    .filter((n) => n.sound.length === Array.from(n.name).length && n.sound.length >= 2)
    .sort((a, b) => b.sound.length - a.sound.length));

/**
 * The text with the first run of characters that reads like a known illness (and is not written as
 * one) written as that illness ("费癌晚期" → "肺癌晚期"); null when none does, or the text already
 * names a known illness as written.
 */
export function illnessBySound(text: string): string | null {
  if (ILLNESS_NAMES.some((n) => text.includes(n))) return null;
  const chars = Array.from(text);
  const said = reading(text);
  if (said.length !== chars.length) return null;
  for (const { name, sound } of knownNames()) {
    const n = sound.length;
    for (let i = 0; i + n <= chars.length; i++) {
      if (!sound.every((w, k) => said[i + k] === w && /\p{Script=Han}/u.test(chars[i + k]))) continue;
      return [...chars.slice(0, i), name, ...chars.slice(i + n)].join('');
    }
  }
  return null;
}
