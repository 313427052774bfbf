/**
 * Family relations as villagers name them, as data: each entry is the relation as a cadre files
 * it (zh, en) and the words that say it. A word whose meaning changes from place to place keeps
 * its own entry (媳妇 is a wife in the north and a daughter-in-law elsewhere; 婆婆 a mother-in-law
 * or a grandmother): it is filed as said, never turned into something the villager did not mean.
 */
import { COMMON_SURNAMES } from './surnames';

export interface Relation {
  /** As filed in a Chinese application. */
  zh: string;
  /** As filed in an English one. */
  en: string;
  words: readonly string[];
  enWords?: readonly string[];
}

export const RELATIONS: readonly Relation[] = [
  { zh: '配偶', en: 'spouse', words: ['老伴', '老伴儿', '爱人', '对象', '那口子', '另一半', '配偶'], enWords: ['spouse', 'partner'] },
  {
    zh: '妻子', en: 'wife',
    words: ['妻子', '老婆', '老婆子', '老太婆', '内人', '太太', '孩子他妈', '孩子她妈', '孩他妈', '孩她妈', '娃他妈', '娃她妈', '孩子妈', '孩子他娘', '孩他娘', '娃他娘', '孩子娘',
      // dialect words for the wife (西南 婆娘, 湖南 堂客)
      '婆娘', '堂客', '老婆娘'],
    enWords: ['wife'],
  },
  { zh: '媳妇', en: 'wife or daughter-in-law', words: ['媳妇', '媳妇儿', '媳妇子'] },
  // "the one at home" (北方 屋里的, 四川 屋头的): most often the wife, said back for a yes
  { zh: '屋里人', en: 'the one at home', words: ['屋里的', '屋里人', '屋头的', '屋头人', '屋里头的', '屋头那个', '屋里那个', '屋里头那个', '屋头那位', '屋里那位'] },
  {
    zh: '丈夫', en: 'husband',
    words: ['丈夫', '老公', '男人', '老头', '老头子', '老头儿', '当家的', '掌柜的', '孩子他爸', '孩他爸', '娃他爸', '孩子爸', '孩子他爹', '孩他爹', '娃他爹', '孩子爹'],
    enWords: ['husband'],
  },
  { zh: '母亲', en: 'mother', words: ['母亲', '妈', '妈妈', '老妈', '娘', '老娘', '老母亲', '阿妈', '姆妈'], enWords: ['mother', 'mom', 'mum', 'mommy'] },
  { zh: '父亲', en: 'father', words: ['父亲', '爸', '爸爸', '老爸', '爹', '老爹', '爹爹', '老父亲', '阿爸',
      // 四川 老汉儿 (not 老汉 alone: an old man or a husband in the north)
      '老汉儿'], enWords: ['father', 'dad'] },
  // 老汉 alone: a husband in the north, a father in 西南; 老爷子: a father, or a father-in-law — asked which, never filed as said
  { zh: '老汉', en: 'husband or father', words: ['老汉'] },
  { zh: '老爷子', en: 'father or father-in-law', words: ['老爷子', '家里老爷子'] },
  {
    zh: '儿子', en: 'son',
    words: ['儿子', '亲生儿子', '亲儿子', '大儿子', '二儿子', '三儿子', '小儿子', '小子', '大小子', '二小子', '儿娃子', '男娃', '男娃子', '儿娃', '崽', '崽子', '伢子', '小伙子',
      // 粤 我仔/阿仔, 闽 我囝
      '仔', '阿仔', '仔仔', '大仔', '细仔', '囝', '囝仔'],
    enWords: ['son'],
  },
  {
    zh: '女儿', en: 'daughter',
    words: ['女儿', '亲生女儿', '亲女儿', '亲闺女', '亲生闺女', '闺女', '大闺女', '二闺女', '小闺女', '姑娘', '大女儿', '二女儿', '小女儿', '丫头', '大丫头', '二丫头', '小丫头', '妮儿', '妮子', '女娃', '女娃子', '女子娃',
      // 粤 我女/阿女, 吴 囡/囡囡
      '女', '阿女', '大女', '细女', '囡', '阿囡', '囡囡'],
    enWords: ['daughter'],
  },
  {
    zh: '孩子', en: 'child',
    // 老大, 老二: a child by birth order ("我家老大"), a son or a daughter — asked which
    words: ['孩子', '娃', '娃娃', '小孩', '孩儿', '老大', '老二', '老三', '老四', '老五', '老幺',
      // 四川 幺儿 (the youngest), 娃儿
      '幺儿', '小幺儿', '娃儿'],
    enWords: ['child', 'kid'],
  },
  { zh: '孙子', en: 'grandson', words: ['孙子', '大孙子', '小孙子', '孙儿', '孙仔', '大孙仔', '细孙仔'], enWords: ['grandson'] },
  { zh: '孙女', en: 'granddaughter', words: ['孙女', '孙女儿', '大孙女', '小孙女', '孙女仔'], enWords: ['granddaughter'] },
  { zh: '外孙', en: 'grandson', words: ['外孙', '外孙子'] },
  { zh: '外孙女', en: 'granddaughter', words: ['外孙女'] },
  { zh: '儿媳', en: 'daughter-in-law', words: ['儿媳', '儿媳妇', '儿媳妇儿'], enWords: ['daughter-in-law'] },
  { zh: '女婿', en: 'son-in-law', words: ['女婿'], enWords: ['son-in-law'] },
  { zh: '公公', en: 'father-in-law', words: ['公公'], enWords: ['father-in-law'] },
  { zh: '婆婆', en: 'mother-in-law or grandmother', words: ['婆婆'], enWords: ['mother-in-law'] },
  { zh: '岳父', en: 'father-in-law', words: ['岳父', '老丈人', '丈人'] },
  { zh: '岳母', en: 'mother-in-law', words: ['岳母', '丈母娘'] },
  { zh: '祖父', en: 'grandfather', words: ['爷爷', '祖父'], enWords: ['grandfather', 'grandpa'] },
  { zh: '祖母', en: 'grandmother', words: ['奶奶', '祖母'], enWords: ['grandmother', 'grandma'] },
  { zh: '外祖父', en: 'grandfather', words: ['外公', '姥爷', '外祖父'] },
  { zh: '外祖母', en: 'grandmother', words: ['外婆', '姥姥', '外祖母'] },
  { zh: '哥哥', en: 'brother', words: ['哥哥', '哥', '大哥', '二哥'], enWords: ['brother'] },
  { zh: '弟弟', en: 'brother', words: ['弟弟', '弟', '小弟'] },
  { zh: '姐姐', en: 'sister', words: ['姐姐', '姐', '大姐', '二姐'], enWords: ['sister'] },
  { zh: '妹妹', en: 'sister', words: ['妹妹', '妹', '小妹'] },
  { zh: '兄弟', en: 'brother', words: ['兄弟'] },
  // cousins, filed as said
  { zh: '表哥', en: 'cousin', words: ['表哥'], enWords: ['cousin'] },
  { zh: '表弟', en: 'cousin', words: ['表弟'] },
  { zh: '表姐', en: 'cousin', words: ['表姐'] },
  { zh: '表妹', en: 'cousin', words: ['表妹'] },
  { zh: '堂哥', en: 'cousin', words: ['堂哥'] },
  { zh: '堂弟', en: 'cousin', words: ['堂弟'] },
  { zh: '堂姐', en: 'cousin', words: ['堂姐'] },
  { zh: '堂妹', en: 'cousin', words: ['堂妹'] },
  { zh: '侄子', en: 'nephew', words: ['侄子', '侄儿'], enWords: ['nephew'] },
  { zh: '侄女', en: 'niece', words: ['侄女'], enWords: ['niece'] },
  { zh: '叔叔', en: 'uncle', words: ['叔叔', '叔', '伯伯', '伯父', '大伯', '舅舅', '舅'], enWords: ['uncle'] },
  { zh: '婶婶', en: 'aunt', words: ['婶婶', '婶子', '姑姑', '姑妈', '姨', '阿姨', '小姨', '舅妈'], enWords: ['aunt'] },
  { zh: '曾孙', en: 'great-grandchild', words: ['重孙', '曾孙', '重孙子', '重孙女'], enWords: ['great-grandchild'] },
];

