/**
 * How villagers say when something happened, as data (read by date.ts): days counted back from
 * today, weekdays, parts of a month, and the answers that name no day at all — which are asked
 * again or kept with what they do say (a month), never turned into a day nobody said.
 */

/** Exactly this many days ago. */
export const DAYS_BACK: Record<string, number> = {
  今天: 0, 今日: 0, 今儿: 0, 今儿个: 0,
  昨天: 1, 昨日: 1, 昨儿: 1, 昨儿个: 1,
  前天: 2, 前日: 2, 前儿: 2, 前儿个: 2, 大前天: 3,
  一周前: 7, 一个星期前: 7, 一个礼拜前: 7, 一星期前: 7,
};

/** Mon = 1 … Sun = 7, as typed after 周/星期/礼拜. */
export const WEEKDAYS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 7 };

/** Years named by their distance from this one. */
export const YEARS_BACK: Record<string, number> = { 今年: 0, 去年: 1, 前年: 2, 大前年: 3 };

/** Parts of a month: kept with the month (a cadre reads "8月中旬"), never made a day. */
export const MONTH_PARTS: Record<string, 'early' | 'mid' | 'late'> = {
  上旬: 'early', 初: 'early', 月初: 'early', 头: 'early', 开头: 'early', 头上: 'early', 月头: 'early', 月头上: 'early', 上半月: 'early',
  初几: 'early', 初几号: 'early', 头几天: 'early', 的头几天: 'early', 前几天: 'early', 的前几天: 'early', 一号几号: 'early',
  中旬: 'mid', 中: 'mid', 月中: 'mid', 中间: 'mid', 半: 'mid', 十几号: 'mid', 十几日: 'mid', 十几: 'mid', 十多号: 'mid',
  下旬: 'late', 底: 'late', 月底: 'late', 末: 'late', 月末: 'late', 尾: 'late', 月尾: 'late', 下半月: 'late',
  二十几号: 'late', 二十几日: 'late', 二十几: 'late', 二十多号: 'late', 最后几天: 'late', 的最后几天: 'late',
};

/**
 * The start or end of a year ("年初", "去年年底", "2024年底"): its first or last month, kept as a month
 * and said back for a yes — a cadre writes "2024年12月（日期不详）", never a day.
 */
export const YEAR_ENDS: Record<string, 'early' | 'late'> = {
  年初: 'early', 年头: 'early', 年头上: 'early', 开年: 'early', 一开年: 'early',
  年底: 'late', 年末: 'late', 年尾: 'late', 年根: 'late', 年根儿: 'late', 年根底下: 'late', 年关: 'late', 年尾巴: 'late',
};

/** "去年这个时候": the month it is now, in the year said — said back for a yes. */
export const THIS_TIME: readonly string[] = ['这个时候', '这时候', '这会儿', '这阵子', '这个月', '这个季节'];

/** A time with no day and no month in it: asked again with an example. */
export const VAGUE_DAYS: readonly string[] = ['前几天', '前些天', '前些日子', '这几天', '那几天', '最近', '前阵子', '前段时间', '不久前', '前一阵', '几天前', '没几天'];
export const VAGUE_WEEKS: readonly string[] = ['上周', '上星期', '上个星期', '上礼拜', '上个礼拜', '这周', '这星期', '这个星期', '本周', '上上周'];
export const SEASONS: readonly string[] = [
  '春天', '夏天', '秋天', '冬天', '春季', '夏季', '秋季', '冬季', '开春', '入冬', '过年', '春节', '年前', '年后', '年中',
  '汛期', '雨季', '农忙', '秋收', '麦收', '夏收', '插秧', '割麦', '收麦', '收稻', '收谷子', '掰玉米', '三伏天', '伏天', '入夏', '立秋', '立冬', '开春后', '春耕', '秋后', '过完年', '年过完',
];

/**
 * Days of the lunar calendar (农历), which villagers keep for festivals and farm work: "正月十五",
 * "腊月二十三", "农历八月初三", "端午", "中秋那天", "大年三十". Each is turned into its solar day
 * (lunar.ts); a lunar month without its day ("腊月里", "去年腊月") is kept to a month, never a day made up.
 */
