import { parseDate } from '../../../flows/parse';

// 2026-03-05 01:30 in Shanghai, still 2026-03-04 in UTC: "today" must be the 5th.
const NOW = new Date('2026-03-04T17:30:00Z');

describe('parseDate', () => {
  test.each([
    ['2026年3月5日', '2026-03-05'],
    ['2026年3月5号', '2026-03-05'],
    ['２０２６年３月５日', '2026-03-05'],
    ['2026-03-05', '2026-03-05'],
    ['2026/3/5', '2026-03-05'],
    ['2026.3.5', '2026-03-05'],
    ['2026。3。5', '2026-03-05'],
    ['20260305', '2026-03-05'],
    ['2025年12月', '2025-12-01'],
    ['二〇二五年十二月三十一日', '2025-12-31'],
    ['二零二四年二月二十九号', '2024-02-29'], // leap year
    ['3月5号', '2026-03-05'],
    ['3月5日', '2026-03-05'],
    ['三月五号', '2026-03-05'],
    ['3月5', '2026-03-05'],
    ['3月6日', '2025-03-06'], // not yet this year: last year
    ['12月25号', '2025-12-25'],
    ['3 月 1 号', '2026-03-01'],
    ['5号', '2026-03-05'], // this month
    ['6号', '2026-02-06'], // not yet this month: last month
    ['今天', '2026-03-05'],
    ['昨天', '2026-03-04'],
    ['前天', '2026-03-03'],
    ['大前天', '2026-03-02'],
    ['上周', '2026-02-26'], // 7 days ago
    ['上个月', '2026-02-01'], // first day of last month
    ['上月', '2026-02-01'],
    ['上个月10号', '2026-02-10'],
    ['这个月3号', '2026-03-03'],
    ['去年8月', '2025-08-01'],
    ['去年8月15日', '2025-08-15'],
    ['去年', '2025-01-01'],
    ['大概3月1号左右', '2026-03-01'],
    ['是昨天的', '2026-03-04'],
  ])('%j → %s', (input, expected) => {
    expect(parseDate(input, NOW)).toEqual({ ok: true, value: expected });
  });

  test.each([
    ['', 'empty'],
    ['2月30日', 'date_invalid'],
    ['2026年2月29日', 'date_invalid'],
    ['上个月30号', 'date_invalid'], // February 2026 has 28 days
    ['2026-13-01', 'date_invalid'],
    ['十三月一号', 'date_invalid'],
    ['1899年1月1日', 'date_invalid'],
    ['2027年1月1日', 'date_future'],
    ['2026-03-06', 'date_future'],
    ['2026年4月', 'date_future'],
    ['26年3月5日', 'date_format'], // two-digit year is ambiguous
    ['前几天', 'date_format'],
    ['不记得了', 'date_format'],
    ['5', 'date_format'],
    ['2026年5号', 'date_format'],
    ['去年上个月', 'date_format'],
    ['3/5', 'date_format'],
  ])('%j → %s', (input, reason) => {
    expect(parseDate(input, NOW)).toEqual({ ok: false, reason });
  });

  test('"today" follows Shanghai time across the UTC date line', () => {
    expect(parseDate('今天', new Date('2026-12-31T16:00:00Z'))).toEqual({ ok: true, value: '2027-01-01' });
    expect(parseDate('今天', new Date('2026-12-31T15:59:59Z'))).toEqual({ ok: true, value: '2026-12-31' });
  });

  test('"上个月" in January is December of last year', () => {
    expect(parseDate('上个月', new Date('2026-01-15T04:00:00Z'))).toEqual({ ok: true, value: '2025-12-01' });
  });
});
