/**
 * How villagers say how many live in the household, kept as data beside the reader
 * (household.ts): set phrases ("老两口", "就我一个"), the people one may list ("我和老伴、儿子"),
 * and what may stand around a count ("俺家4口人", "一家五口").
 */

/** Set phrases and their count, after the lead-ins below are taken off. */
export const HOUSEHOLD_PHRASES: Record<string, number> = {
  老两口: 2, 我们老两口: 2, 俺们老两口: 2, 两口子: 2, 我们两口子: 2, 夫妻俩: 2, 夫妻两个: 2, 我们夫妻俩: 2, 我们夫妻两个: 2,
  我和老伴: 2, 我跟老伴: 2, 俺和老伴: 2, 俺跟老伴: 2, 我和老伴两个: 2, 我跟老伴两个: 2, 我和老伴俩: 2, 我和我老伴: 2,
  我和爱人: 2, 我跟爱人: 2, 我们两个: 2, 我们俩: 2, 我俩: 2, 俺俩: 2, 俺们俩: 2, 咱俩: 2,
  我一个: 1, 我一个人: 1, 俺一个: 1, 俺一个人: 1, 我一人: 1, 一个人: 1, 我自己: 1, 俺自己: 1, 自己一个人: 1,
  我自己一个人: 1, 光棍一个: 1, 孤身一人: 1, 独自一人: 1, 一个: 1,
  // the old couple and the one left alone, as villagers name them ("就俩老的", "孤寡老人")
  俩老的: 2, 俩老: 2, 两老: 2, 两个老的: 2, 两个老: 2, 俩老人: 2, 两个老人: 2, 老两个: 2, 老俩口: 2, 孤寡老人: 1, 孤老: 1, 五保户: 1, 光棍: 1, 单身: 1,
  // a parent and a child alone ("俺娘俩", "我们爷儿俩")
  ...Object.fromEntries(
    ['娘俩', '娘儿俩', '爷俩', '爷儿俩', '父子俩', '母子俩', '母女俩', '父女俩'].flatMap((pair) =>
      ['', '我', '俺', '我们', '俺们', '咱', '咱们'].map((lead) => [lead + pair, 2]),
    ),
  ),
};

/** "儿子一家三口", "闺女家4口": a family within the household and its own count (the capture). */
export const SUB_FAMILY = /^.+?(?:一家子|一家|家)([0-9零一二两俩仨三四五六七八九十]+)口人?$/u;

/** Leading words of a member or a set phrase in a list ("我老两口和…", "家里就…"). */
export const MEMBER_LEADS = /^(?:我们|俺们|我家|俺家|家里|就|我|俺)/u;

/** Lead-ins and particles around a household answer ("家里就老两口", "俺家一共5口人", "就我一个"). */
export const HOUSEHOLD_PREFIXES = [
  // "就剩我一个了", "只剩老两口": those left at home
  '现在', '如今', '就剩下', '就剩', '只剩下', '只剩', '剩下', '还剩', '剩',
  // "人口是三个", "家里人数是5": the question's own word before the count
  '家庭人口', '人口数', '人口', '人数', '户口本上', '户口上', '我们家', '俺们家', '咱家', '俺家', '我家', '家里', '全家', '一家子', '一家', '一共', '总共', '共', '只有', '就', '只', '有', '是',
];
export const HOUSEHOLD_SUFFIXES = ['啊', '吧', '呀', '了', '的', '哦', '嘛', '过日子', '一起过', '过', '在家', '住'];

/** People of a household one may list; "我和老伴、两个孙子" counts 4 (said back to confirm). */
export const MEMBERS = [
  '我', '俺', '本人', '自己', '老伴', '老伴儿', '爱人', '老婆', '媳妇', '妻子', '丈夫', '老公', '对象', '儿子', '女儿', '闺女',
  '孩子', '娃', '小孩', '孙子', '孙女', '外孙', '外孙女', '儿媳', '儿媳妇', '女婿', '父亲', '母亲', '爸', '妈', '爸爸', '妈妈',
  '老父亲', '老母亲', '老爹', '老娘', '公公', '婆婆', '岳父', '岳母', '哥哥', '弟弟', '姐姐', '妹妹', '奶奶', '爷爷', '老人',
  '老头子', '老头', '老婆子', '老太婆', '孙儿', '外孙子',
  // "两个老的加两个小的", "两个大人一个小孩": the old and the young, the grown and the children
  '老的', '小的', '大人', '大的', '小孩子', '孩子们',
  // 西南: 老汉 / 老汉儿 (husband or father), 幺儿 (the youngest child), 屋头的 (the spouse)
  '老汉', '老汉儿', '幺儿', '孙娃', '孙娃子', '女子',
];

/** Before a member, the child's place among siblings ("大儿子", "二儿子", "小孙女"): one person, not a count. */
export const MEMBER_ORDINAL = /^(?:大|二|三|四|五|小|老|幺)$/u;

/** A clause saying only that the household is small or large ("莫得几个人", "人不多", "人口多"): beside the people listed, nothing to count. */
// "俺家人口多，八个": a clause saying it is large, beside the count, is nothing to count either
export const FEW_PEOPLE = /^(?:莫得|没得|没有|没|冇)(?:几|多少)个?人?$|^人(?:不多|少|很少)$|^(?:没|莫得|没得)几口$|^(?:我们家|俺们家|俺家|我家|咱家|家里)?人口?(?:多|挺多|很多|不少|多得很)$/u;
/** Between listed people. */
// "两口子加俩孩子": 加 joins groups as 和 does (the longer joiners first, so "外加" is not read as 外 + 加)
export const MEMBER_SEPARATORS = /和|跟|与|还有|再加上|外加|再加|加上|加|及|带着|带|[、,]/u;

/**
 * What a clause says about members beside the count ("两个在外打工", "儿子在外地", "老伴走了"): people
 * away still count on the household register, so such a clause does not change the count said.
 */
export const ABOUT_MEMBERS = /在外|外地|外面|外头|打工|上学|读书|念书|上大学|当兵|在家|城里|出去|不在|常年|走了|去世|过世|没了|嫁|分出去|分家|住校/u;

/** People said besides a count ("4口人，还有两个孙子"): whether they are in it is not said — asked again. */
// "两口子加几个孩子": a group joined by 加 / 带 whose count cannot be read — asked again, never the part stored
export const MORE_PEOPLE = /还有|加上|另外|外加|再加|以及|加(?!起来|一起|在一起)|带/u;
