/**
 * The due colour the server gives each case (server/core/workflow/deadlines.ts dueState): overdue
 * past the limit or flagged, soon with one working day or less left (Monday–Friday, China dates),
 * ok otherwise — at the boundaries: over a weekend, due today, overdue by an hour.
 */
import { dueState, workingDaysLeft } from '../../server/core/workflow/deadlines';

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
  expect(workingDaysLeft(cn(due), cn(now))).toBe(left);
  expect(dueState({ dueAt: cn(due), overdueSince: flagged ? cn(flagged) : null }, cn(now))).toBe(state);
});

test('no limit: no due state (unless flagged)', () => {
  expect(dueState({ dueAt: null, overdueSince: null }, cn('2026-03-10T08:00:00'))).toBeNull();
  expect(dueState({ dueAt: null, overdueSince: cn('2026-03-09T08:00:00') }, cn('2026-03-10T08:00:00'))).toBe('overdue');
});
