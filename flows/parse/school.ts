/**
 * A school taken out of a sentence: "在县二中读书" → 县二中, "就在县职中" → 县职中,
 * "县第一中学" → 县第一中学. A name ends like a school (中学, 小学, 大学, 学院, 职中, 一中 …)
 * and has something before its ending; the words leading up to it and after it are not part of it.
 */
import { normalizeInput } from './normalize';

/** A school's name ends with one of these, or with a number and 中 ("县二中"). */
export const SCHOOL_ENDINGS: readonly string[] = [
  '实验学校', '职教中心', '九年制学校', '完小', '职业技术学院', '职业学院', '技术学院', '中心小学', '中心校', '中学', '小学', '大学', '学院', '学校', '职中', '职高', '技校', '中专',
  '卫校', '幼儿园', '附中', '附小', '师范', '高中', '初中',
];
const NUMBERED = /[一二三四五六七八九十0-9]中/u;
/** Leading up to a school's name in a sentence. */
export const BEFORE_SCHOOL: readonly string[] = [
  '就在', '是在', '在', '读的', '读', '上的', '上', '念的', '念', '考上了', '考上', '考的', '去了', '去', '是',
  // a lead-in naming it inside a sentence ("省城的一个大专 叫农业职业学院")
  '名字叫做', '名字叫', '名字是', '叫做', '叫',
];
/** A lead-in naming what is asked ("学校名字叫县职教中心", "学校是县一中", "孩子的学校叫…"): not part of the name. */
export const SCHOOL_LEADINS: readonly string[] = [
  '学校的名字叫做', '学校的名字叫', '学校的名字是', '学校名是', '学校名叫', '学校名字叫做', '学校名字叫', '学校名字是', '学校全名叫', '学校全名是', '学校叫做', '学校叫', '学校是', '学校在', '学校就是',
  '孩子的学校是', '孩子的学校叫', '他的学校是', '她的学校是', '读书的学校是', '上学的学校是', '在读的学校是', '名字叫做', '名字叫', '名字是', '全名是', '叫做', '叫',
];
const LEADINS = [...SCHOOL_LEADINS].sort((a, b) => b.length - a.length);

/** "学校名字叫县职教中心" → "县职教中心": the lead-in naming the question taken off. */
export function stripSchoolLeadin(text: string): string {
  const s = normalizeInput(text).trim();
  const w = LEADINS.find((x) => s.startsWith(x) && s.length > x.length);
  return w ? s.slice(w.length).replace(/^[\s:：,，]+/u, '') : s;
}

const NAME_CHAR = /[\p{Script=Han}A-Za-z0-9·()（）]/u;
const byLength = (w: readonly string[]) => [...w].sort((a, b) => b.length - a.length);
const ENDINGS = byLength(SCHOOL_ENDINGS);
const BEFORE = byLength(BEFORE_SCHOOL);

/** "在镇上的中学", "村里那个小学": the town's or village's own school described, said back as 镇中学 / 村小学 (a county's: 县高中). */
const DESCRIBED = /^(?:我们|俺们|咱们|在|就在|是)?([县镇乡村])((?:子)?(?:里|上|城里)?(?:的|那个|这个|那所|这所|那)*)(中心小学|中学|小学|初中|高中|幼儿园|中心校|完小|职中|职高)$/u;

/** The name a cadre would file for a school described by its place; null when it is named (or not such a description). */
export function describedSchool(text: string): string | null {
  const s = normalizeInput(text).replace(/\s+/gu, '');
  const m = DESCRIBED.exec(s);
  if (!m) return null;
  // "俺们镇中学" is its name; only a place word or a pointing word between makes a description
  return m[2] === '' ? null : m[1] + m[3];
}

/** Words placing the school in a sentence ("孩子在县一中"): the name starts after the last. */
const PLACING = ['考上了', '考上', '就在', '在', '读', '念', '上'];

/** The school named in a sentence, or null. */
export function findSchool(text: string): string | null {
  const s = stripSchoolLeadin(text);
  const endingAt = (i: number) => ENDINGS.find((e) => s.startsWith(e, i)) ?? (NUMBERED.test(s.slice(i, i + 2)) ? s.slice(i, i + 2) : undefined);
  for (let end = 0; end < s.length; end++) {
    const first = endingAt(end);
    if (!first) continue;
    // an ending running on into a longer one: "第一中学" (一中 → 中学), "师范大学" (师范 → 大学)
    let stop = end + first.length;
    let last = first.length;
    for (let i = end + 1; i <= stop && i < s.length; i++) {
      const next = endingAt(i);
      if (next && i + next.length > stop) {
        stop = i + next.length;
        last = next.length;
      }
    }
    let start = end;
    while (start > 0 && NAME_CHAR.test(s[start - 1])) start--;
    let name = s.slice(start, stop);
    for (let cut = true; cut; ) {
      const w = BEFORE.find((b) => name.startsWith(b) && name.length - b.length >= last);
      cut = w !== undefined;
      if (w) name = name.slice(w.length);
    }
    // "县城的育才中学": the name is what follows the last 的
    const of = name.lastIndexOf('的');
    if (of >= 0 && name.length - of - 1 > last) name = name.slice(of + 1);
    // "孩子在县一中": who is said before the place is no part of the name
    const placed = Math.max(...PLACING.map((w) => { const at = name.lastIndexOf(w); return at < 0 ? -1 : at + w.length; }));
    if (placed > 0 && name.length - placed > last && /[上读念考在去到了刚是的升]/u.test(name.slice(0, name.length - last))) name = name.slice(placed);
    // "一所中专", "那个大学": a school described, not named — a name may follow ("一所中专 叫市卫生学校")
    if (/^[一那这哪]?[所个间家座]/u.test(name)) continue;
    // a verb left in front ("刚考上大学", "省城的大学") is a sentence, not a name: none is taken
    if (name.length > last && !/[上读念考在去到了刚是的升写填]/u.test(name.slice(0, name.length - last))) return name;
  }
  return null;
}
