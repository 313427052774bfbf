/**
 * How a household head's name is shown on a public notice (公示). Villages differ: most post the
 * surname and the last character with the middle hidden (张*兰), some hide the whole given name
 * (张**), a few post it in full. The surname stays (a compound surname — 欧阳, 司马 — whole), so
 * neighbours can tell who is meant; the given name's characters become "*".
 *
 *   middle  张秀兰 → 张*兰   张三 → 张*   欧阳小明 → 欧阳*明   (the default)
 *   given   张秀兰 → 张**    张三 → 张*   欧阳小明 → 欧阳**
 *   none    张秀兰 → 张秀兰
 *
 * A name in Latin letters ("Zhang Xiulan"): its first word stays, the later words are masked the
 * same way letter by letter (middle keeps their first letter).
 */
export const NAME_MASKS = ['middle', 'given', 'none'] as const;
export type NameMask = (typeof NAME_MASKS)[number];
export const DEFAULT_NAME_MASK: NameMask = 'middle';

/** 复姓 seen in the county registers (the longest match wins over a single-character surname). */
const COMPOUND_SURNAMES = new Set([
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '令狐', '长孙', '宇文', '司徒', '夏侯', '轩辕', '端木', '独孤', '南宫', '西门', '百里', '呼延', '澹台', '公冶', '太史', '申屠', '闻人', '万俟', '钟离', '赫连', '拓跋',
]);

const STAR = '*';

export function maskName(name: string, mask: NameMask): string {
  const clean = name.trim().replace(/\s+/g, ' ');
  if (mask === 'none') return clean;
  if (clean.length === 0) return STAR;
  if (/^[\x20-\x7e]+$/.test(clean)) return maskLatin(clean, mask);
  const chars = [...clean.replace(/ /g, '')];
  if (chars.length === 1) return STAR;
  const surnameLength = chars.length >= 3 && COMPOUND_SURNAMES.has(chars.slice(0, 2).join('')) ? 2 : 1;
  const surname = chars.slice(0, surnameLength).join('');
  const given = chars.slice(surnameLength);
  if (mask === 'given' || given.length === 1) return surname + STAR.repeat(given.length);
  return surname + STAR.repeat(given.length - 1) + given[given.length - 1];
}

function maskLatin(name: string, mask: Exclude<NameMask, 'none'>): string {
  const [first, ...rest] = name.split(' ');
  if (rest.length === 0) return first!.length <= 1 ? STAR : first![0] + STAR.repeat(first!.length - 1);
  const masked = rest.map((w) => (mask === 'middle' ? w[0] + STAR.repeat(w.length - 1) : STAR.repeat(w.length)));
  return [first, ...masked].join(' ');
}
