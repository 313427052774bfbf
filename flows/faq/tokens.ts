/**
 * What the matcher compares: a text reduced to sound tokens. Chinese characters become their
 * toneless pinyin (pinyin-pro) with the "fuzzy" merges pinyin keyboards and dialects make
 * (zh/z, ch/c, sh/s, n/l, -ng/-n), so 表准 reads like 标准 and 报消 like 报销; English words are
 * lower-cased, crudely stemmed, and stop words dropped; digits stay as they are.
 * Fillers (请问, 我想问一下), particles (吗, 呢, 的, 了) and pronouns are removed, and a few
 * colloquial and dialect words are mapped to plain ones (咋→怎么, 啥→什么, 娃→孩子).
 */
import { pinyin } from 'pinyin-pro';
import { normalizeInput } from '../parse';

const REWRITES: [RegExp, string][] = [
  [/啥子|么子|甚么|啥/g, '什么'],
  [/咋个|咋样|啷个|咋|如何|怎样/g, '怎么'],
  [/几多|几钱|多钱/g, '多少'],
  [/多长时间|多少天|多少时间|几天|多久/g, '多久'],
  [/冇得|冇/g, '没有'],
  [/娃娃|娃儿|娃|伢子|伢|崽/g, '孩子'],
  [/晓得/g, '知道'],
  [/屋里|屋头/g, '家里'],
  [/俺们|咱们|我们|我家|俺家|咱家|俺|咱|我|您|你/g, ''],
  [/请问一下|请问|我想问一下|想问一下|想问问|想问|问一下|问问|麻烦问下|麻烦|那个|就是说|一下子|一下/g, ''],
  [/[吗嘛呢啊呀吧哦噢喔哈呗啦的了哇咧嘞]/g, ''],
];

const EN_STOP = new Set(
  'a an the is are am be been being do does did i me my mine we us our you your it its to of for in on at and or please there this that these those so just get got any some if with by from about would'.split(' '),
);

/** Pinyin syllable → the form shared by its keyboard/dialect look-alikes. */
export function fuzzySyllable(s: string): string {
  return s
    .replace(/^([zcs])h/, '$1')
    .replace(/^n(?=[aeiou])/, 'l')
    .replace(/ng$/, 'n')
    .replace(/ü/g, 'v');
}

/** Crude English stemming: enough that "documents" meets "document" and "applied" meets "apply". */
export function stem(word: string): string {
  let w = word.replace(/'s$/, '');
  if (w.length > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ied')) return w.slice(0, -3) + 'y';
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  return w;
}

/** The text as it is compared: half-width, lower case, rewritten, without fillers and punctuation. */
export function cleanText(text: string): string {
  let s = normalizeInput(text).toLowerCase();
  for (const [re, to] of REWRITES) s = s.replace(re, to);
  return s;
}

const memo = new Map<string, string[]>();
const MEMO_LIMIT = 20_000;

/** Sound tokens of a text (memoised: the same FAQ phrases are tokenised for every message). */
export function tokens(text: string): string[] {
  const hit = memo.get(text);
  if (hit) return hit;
  const out: string[] = [];
  for (const m of cleanText(text).matchAll(/(\p{Script=Han}+)|([a-z][a-z']*)|(\d+)/gu)) {
    if (m[1]) {
      // whole runs, so polyphones are read in context (还能 hai, 还钱 huan)
      const syllables = pinyin(m[1], { toneType: 'none', type: 'array', v: true }) as string[];
      for (const s of syllables) if (/^[a-z]+$/.test(s)) out.push(fuzzySyllable(s));
    } else if (m[2]) {
      if (!EN_STOP.has(m[2])) out.push(stem(m[2]));
    } else if (m[3]) {
      out.push(m[3]);
    }
  }
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(text, out);
  return out;
}
