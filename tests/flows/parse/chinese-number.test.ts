import { parseChineseNumber } from '../../../flows/parse';
import { digitForms } from '../../../flows/parse/chinese-number';

describe('parseChineseNumber', () => {
  test.each<[string, number | null]>([
    ['零', 0],
    ['五', 5],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['三十五', 35],
    ['一百零五', 105],
    ['一百一十', 110],
    ['两百五', 250], // colloquial: a digit after 百 counts tens
    ['三千五', 3500],
    ['5千5', 5500],
    ['一千零五十', 1050],
    ['三万二', 32000],
    ['三万二千五百', 32500],
    ['一万零五', 10005], // 零 cancels the abbreviation
    ['一万零五百', 10500],
    ['两万五', 25000],
    ['十万', 100000],
    ['一百二十万', 1200000],
    ['一亿五千万', 150000000],
    ['一亿五', 150000000],
    ['叁万贰仟', 32000],
    ['壹佰贰拾叁', 123],
    ['3万2', 32000],
    ['3万2000', 32000],
    ['1200万', 12000000],
    ['32000', 32000],
    ['俩', 2],
    // Rejected: two numbers in a row, units out of order, decimals, stray characters.
    ['三四', null],
    ['3万2万', null],
    ['3千2万', null],
    ['五十三百', null],
    ['一万零', null],
    ['万', null],
    ['1.5', null],
    ['3万多', null],
    ['abc', null],
    ['', null],
  ])('%j → %j', (input, expected) => {
    expect(parseChineseNumber(input)).toBe(expected);
  });
});

describe('digitForms (issue 10: formal numerals in words matched as written, "高叁")', () => {
  test.each<[number, string[]]>([
    [1, ['一', '壹']],
    [2, ['二', '贰', '貳']],
    [3, ['三', '叁', '參']],
    [9, ['九', '玖']],
  ])('%j → %j', (n, forms) => {
    expect(digitForms(n)).toEqual(forms);
  });
  test.each([['叁万贰仟', 32_000], ['壹拾伍', 15], ['玖佰', 900]] as const)('%j is read as %j', (text, n) => {
    expect(parseChineseNumber(text)).toBe(n);
  });
});
