/**
 * Why a villager writes (flows/parse/hardship.ts): asking how to apply, about this help or with a
 * hardship said, is applying; the damage of a disaster in plain words is the 因灾 hardship.
 */
import { readHardship } from '../../../flows/parse';

describe('readHardship: asking how to apply', () => {
  test.each([
    ['咋申请', undefined],
    ['怎么申请帮扶呢', undefined],
    ['请问救助如何申请', undefined],
    ['想问一下防贫补助怎么弄', undefined],
    ['家里有困难怎么办', undefined],
    ['帮扶咋办？', undefined],
    ['我爸中风了 咋申请', 'illness'],
    ['孩子上大学学费不够 咋办', 'education'],
    ['地让水冲了，怎么申请救助', 'disaster'],
  ])('%s → applying, hardship %s, said what it asks', (said, hardship) => {
    expect(readHardship(said)).toEqual({ applying: true, how: true, ...(hardship ? { hardship } : {}) });
  });

  test.each([
    '修桥补助怎么申请', // another scheme
    '良种补贴咋申请',
    '发票丢了怎么办', // about papers
    '申请要什么材料',
    '申请了怎么还没消息', // a case already filed
    '住院的发票丢了咋办',
    '咋办', // alone: help with the step
  ])('%s is no opening', (said) => {
    expect(readHardship(said)?.how).toBeUndefined();
    expect(readHardship(said)?.applying ?? false).toBe(false);
  });

  test.each([
    ['听说能申请补助，俺家也想申请', true],
    ['申请过了，还想申请', false],
  ])('%s → applying %s', (said, applying) => {
    expect(readHardship(said)?.applying ?? false).toBe(applying);
  });
});

describe('readHardship: damage in plain words', () => {
  test.each(['地里旱得厉害', '棚让雪压塌了', '苞米叫雹子打了', '屋子让水泡了', '菜叫霜冻死了', '大风把房顶吹跑了', '庄稼颗粒无收'])('%s → 因灾', (said) => {
    expect(readHardship(said)).toEqual({ applying: false, hardship: 'disaster' });
  });
});

test.each([
  ['How do I apply for help?', true],
  ['how to apply', true],
  ['how do i apply for the bridge subsidy', false],
])('in English: %s → how to apply %s', (said, how) => {
  expect(readHardship(said)?.how === true).toBe(how);
});

test.each([
  ['大病医保报销怎么办理', false],
  ['低保咋弄', false],
  ['住院花了三万 报了一万 咋申请', true],
])('another scheme\'s procedure: %s → how to apply %s', (said, how) => {
  expect(readHardship(said)?.how === true).toBe(how);
});
