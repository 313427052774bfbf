import { parseAmount } from '../../../flows/parse';

const YUAN = 100; // results are in fen

describe('parseAmount', () => {
  test.each<[string, number]>([
    ['32000', 32000 * YUAN],
    ['32000元', 32000 * YUAN],
    ['32,000元', 32000 * YUAN],
    ['32，000', 32000 * YUAN],
    ['32 000', 32000 * YUAN],
    ['３２０００', 32000 * YUAN],
    ['3.2万', 32000 * YUAN],
    ['3万2', 32000 * YUAN],
    ['3万2千', 32000 * YUAN],
    ['3 万 2', 32000 * YUAN],
    ['3万2000元', 32000 * YUAN],
    ['三万二', 32000 * YUAN],
    ['三万二千', 32000 * YUAN],
    ['3w', 30000 * YUAN], // w for 万, as young helpers type it
    ['2.3w', 23000 * YUAN],
    ['叁万贰仟元', 32000 * YUAN],
    ['叁万贰仟元整', 32000 * YUAN],
    ['两万五', 25000 * YUAN],
    ['一万零五百', 10500 * YUAN],
    ['5千', 5000 * YUAN],
    ['5千5', 5500 * YUAN],
    ['两百五', 250 * YUAN],
    ['五千块', 5000 * YUAN],
    ['五千块钱', 5000 * YUAN],
    ['1.5万元', 15000 * YUAN],
    ['12345.67', 1234567],
    ['¥1,234.50', 123450],
    ['一千二百三十四元五角', 123450],
    ['3元5角2分', 352],
    ['5块5', 550], // colloquial: 块 + digit = 角
    ['5毛', 50],
    ['0.1', 10], // exact, no floating-point drift
    ['0.2', 20],
    ['0.3', 30],
    ['1.15万', 11500 * YUAN], // 1.15 * 10000 is 11499.999… in floating point
    ['约3万', 30000 * YUAN],
    ['大概三万', 30000 * YUAN],
    ['3万左右', 30000 * YUAN],
    ['大概三万块钱吧', 30000 * YUAN],
    ['一共花了2万8。', 28000 * YUAN],
    ['一亿', 100_000_000 * YUAN], // the largest accepted amount
    ['0', 0],
    ['0.00', 0],
    ['零', 0],
    ['没有', 0],
    ['没', 0],
    ['无', 0],
    ['0元', 0],
  ])('%j → %d fen', (input, expected) => {
    expect(parseAmount(input)).toEqual({ ok: true, value: expected });
  });

  test.each([
    ['', 'empty'],
    [' 。', 'empty'],
    ['-500', 'negative'],
    ['负3万', 'negative'],
    ['1000000000', 'too_large'],
    ['一亿零一', 'too_large'],
    ['很多', 'not_a_number'],
    ['不知道', 'not_a_number'],
    ['abc', 'not_a_number'],
    ['3万2万', 'not_a_number'],
    ['3.5m', 'not_a_number'], // unknown unit ("k" is a thousand: "3.5k" is 3,500)
    ['3万多', 'not_a_number'], // "more than 30000" is not an amount
    ['三四万', 'not_a_number'], // "three or four 万" is a range
    ['12.345', 'not_a_number'], // below one fen
    ['3,2000', 'not_a_number'], // commas must group by three
    ['1 2', 'not_a_number'],
    ['1.5.3', 'not_a_number'],
  ])('%j → %s', (input, reason) => {
    expect(parseAmount(input)).toEqual({ ok: false, reason });
  });

  test.each(['0', '没有', '无', '零元'])('%j is refused when zero is not allowed', (input) => {
    expect(parseAmount(input, { allowZero: false })).toEqual({ ok: false, reason: 'zero' });
  });

  test('allowZero: false still accepts positive amounts', () => {
    expect(parseAmount('3万2', { allowZero: false })).toEqual({ ok: true, value: 3200000 });
  });
});
