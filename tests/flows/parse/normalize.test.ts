import { normalizeInput } from '../../../flows/parse';

describe('normalizeInput', () => {
  test.each([
    ['  32000 ', '32000'],
    ['３２０００', '32000'],
    ['３２，０００元。', '32,000元.'],
    ['ＡＢＣ　ｘｙｚ', 'ABC xyz'], // full-width letters and ideographic space
    ['１３８－１２３４－５６７８', '138-1234-5678'],
    ['138—1234–5678', '138-1234-5678'], // em/en dashes from IMEs
    ['＋８６ １３８', '+86 138'],
    ['时间：３月５日', '时间:3月5日'],
    ['a \t\n  b', 'a b'],
    ['\u200B是\uFEFF', '是'], // zero-width characters pasted from other apps
    ['【强】', '[强]'],
    ['￥１００', '¥100'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeInput(input)).toBe(expected);
  });
});
