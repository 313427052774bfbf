/**
 * What villagers say around a name, as data (read by name.ts): the lead-ins before it
 * ("我叫", "户主是"), the words after it ("（户主）", "是户主"), and the marks of a name that is
 * not the one on the ID card (老李, 小芳, 李老汉, 二丫, 张师傅).
 */

/**
 * "I", "we", "he", "she" as villagers type them, dialect forms too (额 in Shaanxi, 咱, 偶, 阿拉 in
 * Shanghai, 侬), and the people a name is asked about (老太太, 娃): each with the verbs that lead a name.
 */
export const NAME_PRONOUNS: readonly string[] = [
  '额', '咱', '偶', '阿拉', '侬', '俺们', '咱们', '我们', '他', '她', '它', '他的', '她的', '额的', '咱的', '偶的',
  '老太太', '老太婆', '老太', '老头子', '老头儿', '老头', '老爷子', '老汉', '老人家', '老人', '孩子', '娃', '娃儿', '娃子', '小孩', '学生', '病人', '患者',
  // pointing at the person meant ("俺家那个叫王建国", "我们家户主叫徐春生"; the owner before them is taken off by name.ts)
  '那个人', '这个人', '那个', '这个', '那位', '这位', '那人', '户主', '申请人', '户主的名字', '户主名字',
];
/** Before a lead-in, whose person it is ("俺家那个叫…", "我们家户主是…"): no part of the name. */
export const NAME_OWNERS: readonly string[] = ['我们屋里', '我们屋', '俺们屋', '我屋里', '俺屋里', '我屋', '俺屋', '我们家', '俺们家', '咱们家', '额们家', '我家', '俺家', '咱家', '额家', '我们', '俺们', '咱们', '我的', '俺的', '我', '俺', '咱', '额'];
const LEADIN_VERBS = ['的名字叫', '的名字是', '名字叫做', '名字叫', '名字是', '就叫', '就是', '叫做', '叫', '是'];
function pronounLeadins(): string[] {
  return NAME_PRONOUNS.flatMap((p) => LEADIN_VERBS.map((v) => p + v));
}

/** Said before the name; the longest that fits is taken off first. */
export const NAME_LEADINS: readonly string[] = [
  '我的名字叫', '我的名字是', '俺的名字叫', '俺的名字是', '我名字叫', '我名字是', '俺名字叫', '名字叫做', '名字叫', '名字是', '名字',
  // "就是王小明", "名字就叫王小明": 就 only stresses the name that follows
  '名字就是', '名字就叫', '就是叫', '就叫做', '就是',
  '我的姓名是', '姓名是', '姓名叫', '姓名', '全名是', '全名叫', '全名', '大名叫', '大名是', '大名', '我叫做', '我叫', '俺叫', '我是', '俺是', '吾叫', '吾是', '叫做', '名叫', '就叫', '叫',
  '户主是', '户主叫', '户主名字叫', '户主', '申请人是', '申请人叫', '申请人', '本人是', '本人叫', '本人',
  '他叫', '她叫', '他是', '她是', '病人叫', '病人是', '病人名字叫', '病人', '患者叫', '患者是', '患者',
  '学生叫', '学生是', '学生名字叫', '学生', '孩子叫', '孩子名字叫', '娃叫', '娃儿叫', '是',
  // what was written down ("写的是王桂花", "报的名字是赵春华")
  '上面写的是', '上面写的', '上面是', '写的是', '填的是', '报的名字是', '报的名字叫', '报的是',
  ...pronounLeadins(),
  // fillers before the answer ("嗯 我叫陈德福")
  '嗯嗯', '嗯', '哦', '噢', '喔', '啊', '那个', '好的', '好', '你好', '您好',
];

export const EN_NAME_LEADINS: readonly string[] = [
  'my name is', "my name's", 'name is', 'the name is', 'his name is', 'her name is', 'full name:', 'full name', 'name:', 'name',
  "i'm", 'i am', 'this is', "it's", 'it is', 'called',
];

/**
 * "As on the ID card": what follows is the name exactly as written there, even when it looks like
 * a way of calling someone (a few people are registered as 王二丫) or has no common surname.
 */
export const AS_ON_ID: readonly string[] = [
  '身份证上就是', '身份证上的名字是', '身份证上写的是', '身份证上写的', '身份证上是', '身份证上叫', '身份证上', '身份证名字是', '身份证名字',
  // the household register and the village's records say the same name ("户口本上写的是…", "登记的名字是…")
  '户口本上的名字是', '户口本上的名字叫', '户口本上写的是', '户口本上写的', '户口本上是', '户口本上叫', '户口本上', '户口簿上写的是', '户口簿上是', '户口上写的是', '户口上是',
  '登记的名字是', '登记的名字叫', '登记名字是', '登记的是', '登记的叫', '登记是', '证件上写的是', '证件上是', '证上写的是', '证上写的', '证上是',
];

