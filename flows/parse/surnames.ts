/**
 * Chinese surnames, as data: a name that goes on official papers begins with one of these.
 * Source: the 百家姓 (single and compound), plus surnames common today that it lacks (肖, 付,
 * 覃, 冼 …, many of them from the national household register's most frequent names).
 *
 * Library choice: pinyin-pro (already a dependency, flows/faq) carries a surname table for its
 * readings but does not export it, and no maintained surname list is installed; this file is
 * that list. A name whose first character is not here is not refused: it is said back to be
 * checked (a Tibetan or Yi name has no surname of this kind).
 */

// The 百家姓, single surnames, in its order (its last lines pair two single surnames: 晋楚 = 晋, 楚).
const BAIJIAXING_SINGLE =
  '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎' +
  '鲁韦昌马苗凤花方俞任袁柳酆鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安常乐于时傅皮卞齐康伍余元卜顾孟平黄' +
  '和穆萧尹姚邵湛汪祁毛禹狄米贝明臧计伏成戴谈宋茅庞熊纪舒屈项祝董梁杜阮蓝闵席季麻强贾路娄危江童颜郭' +
  '梅盛林刁钟徐邱骆高夏蔡田樊胡凌霍虞万支柯昝管卢莫经房裘缪干解应宗丁宣贲邓郁单杭洪包诸左石崔吉钮龚' +
  '程嵇邢滑裴陆荣翁荀羊於惠甄曲家封芮羿储靳汲邴糜松井段富巫乌焦巴弓牧隗山谷车侯宓蓬全郗班仰秋仲伊宫' +
  '宁仇栾暴甘钭厉戎祖武符刘景詹束龙叶幸司韶郜黎蓟薄印宿白怀蒲邰从鄂索咸籍赖卓蔺屠蒙池乔阴鬱胥能苍双' +
  '闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍卻璩桑桂濮牛寿通边扈燕冀郏浦尚农温别庄晏柴瞿阎充慕连茹习宦艾鱼容' +
  '向古易慎戈廖庾终暨居衡步都耿满弘匡国文寇广禄阙东欧殳沃利蔚越夔隆师巩厍聂晁勾敖融冷訾辛阚那简饶空' +
  '曾毋沙乜养鞠须丰巢关蒯相查后荆红游竺权逯盖益桓公' +
  '晋楚闫法汝鄢涂钦岳帅缑亢况郈佘佴墨哈谯笪年爱阳佟言福';

// Common today, missing from the 百家姓 (or there only in a traditional form: 萧 → 肖, 傅 → 付).
const MODERN_SINGLE =
  '肖付代覃冼兰揭粟仝麦禤银母门么操修衣问原过来苟邸战雒蹇檀卿但练植旷税邝占庹谌苑侍信寸贵奉官伞亓刀';

/** Two-character surnames (all of the 百家姓's, and a few more). */
export const COMPOUND_SURNAMES: readonly string[] = [
  '万俟', '司马', '上官', '欧阳', '夏侯', '诸葛', '闻人', '东方', '赫连', '皇甫', '尉迟', '公羊', '澹台', '公冶',
  '宗政', '濮阳', '淳于', '单于', '太叔', '申屠', '公孙', '仲孙', '轩辕', '令狐', '钟离', '宇文', '长孙', '慕容',
  '鲜于', '闾丘', '司徒', '司空', '亓官', '司寇', '仉督', '子车', '颛孙', '端木', '巫马', '公西', '漆雕', '乐正',
  '壤驷', '公良', '拓跋', '夹谷', '宰父', '谷梁', '段干', '百里', '东郭', '南门', '呼延', '归海', '羊舌', '微生',
  '梁丘', '左丘', '东门', '西门', '南宫', '第五', '有琴', '商牟', '伯赏', '爱新觉罗', '叶赫那拉',
];

export const SINGLE_SURNAMES: ReadonlySet<string> = new Set([...BAIJIAXING_SINGLE, ...MODERN_SINGLE]);

/**
 * The hundred most frequent surnames (about 85% of people). A two-character answer beginning with a
 * rarer one ("桂兰", "秀英" — 桂 and 秀 are surnames too) is more often a given name said alone, so
 * it is said back to be checked rather than taken as a full name.
 */
export const COMMON_SURNAMES: ReadonlySet<string> = new Set(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
);

/** The surname a Chinese name begins with (a compound one first: 欧阳娜娜 → 欧阳), or null. */
export function surnameOf(name: string): string | null {
  const compound = COMPOUND_SURNAMES.find((s) => name.startsWith(s) && name.length > s.length);
  if (compound) return compound;
  const first = Array.from(name)[0];
  return first !== undefined && SINGLE_SURNAMES.has(first) ? first : null;
}

/** True when the text is a surname and nothing more ("王", "欧阳"). */
export function isSurnameOnly(text: string): boolean {
  return SINGLE_SURNAMES.has(text) || COMPOUND_SURNAMES.includes(text);
}
