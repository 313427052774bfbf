/** China time around its edges: midnight in China is 16:00 UTC the day before, and so is New Year. */
import {
  daysBetween,
  shanghaiDate,
  shanghaiDateTime,
  shanghaiMidnight,
  shanghaiWeekday,
  shanghaiYear,
  startOfNextShanghaiDay,
  startOfShanghaiDay,
} from '../../flows/china-time';
import { shanghaiToday } from '../../flows/parse/calendar';

describe.each([
  // instant (UTC)               China date    China wall clock     year  weekday  China day began at (UTC)
  ['2025-06-14T15:59:59.999Z', '2025-06-14', '2025-06-14 23:59', 2025, 6, '2025-06-13T16:00:00.000Z'],
  ['2025-06-14T16:00:00.000Z', '2025-06-15', '2025-06-15 00:00', 2025, 0, '2025-06-14T16:00:00.000Z'],
  ['2025-06-14T16:00:00.001Z', '2025-06-15', '2025-06-15 00:00', 2025, 0, '2025-06-14T16:00:00.000Z'],
  ['2025-06-15T00:00:00.000Z', '2025-06-15', '2025-06-15 08:00', 2025, 0, '2025-06-14T16:00:00.000Z'],
  ['2025-12-31T15:59:59.999Z', '2025-12-31', '2025-12-31 23:59', 2025, 3, '2025-12-30T16:00:00.000Z'],
  ['2025-12-31T16:00:00.000Z', '2026-01-01', '2026-01-01 00:00', 2026, 4, '2025-12-31T16:00:00.000Z'],
  ['2025-12-31T23:59:59.999Z', '2026-01-01', '2026-01-01 07:59', 2026, 4, '2025-12-31T16:00:00.000Z'],
  ['2024-02-28T16:00:00.000Z', '2024-02-29', '2024-02-29 00:00', 2024, 4, '2024-02-28T16:00:00.000Z'],
  ['2024-02-29T16:00:00.000Z', '2024-03-01', '2024-03-01 00:00', 2024, 5, '2024-02-29T16:00:00.000Z'],
])('%s', (iso, date, wall, year, weekday, dayStart) => {
  const at = new Date(iso);

  test('its date, wall clock, year and weekday in China', () => {
    expect(shanghaiDate(at)).toBe(date);
    expect(shanghaiDate(iso)).toBe(date);
    expect(shanghaiDateTime(at)).toBe(wall);
    expect(shanghaiYear(at)).toBe(year);
    expect(shanghaiWeekday(at)).toBe(weekday);
  });

  test('its China day begins at that day’s China midnight', () => {
    expect(startOfShanghaiDay(at).toISOString()).toBe(dayStart);
    expect(shanghaiMidnight(date).toISOString()).toBe(dayStart);
    expect(shanghaiDate(startOfShanghaiDay(at))).toBe(date);
  });

  test('the next China day begins 24 hours after it, on the next date', () => {
    const next = startOfNextShanghaiDay(at);
    expect(next.getTime() - new Date(dayStart).getTime()).toBe(24 * 3_600_000);
    expect(daysBetween(date, shanghaiDate(next))).toBe(1);
    expect(shanghaiDate(new Date(next.getTime() - 1))).toBe(date);
  });

  test('the parsers’ "today" is the same day', () => {
    const [y, m, d] = date.split('-').map(Number);
    expect(shanghaiToday(at)).toEqual({ y, m, d });
  });
});

test.each([
  ['2025-03-01', '2025-03-05', 4],
  ['2025-03-05', '2025-03-01', -4],
  ['2025-12-31', '2026-01-01', 1],
  ['2024-02-28', '2024-03-01', 2],
  ['2025-02-28', '2025-03-01', 1],
  ['2025-06-15', '2025-06-15', 0],
])('from %s to %s is %i days', (a, b, n) => {
  expect(daysBetween(a, b)).toBe(n);
});