/** Said after the name: the applicant's role, or nothing that changes it. */
export const NAME_TAILS: readonly string[] = [
  '我就是户主', '我是户主', '俺是户主', '就是户主', '是户主', '户主', '是本人', '本人', '是申请人', '申请人', '就是我', '是我',
];

/** Particles a sentence ends with ("李桂兰啊"). */
export const PARTICLES = '啊呀吧哦嘛呢哈噢喔啦咯嘞哟呗噻撒哒';

/** In brackets after a name, words that only say the role ("李桂兰（户主）"). */
export const ROLE_WORDS: readonly string[] = ['户主', '本人', '申请人', '我', '俺', '我自己', '病人', '患者', '学生'];

/** A first character that makes a name a way of calling someone: 老李, 小芳, 阿明. */
export const CALLING_PREFIXES = '老小阿亚';

/**
 * The longest way of calling someone with each prefix: longer, it is a name. Yi names begin with 阿
 * (阿牛木呷, 阿说伍各, 阿依古丽): four characters or more are a name on the ID card, not 阿明.
 */
export const CALLING_MAX_LENGTH: Readonly<Record<string, number>> = { 老: 4, 小: 4, 阿: 3, 亚: 4 };

/** Typed for the "·" of a minority name ("阿依古丽.吐尔逊", "吾买尔江 艾力"): read as "·", the name said back. */
export const MIDDLE_DOT_VARIANTS = /[.．\s]/u;

/** Birth order used as a name at home: 二丫, 三娃, 大妮. */
export const BIRTH_ORDER = '大二三四五六七八九十幺';

/** Characters of a child's name at home: 狗蛋, 二丫, 大宝. */
export const HOME_NAME_CHARS = '丫妮娃蛋伢妞囡崽宝毛狗';

/**
 * After a surname, words that make a way of addressing someone rather than a name: 李老汉,
 * 张师傅, 王婶. One-character ones count only right after a bare surname (王婶), since they
 * also occur in given names (王小妹).
 */
export const HONORIFICS: readonly string[] = [
  '老太太', '老太婆', '老头儿', '老头子', '老汉', '老头', '老太', '老爷子', '大爷', '大娘', '大妈', '大叔', '大婶', '大哥', '大姐',
  '阿姨', '阿婆', '阿公', '亚婆', '亚公', '阿伯', '亚伯', '阿叔', '亚叔', '阿婶', '亚婶', '阿嫂', '亚嫂', '阿姐', '阿哥', '阿妹', '老婆婆', '老公公', '婆婆', '公公', '老奶奶', '老爷爷',
  '老大爷', '老大娘', '大伯', '大娘子', '阿奶', '阿爷', '大嫂', '师傅', '老师', '医生', '大夫', '老板', '主任', '书记', '村长', '队长', '会计', '婶子', '嫂子', '奶奶', '爷爷', '家的', '妹子', '丫头', '姑娘', '娃子',
  '婶', '嫂', '哥', '姐', '叔', '伯', '总', '爷', '婆',
  // a formal or polite address after a full name ("王大山同志", "李秀英老人家"): said back, never filed with it
  '老同志', '同志', '老人家', '老先生', '先生', '女士',
];

/** Characters that do not occur in a name but in a sentence about one. */
export const NOT_NAME_CHARS = '我俺额咱你您他她它们谁啥么吗呢没不叫姓的了';

/**
 * After a surname, a given part that is a way of calling someone at home, not the name on the
 * ID card (a few are registered so, hence said back, not refused): 王老五, 李老三 (老 and the birth
 * order), 张二狗子, 刘二蛋 (birth order and a child's home name), 赵铁蛋子 (…子).
 */
export const NICKNAME_AFTER_SURNAME: readonly RegExp[] = [
  /^老[大二三四五六七八九十幺小]$/u,
  /^[大二三四五六七八九十幺小][丫妮娃蛋伢妞囡崽宝毛狗][子儿]?$/u,
  /^\p{Script=Han}[丫妮娃蛋伢妞囡崽宝毛狗]子$/u,
];

/** Answers that are not a name at all. */
export const NOT_NAMES: readonly string[] = [
  '家人', '家里人', '本人', '自己', '户主', '申请人', '病人', '患者', '学生', '孩子', '不知道', '不晓得', '忘了', '忘记了', '保密', '没有', '无',
  '不清楚', '一样', '同上', '同前', '见上',
  // replies to the chat itself (a yes or no word is refused by the reader too)
  '提交', '确认提交', '好了', '行了', '知道了', '收到', '明白', '明白了', '晓得了', '谢谢', '上一步', '返回', '跳过', '重来', '重新填', '取消',
];

/**
 * School grades said about students ("老大高二老二初一", "三年级"): a text with two of them, or a
 * grade of primary school or a kindergarten, is no name (one alone may be: 高一鸣 is a name).
 */
export const GRADE_WORDS = /[高初][一二三]|[一二三四五六]年级/gu;
export const NEVER_IN_NAME = /年级|幼儿园/u;

/** Between two names: "张三和李四". */
export const NAME_JOINERS = /[和跟与、,&]|还有/u;
