/**
 * Names taken out of what villagers say (flows/parse/name.ts): understood as the bare name (and
 * the relation said with it), to be checked (said back for a yes), or to be asked again.
 */
import { readName } from '../../../flows/parse';
import { joinSpacedName } from '../../../flows/parse/name';

describe('readName: understood', () => {
  test.each([
    ['我叫李桂兰', '李桂兰'],
    ['俺是王大山', '王大山'],
    ['我是李桂兰。', '李桂兰'],
    ['户主李桂兰', '李桂兰'],
    ['户主是李桂兰', '李桂兰'],
    ['李桂兰（户主）', '李桂兰'],
    ['李桂兰(户主)', '李桂兰'],
    // issue 10 (probe 16 kind A5): a home name in brackets is a note
    ['王晓明（小名明明）', '王晓明'],
    ['孙丽(乳名丽丽)', '孙丽'],
    ['赵国强（外号大强）', '赵国强'],
    ['名字叫张三', '张三'],
    // issue 10 (probe 13 kind): 就是 / 就叫 only stress the name
    ['就是马秀兰', '马秀兰'],
    ['名字就叫何建军', '何建军'],
    ['她就是林小燕', '林小燕'],
    ['姓王，叫王小芳', '王小芳'],
    ['我姓欧阳，叫欧阳娜娜', '欧阳娜娜'],
    ['李桂兰啊', '李桂兰'],
    ['李桂兰 ', '李桂兰'],
    ['姓名：李桂兰', '李桂兰'],
    ['我叫李桂兰，户主', '李桂兰'],
    ['是王大山', '王大山'],
    ['张 三', '张三'],
    ['王 小 芳', '王小芳'],
    ['诸葛亮', '诸葛亮'],
    ['孙子明', '孙子明'], // a name beginning like 孙子 (grandson)
    ['王和平', '王和平'], // 和 inside a name is not two people
    ['王小妹', '王小妹'],
    ['买买提·吐尔逊', '买买提·吐尔逊'],
    ['阿依古丽·买买提', '阿依古丽·买买提'],
    ['买买提•吐尔逊', '买买提·吐尔逊'],
    ['身份证上就是王二狗', '王二狗'],
    ['Li Ming', 'Li Ming'],
    ["I'm Li Ming.", 'Li Ming'],
    ['my name is Wang Fang', 'Wang Fang'],
  ])('%j → %s', (input, name) => {
    expect(readName(input)).toEqual({ kind: 'name', name });
  });

  test.each([
    ['我孙女王小芳', '王小芳', '孙女'],
    ['我妈李秀英', '李秀英', '母亲'],
    ['老伴王秀英', '王秀英', '配偶'],
    ['孩子他爸张大山', '张大山', '丈夫'],
    ['俺家老头叫张大山', '张大山', '丈夫'],
    ['王秀英是我老伴', '王秀英', '配偶'],
    ['王大山，我家老头', '王大山', '丈夫'],
    ['李秀英（我妈）', '李秀英', '母亲'],
    ['外孙女刘洋', '刘洋', '外孙女'],
    ['我大儿子王强', '王强', '儿子'],
    ['我老伴姓王，叫王秀英', '王秀英', '配偶'],
    ['my son Li Ming', 'Li Ming', 'son'],
    // issue 10: a relative described before the relation — the description is no part of the name
    ['我那个在城里打工的儿子叫王强', '王强', '儿子'],
    ['我那个腿不好的老娘叫李秀英', '李秀英', '母亲'],
    ['上高中的孙子王小明', '王小明', '孙子'],
    ['我那个读大学的孙女叫李思思', '李思思', '孙女'],
  ])('%j → %s, the relation %s', (input, name, relation) => {
    expect(readName(input)).toEqual({ kind: 'name', name, relation });
  });

  test('"张三的妈妈" is not 张三 (the relation belongs to someone else)', () => {
    expect(readName('张三的妈妈')).toEqual({ kind: 'invalid', why: 'not_a_name' });
  });
});

describe('readName: to be checked (said back for a yes)', () => {
  test.each([
    ['扎西顿珠', '扎西顿珠', 'surname'], // no surname of the common kind: a Tibetan name
    ['秀英', '秀英', 'surname'], // a given name alone, perhaps
    ['桂兰', '桂兰', 'surname'], // 桂 is a surname, but rare: a given name alone more likely
    ['姓王叫小芳', '王小芳', 'composed'],
    ['姓欧阳叫娜娜', '欧阳娜娜', 'composed'],
    ['李桂兰奶奶', '李桂兰', 'honorific'],
    // issue 10: a formal or polite address after the full name
    ['王大山同志', '王大山', 'honorific'],
    ['李秀英老人家', '李秀英', 'honorific'],
    ['刘秀英大姐', '刘秀英', 'honorific'],
    ['张德明老先生', '张德明', 'honorific'],
  ])('%j → %s (%s)', (input, name, why) => {
    expect(readName(input)).toEqual({ kind: 'check', name, why });
  });
});

describe('readName: asked again', () => {
  test.each([
    ['老李', 'nickname'],
    ['小芳', 'nickname'],
    ['李老汉', 'nickname'],
    ['二丫', 'nickname'],
    ['张师傅', 'nickname'],
    ['狗蛋', 'nickname'],
    ['二狗子', 'nickname'],
    ['芳芳', 'nickname'],
    ['王婶', 'nickname'],
    ['老王头', 'nickname'],
    ['阿明', 'nickname'],
    ['姓王', 'surname_only'],
    ['姓欧阳', 'surname_only'],
    ['我老伴', 'relation_only'],
    ['我儿子', 'relation_only'],
  ])('%j → %s', (input, kind) => {
    expect(readName(input).kind).toBe(kind);
  });

  test.each([
    ['', 'empty'],
    ['张3', 'digits'],
    ['张', 'too_short'],
    ['!!!', 'chars'],
    ['家里人', 'not_a_name'],
    ['李桂兰，今年六十五', 'not_a_name'],
    ['叫我老李就行', 'not_a_name'],
    ['李桂兰（在外打工）', 'not_a_name'],
    // issue 10: school grades of two children are no name (高 a surname), nor a sentence in two parts a minority name
    ['老大高二老二初一', 'not_a_name'],
    ['两个孩子都在上学 老大高二老二初一', 'not_a_name'],
  ])('%j → invalid: %s', (input, why) => {
    expect(readName(input)).toEqual({ kind: 'invalid', why });
  });

  // issue 10: two people named — which one is asked, with both names
  test.each([
    ['张三和李四', ['张三', '李四']],
    ['李秀英跟王大山', ['李秀英', '王大山']],
    ['我孙子王小明和孙女王小芳', ['王小明', '王小芳']],
  ])('%j → two names %j', (input, names) => {
    expect(readName(input)).toEqual({ kind: 'invalid', why: 'two_names', names });
  });

  test('a nickname keeps the relation said with it', () => {
    expect(readName('我孙女小芳')).toEqual({ kind: 'nickname', said: '小芳', relation: '孙女' });
  });
});

describe('joinSpacedName: 男/女 after a whole name is the sex, no character of it', () => {
  test.each([
    ['王小明 男 16岁', '王小明 男 16岁'],
    ['刘芳 女', '刘芳 女'],
    ['赵 秀 英 女', '赵秀英 女'],
    ['杨 秀 英', '杨秀英'],
  ])('%s → %s', (said, joined) => {
    expect(joinSpacedName(said)).toBe(joined);
  });
});
