/**
 * How villagers name a disaster, by kind, kept as data beside the disaster question
 * (flows/application/disaster.ts): the official words, then what happened in their words
 * ("山洪", "下大雨房子塌了", "雹子", "暴雪压塌了牛棚"). A reply is matched by these words inside
 * it (flows/parse/choice.ts); one naming two kinds is asked again, never guessed.
 */
export const DISASTER_WORDS = {
  flood: ['洪涝', '洪水', '遭水', '遭了水', '进水', '山洪', '洪', '水灾', '涝', '发大水', '大水', '涨水', '发水', '水冲', '被水', '淹', '暴雨', '大雨', '下雨', '雨水', '连阴雨', '水泡', '泡了', '泡坏', '泡塌', '泡倒', 'flood'],
  drought: ['干旱', '旱灾', '旱', '不下雨', '没下雨', '干死', '晒死', 'drought'],
  fire: ['火灾', '着火', '失火', '起火', '烧', '火', 'fire'],
  geological: ['地质灾害', '滑坡', '山体滑坡', '泥石流', '塌方', '地震', '地陷', '塌陷', '山塌', '落石', '石头滚', 'landslide', 'earthquake', 'geological', '滑破', '山体滑破', '泥实流'],
  wind_hail: ['风雹', '大风', '冰雹', '雹子', '雹', '台风', '龙卷风', '刮', 'hail', 'storm', 'wind', '冰包', '冰豹', '雹灾', '冰蛋', '吹倒', '吹塌', '吹跑', '吹翻', '风把'],
  // typed by sound (冰包 for 冰雹, 山体滑破 for 滑坡) and disasters without a kind of their own (虫灾 → 其他)
  other: ['其他', '其它', '别的', '暴雪', '大雪', '雪灾', '雪压', '雪', '冰冻', '冻灾', '霜冻', '冻死', '冻坏', '霜', 'snow', 'other', '虫灾', '虫害', '蝗虫', '病虫害', '鼠害', '瘟', '猪瘟', '鸡瘟', '疫病'],
} as const;

export type DisasterWordKind = keyof typeof DISASTER_WORDS;

/**
 * The kinds a reply names by their words ("发大水又起火" → flood, fire): a word inside a longer word
 * of another kind does not count. Several mean the reply cannot be filed as one kind as it stands.
 */
export function disasterKindsNamed(text: string): DisasterWordKind[] {
  const s = text.toLowerCase();
  const kinds = Object.keys(DISASTER_WORDS) as DisasterWordKind[];
  const hits = kinds.flatMap((id) => DISASTER_WORDS[id].filter((w) => s.includes(w)).map((w) => ({ id, w: w as string })));
  const kept = hits.filter((h) => !hits.some((g) => g.id !== h.id && g.w.length > h.w.length && g.w.includes(h.w)));
  return [...new Set(kept.map((h) => h.id))];
}
