/**
 * Cantonese words read as Mandarin (issue 10): the engine converts every message after reading
 * traditional characters as simplified, before any parser reads it. Names and Mandarin text stay.
 */
import { fromCantonese } from '../../../flows/parse/cantonese';

describe('fromCantonese', () => {
  test.each([
    ['佢住咗院', '他住了院'],
    ['我系王阿婆', '我是王阿婆'],
    ['唔系脱贫户', '不是脱贫户'],
    ['冇收入', '没有收入'],
    ['冇错啦', '没错啦'],
    ['喺镇卫生院睇嘅', '在镇卫生院看的'],
    ['俾咗八百蚊', '给了八百元'],
    ['间屋俾水冲咗', '间屋被水冲了'],
    ['屋企有几多人', '家有多少人'],
    ['花咗2000蚊', '花了2000元'],
    ['冇几多 三千蚊', '不多 三千元'], // "not much", never read as the question 多少
    // unchanged: Mandarin words holding 系 or 蚊, names, figures
    ['关系是母子', '关系是母子'],
    ['联系电话13812345678', '联系电话13812345678'],
    ['被蚊子咬了', '被蚊子咬了'],
    ['李秀英', '李秀英'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(fromCantonese(input)).toBe(expected);
  });
});