/** Words in front of a relation that only say whose it is: "我老伴", "俺家老头", "是我的儿子". */
export const POSSESSIVES: readonly string[] = [
  '是我们家的', '我们家的', '是我家的', '是俺家的', '我们家', '是我家', '是俺家', '是我的', '我家的', '俺家的', '咱家的',
  '是我', '是俺', '我的', '俺的', '我家', '俺家', '咱家', '我', '俺', '咱', '是',
  // dialect forms of "my", "our" (额 in Shaanxi and Shanxi, 偶, 阿拉 in Shanghai, 屋里 "at home")
  '是额家的', '额家的', '额们家', '额家', '额的', '是额', '额', '偶家', '偶的', '偶', '阿拉屋里', '阿拉', '我屋里', '俺屋里', '屋里',
];

/**
 * Relation words that do not say enough to file: 孩子/娃 is a son or a daughter (asked which);
 * 媳妇 is a wife in most of the north but a daughter-in-law in parts of the south (said back as the
 * wife, for a yes). Keyed by the relation as filed above (zh and en).
 */
export const UNSURE_RELATIONS: Readonly<Record<string, { ask: 'son_or_daughter' | 'husband_or_father' | 'father_or_in_law' } | { likely: { zh: string; en: string } }>> = {
  孩子: { ask: 'son_or_daughter' },
  child: { ask: 'son_or_daughter' },
  老汉: { ask: 'husband_or_father' },
  'husband or father': { ask: 'husband_or_father' },
  老爷子: { ask: 'father_or_in_law' },
  'father or father-in-law': { ask: 'father_or_in_law' },
  媳妇: { likely: { zh: '妻子', en: 'wife' } },
  'wife or daughter-in-law': { likely: { zh: '妻子', en: 'wife' } },
  屋里人: { likely: { zh: '妻子', en: 'wife' } },
  'the one at home': { likely: { zh: '妻子', en: 'wife' } },
};
export const EN_POSSESSIVES: readonly string[] = ["it's my", 'it is my', 'my own', 'my', 'our', 'the'];

