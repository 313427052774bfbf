/**
 * Cantonese (粤语) words read as Mandarin (issue 10): villagers in the south type as they speak —
 * "佢患咗肝癌", "我系陈阿妹", "冇几多 三千蚊", "屋企俾水浸咗". Every word list of the parsers is
 * Mandarin, so the engine turns these words into their Mandarin equivalents once, where a text
 * message enters it (after traditional characters are read as simplified, parse/simplified.ts),
 * before anything reads it. Names are not touched: 佢, 咗, 喺, 睇, 嘅, 冇 never stand in a name, and
 * 系 and 俾 are read only where they cannot (系 not inside 关系/联系/体系/系统/…; 俾 not after a surname-like start).
 */

/** Longest first; each [Cantonese, Mandarin]. */
const WORDS: readonly (readonly [string, string])[] = [
  ['唔系', '不是'],
  ['唔知', '不知道'],
  ['冇错', '没错'],
  ['冇问题', '没问题'],
  ['冇几多', '不多'], // "not much": 没多少 would read as a question (多少)
  ['几多', '多少'],
  ['屋企', '家'],
  ['边个', '谁'],
  ['乜嘢', '什么'],
  ['咩嘢', '什么'],
  ['佢哋', '他们'],
  ['我哋', '我们'],
  ['佢', '他'],
  ['咗', '了'],
  ['冇', '没有'],
  ['喺', '在'],
  ['睇', '看'],
  ['嘅', '的'],
  ['啱', '对'],
];
const BY_LENGTH = [...WORDS].sort((a, b) => b[0].length - a[0].length);
const PATTERN = new RegExp(BY_LENGTH.map(([c]) => c).join('|'), 'gu');
const TO = new Map(WORDS);

/** 系 as the verb "to be" — not inside 关系, 联系, 体系, 系统, 系列, 中文系 (a department) … */
const XI_VERB = /(?<![关联体派直维世父母嫡旁院科干])系(?![统列数])/gu;
/** 俾 as "to give / by" ("俾咗五百", "俾水浸咗"): before flood words it is 被, otherwise 给. */
const BEI_PASSIVE = /俾(?=[水雨火风雪泥山洪冰雹虫])/gu;
/** 蚊 after a figure is the unit 元 ("三千蚊", "2000蚊"); 蚊子 elsewhere is a mosquito. */
const MAN_UNIT = /(?<=[0-9０-９零一二两三四五六七八九十百千万kKwW])蚊(?!子)/gu;

const CANTONESE_MARK = /[唔冇咗佢喺睇嘅啱哋咩乜系俾蚊]|屋企|几多|边个/u;

/** The text with Cantonese words written as Mandarin; anything else unchanged. Pure. */
export function fromCantonese(text: string): string {
  if (!CANTONESE_MARK.test(text)) return text;
  return text
    .replace(PATTERN, (w) => TO.get(w) ?? w)
    .replace(XI_VERB, '是')
    .replace(BEI_PASSIVE, '被')
    .replace(/俾/gu, '给')
    .replace(MAN_UNIT, '元');
}
