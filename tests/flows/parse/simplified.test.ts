/**
 * Traditional characters read as simplified (issue 10): the engine converts every message before
 * any parser reads it. Simplified text, figures, ID numbers and English stay as they are.
 */
import { toSimplified } from '../../../flows/parse/simplified';

describe('toSimplified', () => {
  test.each([
    ['應該是兩萬', '应该是两万'],
    ['沒有收入', '没有收入'],
    ['縣醫院', '县医院'],
    ['學費一學期四千', '学费一学期四千'],
    ['對', '对'],
    ['臘月二十三', '腊月二十三'],
    ['我叫鄭麗華', '我叫郑丽华'], // a name on official papers is written simplified
    ['裡面 裏面 衞生院', '里面 里面 卫生院'], // Taiwan's and Hong Kong's forms alike
    ['報了一萬，還差兩千', '报了一万，还差两千'],
    // unchanged
    ['应该是两万', '应该是两万'],
    ['乾隆', '乾隆'],
    ['13812345678', '13812345678'],
    ['430524195803122011', '430524195803122011'],
    ['about 20k a year', 'about 20k a year'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(toSimplified(input)).toBe(expected);
  });
});