/** Answers meaning "the applicant, myself". */
export const SELF_WORDS: readonly string[] = [
  '我', '我自己', '自己', '本人', '我本人', '是我', '就是我', '是我自己', '是我本人', '申请人', '申请人本人', '申请人自己',
  '俺', '俺自己', '是俺', '就是俺', '就我', '我呀', '我生病了', '我病了', '是我生病', '我得病了', '我住院了', '我自己病了',
];
export const EN_SELF_WORDS: readonly string[] = ['me', 'myself', 'self', "it's me", 'it is me', 'i am', "i'm", 'the applicant', 'i am ill', "i'm ill", 'applicant'];

/**
 * People who are not family (邻居, 朋友): not a relation the application can file for a patient or
 * a student — asked who in the family is meant.
 */
export const NOT_FAMILY_WORDS: readonly string[] = [
  '邻居', '邻居家', '隔壁', '隔壁家', '朋友', '同事', '老乡', '同乡', '熟人', '村里人', '村里的', '村民', '工友', '房东', '雇主', '老板', '同学',
];

/**
 * Saying one writes for a relative ("帮我爸申请", "替俺娘办的", "我是他儿子"): the verb before the
 * relative, and what is done for them after it. The relative is then the applicant, not the typist.
 */
export const ON_BEHALF_VERBS: readonly string[] = ['帮着', '帮', '替', '代', '给'];
export const ON_BEHALF_ACTS = /^(?:老人家|他|她)?(?:来|去|的)?(?:申请|报名|报|办|弄|填|问|打字|登记|提交)/u;
/** "我是他儿子", "俺是她闺女": the typist names themself by their relation to the person written for. */
export const FILER_SAYS = /(?:我|俺|额)是(?:他|她)(?:的|家)?/u;

/**
 * In-laws of the children (亲家): family, but another household — not a patient or a student this
 * household's application can file; explained and asked again.
 */
export const OTHER_HOUSEHOLD_WORDS: readonly string[] = [
  '亲家母', '亲家公', '亲家老太太', '亲家老爷子', '亲家奶奶', '亲家爷爷', '亲家大娘', '亲家大爷', '亲家', '儿媳妇的妈', '儿媳妇的爸', '儿媳的妈', '儿媳的爸', '女婿的妈', '女婿的爸',
];

