import { parseDate, readDate } from '../../../flows/parse';

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
    ['上个月10号', '2026-02-10'],
    ['这个月3号', '2026-03-03'],
    ['去年8月15日', '2025-08-15'],
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
    // issue 10: a month, a week or a year is not a day — never the 1st made up (readDate keeps the month)
    ['2025年12月', 'date_format'],
    ['上周', 'date_format'],
    ['上个月', 'date_format'],
    ['上月', 'date_format'],
    ['去年8月', 'date_format'],
    ['去年', 'date_format'],
  ])('%j → %s', (input, reason) => {
    expect(parseDate(input, NOW)).toEqual({ ok: false, reason });
  });

  test('"today" follows Shanghai time across the UTC date line', () => {
    expect(parseDate('今天', new Date('2026-12-31T16:00:00Z'))).toEqual({ ok: true, value: '2027-01-01' });
    expect(parseDate('今天', new Date('2026-12-31T15:59:59Z'))).toEqual({ ok: true, value: '2026-12-31' });
  });

  test('"上个月" in January is December of last year', () => {
    expect(readDate('上个月', new Date('2026-01-15T04:00:00Z'))).toEqual({ kind: 'month', value: '2025-12' });
  });
});

/**
 * What a villager says about when something happened, as readDate takes it (today 2026-03-05, a
 * Thursday): understood as a day; a month kept as said (said back for a yes by the step); asked
 * again when no month is named.
 */
describe('readDate', () => {
  test.each([
    // understood as a day
    ['8月3号', { kind: 'day', value: '2025-08-03' }],
    ['2026年3月3日', { kind: 'day', value: '2026-03-03' }],
    ['昨天', { kind: 'day', value: '2026-03-04' }],
    ['前天', { kind: 'day', value: '2026-03-03' }],
    ['上周五', { kind: 'day', value: '2026-02-27' }],
    ['上礼拜三', { kind: 'day', value: '2026-02-25' }],
    ['星期一', { kind: 'day', value: '2026-03-02' }], // the latest Monday
    ['这周三', { kind: 'day', value: '2026-03-04' }],
    ['三天前', { kind: 'day', value: '2026-03-02' }],
    ['是上个月10号那天', { kind: 'day', value: '2026-02-10' }],
    ['yesterday', { kind: 'day', value: '2026-03-04' }],
    ['last Friday', { kind: 'day', value: '2026-02-27' }],
    ['3 August 2025', { kind: 'day', value: '2025-08-03' }],
    // a month: no day made up
    ['上个月', { kind: 'month', value: '2026-02' }],
    ['8月份', { kind: 'month', value: '2025-08' }], // August has not come yet this year
    ['7月中旬', { kind: 'month', value: '2025-07', part: 'mid' }],
    ['上个月底', { kind: 'month', value: '2026-02', part: 'late' }],
    ['这个月初', { kind: 'month', value: '2026-03', part: 'early' }],
    ['去年8月', { kind: 'month', value: '2025-08' }],
    ['2025年12月', { kind: 'month', value: '2025-12' }],
    ['2025-12', { kind: 'month', value: '2025-12' }],
    ['mid July', { kind: 'month', value: '2025-07', part: 'mid' }],
    ['August 2025', { kind: 'month', value: '2025-08' }],
    // a month, and that the day is not known
    ['2月份，记不清哪天了', { kind: 'month', value: '2026-02', dayUnknown: true }],
    ['去年8月份 记不清了', { kind: 'month', value: '2025-08', dayUnknown: true }],
    ['2025年8月，记不清哪天', { kind: 'month', value: '2025-08', dayUnknown: true }],
    ['August 2025, day not known', { kind: 'month', value: '2025-08', dayUnknown: true }],
    // no month: to be asked again
    ['前几天', { kind: 'vague', what: 'days' }],
    ['前些日子', { kind: 'vague', what: 'days' }],
    ['上周', { kind: 'vague', what: 'week' }],
    ['去年冬天', { kind: 'vague', what: 'season' }],
    ['过年前后', { kind: 'vague', what: 'season' }],
    ['去年', { kind: 'vague', what: 'year' }],
    ['a few days ago', { kind: 'vague', what: 'days' }],
    ['记不清了', { kind: 'no_day' }],
    ['不记得哪天了', { kind: 'no_day' }],
    ['月底', { kind: 'invalid', reason: 'date_format' }],
    ['2026年4月', { kind: 'invalid', reason: 'date_future' }],
    ['下雨那天', { kind: 'invalid', reason: 'date_format' }],
  ])('%j → %j', (input, expected) => {
    expect(readDate(input, NOW)).toEqual(expected);
  });
});
