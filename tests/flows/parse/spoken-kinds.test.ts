/**
 * Issue 10 (probe 16 kinds) at the parsers: sentence-final particles that close a statement, not a
 * question; name lead-ins of spoken kinds; a relation and its name in two clauses; a story about a
 * school that moves on. The engine side is in tests/flows/corpus.
 */
import { looksLikeQuestion, parseYesNo, readHardship, readName, readWho, withoutFinished } from '../../../flows/parse';

describe('嘛, 噻, 咯, 嘞, 哒, 撒 close a statement; 吗, 么, 呢 and ？ ask', () => {
  test.each([
    ['对头，交了嘛', false],
    ['有嘛，有低保的嘛', false],
    ['是嘛', false],
    ['以前是贫困户嘛', false],
    ['对噻', false],
    ['就是嘞', false],
    ['是哒', false],
    ['可以的嘛', false],
    ['同意让查嘛', false],
    ['是吗？', true],
    ['是吗', true],
    ['是么', true],
    ['要交钱吗', true],
    ['这个咋弄嘛', true], // a question word asks whatever closes it
    ['我不是建档立卡户也能申请嘛', true], // 嘛 after a can-do word asks whether one may
    ['能报销嘛', true],
    ['要交钱嘛', true], // 嘛 after a must-do word asks whether one must
    ['还要写学校嘛', true],
    ['要得嘛', false], // 要得, 得行, 没得: yes and no in Sichuan words
    ['得行嘛', false],
    ['没得建档嘛', false],
    ['交了没', true],
  ])('looksLikeQuestion(%j) → %s', (text, expected) => {
    expect(looksLikeQuestion(text)).toBe(expected);
  });

  const POVERTY = { yesMarks: ['贫困户', '扶贫手册', '建档', '以前是'], noMarks: ['一般户'] };
  test.each<[string, boolean | null]>([
    ['是哒', true],
    ['对哒', true],
    ['不是哒', false],
    ['以前是贫困户嘛', true],
    ['有扶贫手册的嘛', true],
    ['没得建档嘛', false],
    ['一般户噻', false],
    ['是吗？', null],
    ['是么', null],
  ])('parseYesNo(%j) → %s', (text, expected) => {
    const r = parseYesNo(text, POVERTY);
    expect(r.ok ? r.value : null).toBe(expected);
  });
});

describe('readName: spoken lead-ins — whose, where written — are no part of the name', () => {
  test.each<[string, string, string | undefined]>([
    ['俺家那个叫王建国', '王建国', undefined],
    ['咱家那个叫郑丽', '郑丽', undefined],
    ['我那个叫孙有财', '孙有财', undefined],
    ['俺们家那位叫冯玉兰', '冯玉兰', undefined],
    ['我们家户主叫徐春生', '徐春生', undefined],
    ['登记的名字是赵春华', '赵春华', undefined],
    ['登记的叫何建军', '何建军', undefined],
    ['户口本上是周秀英', '周秀英', undefined],
    ['户口本上写的是钱德明', '钱德明', undefined],
    ['户口本上的名字叫吴桂花', '吴桂花', undefined],
    ['上面写的是王桂花', '王桂花', undefined],
    ['报的名字是赵春华', '赵春华', undefined],
    ['叫王建国噻', '王建国', undefined],
    ['是王建国撒', '王建国', undefined],
    ['我叫王建国哒', '王建国', undefined],
    // a relation before the name is kept
    ['我们家老头子叫刘德福', '刘德福', '丈夫'],
    ['户主是我男人，叫陈有田', '陈有田', '丈夫'],
    ['户主是我爸，名字叫罗长贵', '罗长贵', '父亲'],
  ])('%j → %s (relation %s)', (text, name, relation) => {
    expect(readName(text)).toEqual(relation === undefined ? { kind: 'name', name } : { kind: 'name', name, relation });
  });

  test('"身份证上写的是老李" is taken as written there; "本子上是王桂花" names no paper and is not a name', () => {
    expect(readName('身份证上写的是老李')).toEqual({ kind: 'name', name: '老李' });
    expect(readName('本子上是王桂花').kind).toBe('invalid');
  });
});

describe('readWho: a relation, then the name in a clause of its own — one person', () => {
  test.each([
    ['我老伴，叫王秀英', { kind: 'family', relation: '配偶', name: '王秀英' }],
    ['我儿子，名字叫王强', { kind: 'family', relation: '儿子', name: '王强' }],
    ['我孙女，她叫王小芳', { kind: 'family', relation: '孙女', name: '王小芳' }],
    ['我妈 叫李桂兰', { kind: 'family', relation: '母亲', name: '李桂兰' }],
    // two relations, or the applicant named beside a relation, stay two people
    ['我老伴和我儿子', { kind: 'two', people: [{ kind: 'family', relation: '配偶' }, { kind: 'family', relation: '儿子' }] }],
    ['我老伴，张三', { kind: 'two', people: [{ kind: 'family', relation: '配偶' }, { kind: 'self' }] }],
    ['我老伴和王秀英', { kind: 'two' }],
  ])('%j → %j', (text, expected) => {
    expect(readWho(text, '张三')).toEqual(expected);
  });
});

describe('withoutFinished: a story about school that moves on keeps the clause of now', () => {
  test.each<[string, string | null]>([
    ['本来读初中的，今年升高中了', '今年升高中了'],
    ['去年还在读初三，今年上高一了', '今年上高一了'],
    ['以前在村小，现在读初中', '现在读初中'],
    ['原来在镇小学，后来转到县城读初一', '后来转到县城读初一'],
    ['初中毕业了，现在读技校', '现在读技校'],
    ['娃在镇上读初中，今年初二', null], // nothing left behind: read whole
    ['去年上的初中', null], // one clause: read whole
  ])('%j → %j', (text, expected) => {
    expect(withoutFinished(text)).toBe(expected);
  });
});

describe('readHardship: asking for someone is no question of its own', () => {
  test.each([
    ['替我爸问一下，他住院了', 'illness'],
    ['帮俺娘问问，她房子让水冲了', 'disaster'],
  ])('%j → %s', (text, hardship) => {
    expect(readHardship(text)).toEqual({ applying: false, hardship });
  });

  test('a question asked for someone stays a question', () => {
    expect(readHardship('替我爸问一下，住院了能报多少')).toBeNull();
  });
});
