/**
 * The due colour the server gives each case (server/core/workflow/deadlines.ts dueState): overdue
 * past the limit or flagged, soon with one working day or less left (Monday–Friday, China dates),
 * ok otherwise — at the boundaries: over a weekend, due today, overdue by an hour.
 */
import { addLimit, dueState, isWorkingDay, parseWorkCalendar, WEEKENDS_ONLY, workingDaysLeft } from '../../server/core/workflow/deadlines';
import { shanghaiDate } from '../../flows/china-time';

/** An instant in China time. */
const cn = (text: string) => new Date(`${text}+08:00`);

// 2026-03-06 is a Friday, 2026-03-09 the Monday after
test.each([
  ['Friday 09:00, due Monday 18:00: the weekend is not working days — one left', '2026-03-06T09:00:00', '2026-03-09T18:00:00', null, 1, 'soon'],
  ['Thursday, due Monday: two working days left', '2026-03-05T09:00:00', '2026-03-09T18:00:00', null, 2, 'ok'],
  ['Friday, due Tuesday: two working days left', '2026-03-06T23:30:00', '2026-03-10T00:30:00', null, 2, 'ok'],
  ['Saturday, due Monday: one working day left', '2026-03-07T10:00:00', '2026-03-09T10:00:00', null, 1, 'soon'],
  ['due today, later today', '2026-03-10T08:00:00', '2026-03-10T17:00:00', null, 0, 'soon'],
  ['overdue by one hour', '2026-03-10T18:00:00', '2026-03-10T17:00:00', null, 0, 'overdue'],
  ['flagged overdue by the deadline check, though its due moment is later', '2026-03-10T08:00:00', '2026-03-20T17:00:00', '2026-03-10T07:00:00', 8, 'overdue'],
  ['a week ahead', '2026-03-02T09:00:00', '2026-03-09T09:00:00', null, 5, 'ok'],
] as const)('%s', (_label, now, due, flagged, left, state) => {
  expect(workingDaysLeft(cn(due), cn(now), WEEKENDS_ONLY)).toBe(left);
  expect(dueState({ dueAt: cn(due), overdueSince: flagged ? cn(flagged) : null }, cn(now), WEEKENDS_ONLY)).toBe(state);
});

test('no limit: no due state (unless flagged)', () => {
  expect(dueState({ dueAt: null, overdueSince: null }, cn('2026-03-10T08:00:00'), WEEKENDS_ONLY)).toBeNull();
  expect(dueState({ dueAt: null, overdueSince: cn('2026-03-09T08:00:00') }, cn('2026-03-10T08:00:00'), WEEKENDS_ONLY)).toBe('overdue');
});

// 国庆 2026 as a county would set it: 1–7 October off, Saturday 10 October worked (调休)
const NATIONAL_DAY = parseWorkCalendar('2026-10-01..2026-10-07', '2026-10-10');

test.each([
  ['the day before the holiday, due the first day after it: one working day left', '2026-09-30T09:00:00', '2026-10-08T18:00:00', 1, 'soon'],
  ['in the holiday, due on the make-up Saturday: three left (Thursday, Friday, that Saturday)', '2026-10-05T09:00:00', '2026-10-10T18:00:00', 3, 'ok'],
  ['Friday 9 October, due Monday 12th: the make-up Saturday counts', '2026-10-09T09:00:00', '2026-10-12T18:00:00', 2, 'ok'],
] as const)('with holidays and make-up days (HOLIDAYS, WORKDAYS): %s', (_label, now, due, left, state) => {
  expect(workingDaysLeft(cn(due), cn(now), NATIONAL_DAY)).toBe(left);
  expect(dueState({ dueAt: cn(due), overdueSince: null }, cn(now), NATIONAL_DAY)).toBe(state);
});

test('a working-day limit skips the holiday and counts the make-up day', () => {
  // verification: 5 working days from Tuesday 29 September — 30 Sep, 8 Oct (Thu), 9 Oct (Fri), 10 Oct (Sat, worked), 12 Oct (Mon)
  expect(shanghaiDate(addLimit(cn('2026-09-29T10:00:00'), { days: 5, working: true }, NATIONAL_DAY))).toBe('2026-10-12');
  expect(shanghaiDate(addLimit(cn('2026-09-29T10:00:00'), { days: 5, working: true }, WEEKENDS_ONLY))).toBe('2026-10-06');
  expect(isWorkingDay(cn('2026-10-10T12:00:00'), NATIONAL_DAY)).toBe(true);
  expect(isWorkingDay(cn('2026-10-01T12:00:00'), NATIONAL_DAY)).toBe(false);
});

test.each([
  ['not a date', '2026-13-01', undefined, /HOLIDAYS/],
  ['a range backwards', '2026-10-07..2026-10-01', undefined, /HOLIDAYS/],
  ['a range over a year (a typo)', '2026-10-01..2062-10-07', undefined, /more than a year/],
  ['a day both off and worked', '2026-10-01..2026-10-07', '2026-10-03', /both/],
  ['a make-up day that is not a date', undefined, '10/10', /WORKDAYS/],
])('HOLIDAYS / WORKDAYS refused: %s', (_label, holidays, workdays, message) => {
  expect(() => parseWorkCalendar(holidays, workdays)).toThrow(message);
});