export const LUNAR_MARKS: readonly string[] = ['农历', '阴历', '老历', '旧历'];
/** Months named only in the lunar calendar ("二月" alone is read as a solar month). */
export const LUNAR_MONTHS: Record<string, number> = { 正月: 1, 冬月: 11, 十冬月: 11, 腊月: 12 };
/** A day of a lunar month: 初一…初十, 十一…十九, 二十/廿…, 三十. */
export const LUNAR_DAY = /^(?:初[一二三四五六七八九十]|十[一二三四五六七八九]|二十[一二三四五六七八九]?|廿[一二三四五六七八九]?|三十|[0-9]{1,2}[日号]?)$/u;
/** After a lunar month, words that say "some day in it" ("腊月里"): the month without a day. */
export const LUNAR_IN_MONTH = ['里头', '里面', '里', '间', '那会儿', '的时候'];
/** Festivals on a lunar day (the 节 after them is optional): [month, day], or 'eve' for the last day of 腊月 (29 or 30). */
export const LUNAR_FESTIVALS: Record<string, readonly [number, number] | 'eve'> = {
  大年三十: 'eve', 年三十: 'eve', 除夕: 'eve', 大年夜: 'eve', 年三十晚上: 'eve',
  大年初一: [1, 1], 大年初二: [1, 2], 大年初三: [1, 3], 大年初四: [1, 4], 大年初五: [1, 5], 大年初六: [1, 6], 大年初七: [1, 7], 大年初八: [1, 8],
  正月初一: [1, 1], 元宵: [1, 15], 正月十五: [1, 15], 二月二: [2, 2], 龙抬头: [2, 2],
  端午: [5, 5], 端阳: [5, 5], 五月节: [5, 5], 五月初五: [5, 5], 七夕: [7, 7], 七月半: [7, 15], 中元: [7, 15], 鬼节: [7, 15],
  中秋: [8, 15], 八月节: [8, 15], 八月十五: [8, 15], 重阳: [9, 9], 九月九: [9, 9], 腊八: [12, 8], 小年: [12, 23], 祭灶: [12, 23],
};
/** After a lunar day, words that widen it to the days around it ("中秋前后"): said back for a yes, never taken as said. */
export const LUNAR_AROUND = /(?:前后|左右|上下|那几天|那阵子|那段时间)$/u;

/** "I do not remember the day": the month said before is what there is. */
export const NO_DAY: readonly string[] = [
  '记不清了', '记不清', '记不得了', '记不得', '不记得了', '不记得', '不记得哪天', '不记得是哪天', '不记得几号', '记不清哪天', '记不清是哪天',
  '记不清几号', '想不起来', '想不起来了', '忘了', '忘记了', '不知道哪天', '不知道几号', '不清楚', '说不准', '说不清', '具体哪天不记得',
  '哪天记不清了', '日子记不清了', '几号记不清了', '不知道', '不晓得', '不太记得', '不太记得了', '记不太清', '记不太清了', '记不大清', '具体日子记不清',
  '哪天不记得了', '哪一天记不清了', '不记得是几号', '记不住', '忘了哪天', '忘记哪天了',
  'day not known', 'day unknown', "don't remember", "can't remember", 'not sure', "i don't remember", "i can't remember", 'no idea',
  "don't know the day", "don't remember the day", "can't remember the day",
];

/** Hedges around a date: the villager's approximation of a day they name is the day they name. */
export const DATE_PREFIXES: readonly string[] = ['反正是', '反正', '大概是', '大概', '大约是', '大约', '约', '差不多是', '差不多', '应该是', '好像是', '是在', '是', '在', '就是'];
export const DATE_SUFFIXES: readonly string[] = [
  '左右', '前后', '的时候', '那天', '那会儿', '那时候', '受的灾', '遭的灾', '发生的', '出的事', '的', '吧', '啊', '呀',
  // a time of the day said with the day ("前天晚上")
  '晚上', '早上', '上午', '下午', '中午', '夜里', '半夜', '凌晨', '白天', '傍晚',
];

/** The same, in the English flow. */
export const EN_DAYS_BACK: Record<string, number> = { today: 0, yesterday: 1, 'the day before yesterday': 2, 'a week ago': 7 };
export const EN_WEEKDAYS: Record<string, number> = { monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7 };
export const EN_MONTHS: readonly string[] = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
export const EN_MONTH_PARTS: Record<string, 'early' | 'mid' | 'late'> = { early: 'early', 'beginning of': 'early', mid: 'mid', 'middle of': 'mid', late: 'late', 'end of': 'late' };
export const EN_VAGUE_DAYS: readonly string[] = ['a few days ago', 'some days ago', 'recently', 'the other day', 'lately', 'not long ago'];
export const EN_VAGUE_WEEKS: readonly string[] = ['last week', 'this week', 'the week before last'];
export const EN_SEASONS: readonly string[] = ['spring', 'summer', 'autumn', 'fall', 'winter', 'new year', 'spring festival', 'rainy season', 'harvest'];

/** Hedges that make a named day approximate ("五月二十号左右", "大概20号", "二十号前后"): the day is said back for a yes. */
export const APPROX_DAY = /^(?:大概|大约|约莫|约|差不多|好像|可能|估计)|(?:左右|前后|上下|那几天|那阵子|那段时间)$/u;
