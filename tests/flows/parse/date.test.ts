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
    ['3/5', '2026-03-05'], // month/day, as written on a calendar (issue 10)
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
    ['8月3号', { kind: 'day', value: '2025-08-03', yearGuessed: true }], // not yet come this year: last year's, said back
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
    ['月底', { kind: 'vague', what: 'part' }], // of which month: asked
    ['开春的时候下了场冰雹', { kind: 'vague', what: 'season' }],
    ['秋收前后', { kind: 'vague', what: 'season' }],
    ['前几天下大雨房子漏了', { kind: 'vague', what: 'days' }],
    // issue 10: a part of a month, or the year's start or end — the month, never a day
    ['大概二月初', { kind: 'month', value: '2026-02', part: 'early' }],
    ['二月上旬', { kind: 'month', value: '2026-02', part: 'early' }],
    ['去年十月下旬', { kind: 'month', value: '2025-10', part: 'late' }],
    ['二月头上', { kind: 'month', value: '2026-02', part: 'early' }],
    ['年初', { kind: 'month', value: '2026-01', part: 'early' }],
    ['今年年头', { kind: 'month', value: '2026-01', part: 'early' }],
    ['去年年底', { kind: 'month', value: '2025-12', part: 'late' }],
    ['年底', { kind: 'month', value: '2025-12', part: 'late' }], // this year's has not come yet
    ['2024年底', { kind: 'month', value: '2024-12', part: 'late' }],
    ['前年年根儿', { kind: 'month', value: '2024-12', part: 'late' }],
    ['二月十几号', { kind: 'month', value: '2026-02', part: 'mid' }],
    ['去年十一月二十几号', { kind: 'month', value: '2025-11', part: 'late' }],
    ['一月初几', { kind: 'month', value: '2026-01', part: 'early' }],
    ['二月份的头几天', { kind: 'month', value: '2026-02', part: 'early' }],
    ['去年这个时候', { kind: 'month', value: '2025-03' }],
    ['腊月四十', { kind: 'invalid', reason: 'date_format' }],
    // issue 10: the date told inside a story — one, read; two, not chosen between
    ['房子是去年年底压塌的', { kind: 'month', value: '2025-12', part: 'late' }],
    ['那场雹子是去年九月中旬下的', { kind: 'month', value: '2025-09', part: 'mid' }],
    ['记得是上个月底，地还没翻', { kind: 'month', value: '2026-02', part: 'late' }],
    ['风是二月初刮的，棚子十月底就坏了', { kind: 'invalid', reason: 'date_format' }],
    ['2026年4月', { kind: 'invalid', reason: 'date_future' }],
    ['下雨那天', { kind: 'invalid', reason: 'date_format' }],
  ])('%j → %j', (input, expected) => {
    expect(readDate(input, NOW)).toEqual(expected);
  });
});

/**
 * Days of the lunar calendar (issue 10), today 2026-03-05 (lunar 2026 正月十七; 春节 2026 was 17 February):
 * a festival or lunar day is its solar day, the latest not after today unless a year is said;
 * "前后" makes it approximate; a lunar month without its day is the solar month its middle (or said part) falls in.
 */
describe('readDate: a day that may not be the one meant is said back (issue 10, probe 16 kinds A3, A7)', () => {
  // today is 5 March 2026 in Asia/Shanghai
  test.each([
    // said without a year, not yet come this year (or this month): last year's (month's), a guess
    ['3月20号', { kind: 'day', value: '2025-03-20', yearGuessed: true }],
    ['十月一号', { kind: 'day', value: '2025-10-01', yearGuessed: true }],
    ['18号', { kind: 'day', value: '2026-02-18', yearGuessed: true }],
    // approximate
    ['二月二十号左右', { kind: 'day', value: '2026-02-20', around: true }],
    ['大概1月8号', { kind: 'day', value: '2026-01-08', around: true }],
    ['差不多是2月3号前后', { kind: 'day', value: '2026-02-03', around: true }],
    // plain: taken
    ['3月2号', { kind: 'day', value: '2026-03-02' }],
    ['2025年12月20号', { kind: 'day', value: '2025-12-20' }],
    ['去年3月20号', { kind: 'day', value: '2025-03-20' }],
    ['应该是2月3号', { kind: 'day', value: '2026-02-03' }],
  ])('%j → %j', (input, expected) => {
    expect(readDate(input, NOW)).toEqual(expected);
  });
});