/**
 * What a villager says about a relative before naming the relation ("腿有残疾的弟弟", "上学的小孙子",
 * "我那个在城里打工的儿子"): a description holds one of these, and no word for a person.
 */
export const DESCRIPTION_MARKS: readonly string[] = [
  '在', '有', '上学', '上', '读', '念', '打工', '得', '病', '残', '瘫', '住院', '傻', '聋', '哑', '瞎', '瘸', '摔', '断', '嫁', '离', '刚', '还', '正',
  '考', '出去', '外地', '外面', '城里', '常年', '不', '没', '最', '小的', '大的', '身体', '腿', '脑', '心', '癌', '疾', '痴', '呆', '智', '坐轮椅', '卧床',
  // the age ("80多岁的老父亲", "七十来岁的", "岁数大的", "上了年纪的")
  '岁', '年纪', '岁数',
];
/** Pointing words between "我" and a description: "我那个…的儿子". */
export const POINTING_WORDS: readonly string[] = ['那个', '这个', '那位', '这位', '那', '这'];

/** Someone in the family, not said who. */
export const FAMILY_WORDS: readonly string[] = ['家人', '家里人', '其他人', '家里其他人', '别人', '家属', '家里的人', '亲属'];
export const EN_FAMILY_WORDS: readonly string[] = ['family', 'family member', 'someone else', 'relative', 'another family member'];

/** Words joining two people in one answer: "我和老伴", "老伴跟儿子". */
export const JOINERS: readonly string[] = ['和', '跟', '与', '同', '还有', '以及', '加上', '、', ',', '及'];
export const EN_JOINERS: readonly string[] = [' and ', ' & ', ' with ', ','];
/** Words that themselves mean two or more people: "我们俩", "老两口". */
export const TWO_WORDS: readonly string[] = [
  '我们俩', '我们两个', '俺们俩', '咱俩', '我俩', '俺俩', '老两口', '两口子', '我们都', '俺们都', '我们两口子', '全家', '一家人都', '都病了', '两个人', '俩人',
  '爸妈', '父母', '爹妈', '爹娘', '公婆', '岳父母', '孩子们', '儿女', '两个孩子', '俩孩子', '两个儿子', '两个女儿',
  '两个孙子', '俩孙子', '两个孙女', '俩孙女', '两个娃', '俩娃', '两个闺女', '俩闺女', '俩儿子', '都住院了', '都在上学', '都上学', '都在读书',
];
export const EN_TWO_WORDS: readonly string[] = ['both of us', 'we both', 'both'];

/** 老大…老幺 (a child by birth order), and what after them makes an old person addressed instead (老大娘, 老二爷). */
const BIRTH_ORDER_WORD = /^老[大二三四五幺]$/u;
const KIN_AFTER_BIRTH_ORDER = /^[爷娘妈哥姐伯叔嫂婶姨舅爹人]/u;

const ALL = RELATIONS.flatMap((r) => [
  ...r.words.map((w) => ({ word: w, relation: r, lang: 'zh' as const })),
  ...(r.enWords ?? []).map((w) => ({ word: w, relation: r, lang: 'en' as const })),
]).sort((a, b) => b.word.length - a.word.length);

export interface RelationHit {
  /** As filed: the relation's Chinese or English form, in the language of the word said. */
  value: string;
  word: string;
}

/** The relation a text begins with (longest word first: 外孙女 before 外孙), and the rest of the text. */
export function leadingRelation(text: string): { hit: RelationHit; rest: string } | null {
  const lower = text.toLowerCase();
  for (const r of ALL) {
    if (!lower.startsWith(r.word)) continue;
    // an English word must end there ("son" is not "sonny")
    if (r.lang === 'en' && /^[a-z]/.test(lower.slice(r.word.length))) continue;
    // "老大娘", "老二爷" are old people addressed, not the first or second child
    if (BIRTH_ORDER_WORD.test(r.word) && KIN_AFTER_BIRTH_ORDER.test(lower.slice(r.word.length))) continue;
    return { hit: { value: r.lang === 'en' ? r.relation.en : r.relation.zh, word: r.word }, rest: text.slice(r.word.length) };
  }
  return null;
}

