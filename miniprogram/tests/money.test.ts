import { yuanToFen } from '../src/lib/money';

describe('yuanToFen: amounts typed in yuan become integer fen, never a float', () => {
  test.each([
    ['32000', 3200000],
    ['32,000', 3200000],
    ['３２０００', 3200000],
    ['0', 0],
    ['12.5', 1250],
    ['12.05', 1205],
    ['0.1', 10],
    ['3.2万', 3200000],
    ['3万', 3000000],
    ['1.2345万', 12345 * 100],
    ['32000元', 3200000],
    [' 800 ', 80000],
  ])('%s → %s fen', (text, fen) => {
    expect(yuanToFen(text)).toBe(fen);
  });

  test.each(['', 'abc', '12.345', '-5', '3万2', '1.2.3', '1e5'])('%s is not an amount here', (text) => {
    expect(yuanToFen(text)).toBeNull();
  });
});
