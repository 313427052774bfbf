/**
 * A town or village said by part of its name or vaguely, the way it is said in the village:
 * "东山" for 东山镇, "桃园" for 桃园村, "就是东山那边", "东山的", "俺们是桃园的". Matched against the
 * county's own places (never a guess beyond them): the name said whole (without its 镇/乡/村) is
 * `exact`; a name that only begins with or holds what was said is `partial` — said back for a yes.
 */
import { stripFillers } from './fillers';
import { normalizeInput, stripAffixes } from './normalize';
import { PLACE_SUFFIXES } from './place-sound';

/** Said around a place's name without being part of it: "俺们是…的", "在…那边", "…那一片". */
const AROUND_BEFORE = ['我们是', '俺们是', '咱们是', '我是', '俺是', '咱是', '我家是', '俺家是', '我家在', '俺家在', '住在', '我们', '俺们', '咱们', '我家', '俺家', '咱家', '就在', '在', '是'];
const AROUND_AFTER = ['那一片', '那一带', '那一块', '那边的', '那块的', '那边', '那块', '那儿', '那里', '这边', '这块', '那片', '一带', '附近', '里的', '的', '吧', '呀', '啊'];

/** Words for a village in the north and the south-west (屯, 堡, 寨, 营, 庄), said where the county's name ends in 村. */
const VILLAGE_WORDS = ['屯', '堡', '寨', '营', '庄'];

export interface PlaceMatch<T> {
  exact: T[];
  partial: T[];
  /** What was said of the place, without the words around it ("就是东山那边" → 东山). */
  said: string;
}

/** The name without its 镇/乡/村 ("东山镇" → 东山); the whole name when that would leave one character. */
export function placeCore(name: string): string {
  const suffix = PLACE_SUFFIXES.find((x) => name.endsWith(x) && name.length > x.length + 1);
  return suffix ? name.slice(0, -suffix.length) : name;
}

/** What was said of the place, without fillers and the words around it. */
function saidName(text: string): string {
  const s = stripFillers(normalizeInput(text)).replace(/[\s,.;:!~、…]+/gu, '');
  return stripAffixes(s, AROUND_BEFORE, AROUND_AFTER);
}

/**
 * The places the text names by their name or a part of it (two characters at least, Chinese only).
 * Empty lists when it names none — the caller's other readers (the list, the sound) decide then.
 */
export function placesNamed<T extends { name: string }>(text: string, places: readonly T[]): PlaceMatch<T> {
  const said = saidName(text);
  const none = { exact: [], partial: [], said };
  if (Array.from(said).length < 2 || !/^\p{Script=Han}+$/u.test(said)) return none;
  // "西河村" said whole names a village, never the town 西河乡: a name with its 镇/乡/村 matches only as written
  if (placeCore(said) !== said) return { exact: places.filter((p) => p.name === said), partial: [], said };
  const exact = places.filter((p) => placeCore(p.name) === said);
  if (exact.length > 0) return { exact, partial: [], said };
  // "柳树屯" where the county writes 柳树村: a northern word for a village said for 村 — said back, never taken
  const other = VILLAGE_WORDS.find((w) => said.endsWith(w) && said.length > w.length + 1);
  if (other) return { exact: [], partial: places.filter((p) => p.name.endsWith('村') && placeCore(p.name) === said.slice(0, -other.length)), said };
  return { exact: [], partial: places.filter((p) => p.name.includes(said)), said };
}
