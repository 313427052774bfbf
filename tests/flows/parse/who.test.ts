/**
 * "Who is ill?" as villagers answer it (flows/parse/who.ts): the speaker, a relative (with the
 * relation as filed, and the name when said), or two people, which one application cannot hold.
 */
import { readWho } from '../../../flows/parse';

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
    ['我和老伴都病了', { kind: 'two' }],
    ['我跟我儿子', { kind: 'two' }],
    ['老伴和儿子', { kind: 'two' }],
    ['老两口都病了', { kind: 'two' }],
    ['我们俩都病了', { kind: 'two' }],
    ['my wife and me', { kind: 'two' }],
    ['我爸妈', { kind: 'two' }],
    ['俩孩子都病了', { kind: 'two' }],
    ['不知道', { kind: 'unknown' }],
    ['他爸', { kind: 'unknown' }],
  ])('%j → %j', (input, expected) => {
    expect(readWho(input, '张三')).toEqual(expected);
  });
});
