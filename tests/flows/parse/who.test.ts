/**
 * "Who is ill?" as villagers answer it (flows/parse/who.ts): the speaker, a relative (with the
 * relation as filed, and the name when said), or two people, which one application cannot hold.
 */
import { readWho } from '../../../flows/parse';
import { withoutDescription } from '../../../flows/parse/relations';

describe('readWho', () => {
  test.each([
    ['我', { kind: 'self' }],
    ['我自己', { kind: 'self' }],
    ['本人', { kind: 'self' }],
    ['是我', { kind: 'self' }],
    ['俺', { kind: 'self' }],
    ['我生病了', { kind: 'self' }],
    ['申请人本人', { kind: 'self' }],
    ['张三', { kind: 'self' }], // the applicant's own name
    ['me', { kind: 'self' }],
    ['我老伴', { kind: 'family', relation: '配偶' }],
    ['我妈', { kind: 'family', relation: '母亲' }],
    ['我儿子', { kind: 'family', relation: '儿子' }],
    ['我爱人', { kind: 'family', relation: '配偶' }],
    ['老婆', { kind: 'family', relation: '妻子' }],
    ['我家老头', { kind: 'family', relation: '丈夫' }],
    ['孩子他爸', { kind: 'family', relation: '丈夫' }],
    ['婆婆', { kind: 'family', relation: '婆婆' }],
    ['俺娘', { kind: 'family', relation: '母亲' }],
    ['我家那口子', { kind: 'family', relation: '配偶' }],
    ['我媳妇', { kind: 'family', relation: '媳妇' }], // a wife or a daughter-in-law: filed as said
    ['我儿媳妇', { kind: 'family', relation: '儿媳' }],
    ['我老伴病了', { kind: 'family', relation: '配偶' }],
    ['是我老伴在住院', { kind: 'family', relation: '配偶' }],
    ['我爸住院了', { kind: 'family', relation: '父亲' }],
    ['我孙女王小芳', { kind: 'family', relation: '孙女', name: '王小芳' }],
    ['我老伴王和平', { kind: 'family', relation: '配偶', name: '王和平' }],
    ['王秀英', { kind: 'family', name: '王秀英' }],
    ['家里其他人', { kind: 'family' }],
    ['my wife', { kind: 'family', relation: 'wife' }],
    ['我和老伴都病了', { kind: 'two', people: [{ kind: 'self' }, { kind: 'family', relation: '配偶' }] }],
    ['我跟我儿子', { kind: 'two', people: [{ kind: 'self' }, { kind: 'family', relation: '儿子' }] }],
    ['老伴和儿子', { kind: 'two', people: [{ kind: 'family', relation: '配偶' }, { kind: 'family', relation: '儿子' }] }],
    ['俺娘和俺爹都住院了', { kind: 'two', people: [{ kind: 'family', relation: '母亲' }, { kind: 'family', relation: '父亲' }] }],
    ['老两口都病了', { kind: 'two' }],
    ['我们俩都病了', { kind: 'two' }],
    ['my wife and me', { kind: 'two', people: [{ kind: 'family', relation: 'wife' }, { kind: 'self' }] }],
    ['我爸妈', { kind: 'two' }],
    ['俩孩子都病了', { kind: 'two' }],
    // issue 10: a relative described before the relation — the relation, the description left out
    ['腿有残疾的弟弟', { kind: 'family', relation: '弟弟' }],
    ['上学的小孙子', { kind: 'family', relation: '孙子' }],
    ['瘫在床上的老父亲', { kind: 'family', relation: '父亲' }],
    ['我那个在城里打工的儿子叫王强', { kind: 'family', relation: '儿子', name: '王强' }],
    ['得了癌的老伴', { kind: 'family', relation: '配偶' }],
    ['我那个傻儿子', { kind: 'family', relation: '儿子' }],
    ['残疾儿子', { kind: 'family', relation: '儿子' }],
    ['小儿子', { kind: 'family', relation: '儿子' }],
    // someone's relative is not the speaker's: unchanged
    ['张三的妈妈', { kind: 'unknown' }],
    ['我哥的儿子', { kind: 'unknown' }],
    ['王强在城里打工的儿子', { kind: 'unknown' }],
    // a child by birth order (a son or a daughter, asked which); an old person addressed is no child
    ['我家老大', { kind: 'family', relation: '孩子' }],
    ['俺家老三', { kind: 'family', relation: '孩子' }],
    ['老大娘', { kind: 'unknown' }],
    ['媳妇子', { kind: 'family', relation: '媳妇' }],
    // the children's in-laws: another household
    ['亲家母', { kind: 'unknown' }],
    ['俺亲家住院了', { kind: 'unknown' }],
    ['不知道', { kind: 'unknown' }],
    ['他爸', { kind: 'unknown' }],
  ])('%j → %j', (input, expected) => {
    expect(readWho(input, '张三')).toEqual(expected);
  });
});

/** issue 10: what is said about a relative before the relation is taken out; someone else's relative is left alone. */
describe('withoutDescription', () => {
  test.each([
    ['腿有残疾的弟弟', '弟弟'],
    ['我那个在城里打工的儿子叫王强', '我儿子叫王强'],
    ['俺家那个瘫在床上的老父亲', '俺家老父亲'],
    ['上学的小孙子', '小孙子'],
    ['我那个傻儿子', '我儿子'],
    ['残疾儿子', '儿子'],
    // unchanged: a person before 的, a relation word itself, a name
    ['张三的妈妈', '张三的妈妈'],
    ['我哥的儿子', '我哥的儿子'],
    ['王强在城里打工的儿子', '王强在城里打工的儿子'],
    ['邻居家的孩子', '邻居家的孩子'],
    ['小儿子', '小儿子'],
    ['外孙女', '外孙女'],
    ['表哥', '表哥'],
    ['上官婉儿', '上官婉儿'],
  ])('%j → %j', (input, expected) => {
    expect(withoutDescription(input)).toBe(expected);
  });
});