const POSS_SORTED = [...POSSESSIVES].sort((a, b) => b.length - a.length);
const POINTING_SORTED = [...POINTING_WORDS].sort((a, b) => b.length - a.length);

/** Words said about a relative, not a person themselves ("在城里打工", not "张三" or "我哥"). */
function isDescription(desc: string): boolean {
  if (desc === '' || Array.from(desc).length > 12 || /[他她的]/u.test(desc)) return false;
  if (!DESCRIPTION_MARKS.some((m) => desc.includes(m))) return false;
  if (ALL.some((r) => r.lang === 'zh' && desc.includes(r.word)) || NOT_FAMILY_WORDS.some((w) => desc.includes(w))) return false;
  // "王强在城里打工的儿子" is 王强's son
  const first = Array.from(desc)[0];
  return !(COMMON_SURNAMES.has(first) && !DESCRIPTION_MARKS.some((m) => desc.startsWith(m)));
}

/**
 * A relative described before the relation, the description taken out and the relation kept:
 * "腿有残疾的弟弟" → 弟弟, "我那个在城里打工的儿子叫王强" → 我儿子叫王强. Unchanged when what
 * stands before "的" is a person ("张三的妈妈", "我哥的儿子": someone else's relative).
 */
export function withoutDescription(text: string): string {
  const s = text.trim();
  const owner = POSS_SORTED.find((p) => s.startsWith(p)) ?? '';
  let rest = s.slice(owner.length);
  const point = POINTING_SORTED.find((p) => rest.startsWith(p) && rest.length > p.length) ?? '';
  rest = rest.slice(point.length);
  for (let at = rest.lastIndexOf('的'); at > 0; at = rest.lastIndexOf('的', at - 1)) {
    const after = rest.slice(at + 1);
    if (!leadingRelation(after)) continue;
    return isDescription(rest.slice(0, at)) ? owner + after : s;
  }
  // "我那个傻儿子", "残疾儿子": a description run into the relation, nothing after it
  const chars = Array.from(rest);
  if (chars.length <= 8) {
    for (let i = 1; i < chars.length; i++) {
      const tail = chars.slice(i).join('');
      const hit = leadingRelation(tail);
      if (hit && hit.rest === '' && isDescription(chars.slice(0, i).join(''))) return owner + tail;
    }
  }
  return s;
}

/**
 * Every way of naming a relative in a few words: each relation word alone and after each
 * possessive ("老伴", "我老伴", "俺家老头", "my wife"), for a numbered list's labels.
 */
export function relationPhrases(): readonly string[] {
  return PHRASES;
}
// ~8,500 phrases, wanted each time "who is ill" is asked or read: made once
const PHRASES: readonly string[] = Object.freeze(
  ALL.flatMap((r) => (r.lang === 'en' ? [r.word, ...EN_POSSESSIVES.map((p) => `${p} ${r.word}`)] : [r.word, ...POSSESSIVES.map((p) => p + r.word)])),
);

/**
 * Words that join two people or mean two ("和", "跟", "老两口"), for a numbered list of who is
 * meant: given to every option, so that an answer naming two people ("我跟我儿子") names no
 * single option and is asked again, never narrowed to one of them.
 */
export function twoPeopleWords(): readonly string[] {
  return TWO_PEOPLE;
}
const TWO_PEOPLE: readonly string[] = Object.freeze([...JOINERS.filter((j) => j !== ','), ...TWO_WORDS, ...EN_TWO_WORDS]);

/**
 * Relations that name the same person from two sides: "老伴" (配偶) is the 丈夫 or the 妻子 said
 * before, "孩子" (子女) the 儿子 or the 女儿. Not a conflict when the one is said after the other.
 */
export const SAME_PERSON_RELATIONS: readonly (readonly string[])[] = [
  ['配偶', '丈夫', '妻子'],
  ['子女', '儿子', '女儿'],
  ['spouse', 'husband', 'wife'],
];

/** The two relations may name one person (equal, or one the wider word for the other). */
export function sameRelation(a: string, b: string): boolean {
  return a === b || SAME_PERSON_RELATIONS.some((g) => (g[0] === a && g.includes(b)) || (g[0] === b && g.includes(a)));
}