describe('readDate: the lunar calendar', () => {
  test.each([
    ['正月十五', { kind: 'day', value: '2026-03-03', lunar: '正月十五' }],
    ['元宵节', { kind: 'day', value: '2026-03-03', lunar: '元宵节' }],
    ['正月二十', { kind: 'day', value: '2025-02-17', lunar: '农历正月二十' }], // not yet this year: last year's
    ['腊月二十三', { kind: 'day', value: '2026-02-10', lunar: '农历腊月二十三' }],
    ['去年腊月二十三', { kind: 'day', value: '2026-02-10', lunar: '去年农历腊月二十三' }], // 去年 is the lunar year: 腊月 just past
    ['前年腊月二十三', { kind: 'day', value: '2025-01-22', lunar: '前年农历腊月二十三' }],
    ['小年', { kind: 'day', value: '2026-02-10', lunar: '小年' }],
    ['大年三十晚上', { kind: 'day', value: '2026-02-16', lunar: '大年三十' }],
    ['除夕', { kind: 'day', value: '2026-02-16', lunar: '除夕' }],
    ['腊月三十', { kind: 'day', value: '2026-02-16', lunar: '农历腊月三十' }], // 腊月 of lunar 2025 has 29 days: 除夕
    ['大年初三', { kind: 'day', value: '2026-02-19', lunar: '大年初三' }],
    ['端午', { kind: 'day', value: '2025-05-31', lunar: '端午' }],
    ['中秋节那天', { kind: 'day', value: '2025-10-06', lunar: '中秋节' }],
    ['八月十五那天', { kind: 'day', value: '2025-10-06', lunar: '八月十五' }],
    ['农历七月初三', { kind: 'day', value: '2025-08-25', lunar: '农历七月初三' }],
    ['阴历8月初三', { kind: 'day', value: '2025-09-24', lunar: '阴历8月初三' }],
    ['大概是腊月二十三吧', { kind: 'day', value: '2026-02-10', lunar: '农历腊月二十三' }],
    // approximate: said back
    ['中秋前后', { kind: 'day', value: '2025-10-06', lunar: '中秋', around: true }],
    ['端午节左右吧', { kind: 'day', value: '2025-05-31', lunar: '端午节', around: true }],
    // a lunar month without its day: no day made up
    ['腊月里', { kind: 'month', value: '2026-02', lunar: '农历腊月' }], // 腊月 of lunar 2025: 19 January – 16 February 2026
    ['去年腊月', { kind: 'month', value: '2026-02', lunar: '去年农历腊月' }],
    ['前年腊月初', { kind: 'month', value: '2025-01', lunar: '前年农历腊月', part: 'early' }],
    ['腊月底', { kind: 'month', value: '2026-02', lunar: '农历腊月', part: 'late' }],
    ['正月里', { kind: 'month', value: '2026-03', lunar: '农历正月' }], // its middle is not yet past: this month
    // not a lunar day
    ['过年前后', { kind: 'vague', what: 'season' }],
    ['腊月四十', { kind: 'invalid', reason: 'date_format' }],
    ['2027年正月十五', { kind: 'invalid', reason: 'date_future' }],
  ])('%j → %j', (input, expected) => {
    expect(readDate(input, NOW)).toEqual(expected);
  });

  test('parseDate takes an exact lunar day, never an approximate one or a month', () => {
    expect(parseDate('腊月二十三', NOW)).toEqual({ ok: true, value: '2026-02-10' });
    expect(parseDate('中秋前后', NOW)).toEqual({ ok: false, reason: 'date_format' });
    expect(parseDate('腊月里', NOW)).toEqual({ ok: false, reason: 'date_format' });
  });
});
