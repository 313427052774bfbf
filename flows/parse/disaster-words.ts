/**
 * How villagers name a disaster, by kind, kept as data beside the disaster question
 * (flows/application/disaster.ts): the official words, then what happened in their words
 * ("山洪", "下大雨房子塌了", "雹子", "暴雪压塌了牛棚"). A reply is matched by these words inside
 * it (flows/parse/choice.ts); one naming two kinds is asked again, never guessed.
 */
export const DISASTER_WORDS = {
  flood: ['洪涝', '洪水', '山洪', '洪', '水灾', '涝', '发大水', '大水', '涨水', '发水', '水冲', '被水', '淹', '暴雨', '大雨', '下雨', '雨水', '连阴雨', 'flood'],
  drought: ['干旱', '旱灾', '旱', '不下雨', '没下雨', 'drought'],
  fire: ['火灾', '着火', '失火', '起火', '烧', '火', 'fire'],
  geological: ['地质灾害', '滑坡', '山体滑坡', '泥石流', '塌方', '地震', '地陷', '塌陷', 'landslide', 'earthquake', 'geological'],
  wind_hail: ['风雹', '大风', '冰雹', '雹子', '雹', '台风', '龙卷风', '刮', 'hail', 'storm', 'wind'],
  other: ['其他', '其它', '别的', '暴雪', '大雪', '雪灾', '雪压', '冰冻', '冻灾', '霜冻', 'snow', 'other'],
} as const;
