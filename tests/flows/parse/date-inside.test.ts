import { readDate } from '../../../flows/parse';

// 15 June 2025, noon in Shanghai
const NOW = new Date('2025-06-15T04:00:00Z');

describe('readDate: month/day written with a slash, and a date among other words', () => {
  test.each([
    ['5/20', '2025-05-20'],
    ['6/1', '2025-06-01'],
    ['6/20', '2024-06-20'], // not in the future: last year's
    ['12/31', '2024-12-31'],
    ['那天是5月20号下大雨', '2025-05-20'],
    ['前几天下大雨那天 6月10号', '2025-06-10'],
    ['房子是三月八号夜里塌的', '2025-03-08'],
    ['记得是2024年8月3日那天发的水', '2024-08-03'],
  ])('%s → %s', (text, expected) => {
    const r = readDate(text, NOW);
    expect(r.kind === 'day' ? r.value : r).toBe(expected);
  });

  test.each([['5月20号到5月22号都在下雨'], ['13/40'], ['5/20/30/1']])('%s is no one day', (text) => {
    expect(readDate(text, NOW).kind).not.toBe('day');
  });
});
