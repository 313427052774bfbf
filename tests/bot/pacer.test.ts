/**
 * Pacing per WeChat account, on a virtual clock: notices at least minIntervalMs apart, replies
 * counted but never held, daily caps per kind reset at midnight China time, stop ends a wait.
 */
import { Pacer, parseDailyCaps } from '../../bot/pacer';
import { VirtualClock } from './support';

const never = new AbortController().signal;

test.each([
  [1000, 5],
  [250, 4],
  [0, 3],
])('notices leave %d ms apart (%d in a burst)', async (minIntervalMs, burst) => {
  const clock = new VirtualClock();
  const pacer = new Pacer({ minIntervalMs, clock });
  const times: number[] = [];
  for (let i = 0; i < burst; i++) {
    expect(await pacer.turn(never)).toBe(true);
    times.push(clock.now());
  }
  const gaps = times.slice(1).map((t, i) => t - times[i]!);
  expect(gaps).toEqual(Array(burst - 1).fill(minIntervalMs));
  expect(times[0]).toBe(Date.parse('2026-07-20T02:00:00Z')); // the first one goes at once
});

test('a reply counts: the next notice keeps its distance from it, but the reply itself never waited', async () => {
  const clock = new VirtualClock();
  const pacer = new Pacer({ minIntervalMs: 1000, clock });
  await pacer.turn(never);
  clock.at += 600;
  pacer.noteSent(); // a reply to a villager, said now
  const before = clock.now();
  await pacer.turn(never);
  expect(clock.now() - before).toBe(1000);
});

test('replies more frequent than the interval delay a notice by one interval at most, never starve it', async () => {
  const clock = new VirtualClock();
  const pacer = new Pacer({ minIntervalMs: 1000, clock: { now: clock.now, sleep: async (ms, signal) => {
    // a villager's reply is said every 300 ms while the notice waits
    for (let left = ms; left > 0; left -= 300) {
      await clock.sleep(Math.min(300, left), signal);
      pacer.noteSent();
    }
  } } });
  await pacer.turn(never);
  const before = clock.now();
  pacer.noteSent();
  expect(await pacer.turn(never)).toBe(true);
  expect(clock.now() - before).toBe(1000);
});

test('a notice after a quiet spell goes at once', async () => {
  const clock = new VirtualClock();
  const pacer = new Pacer({ minIntervalMs: 1000, clock });
  await pacer.turn(never);
  clock.at += 5000;
  const before = clock.now();
  await pacer.turn(never);
  expect(clock.now()).toBe(before);
  expect(clock.sleeps).toEqual([]);
});

test('stopping ends a wait and takes no turn', async () => {
  const stop = new AbortController();
  const pacer = new Pacer({
    minIntervalMs: 1000,
    clock: { now: () => 0, sleep: async () => void stop.abort() },
  });
  expect(await pacer.turn(stop.signal)).toBe(true);
  expect(await pacer.turn(stop.signal)).toBe(false);
});

test('daily caps per kind, counted per China-time day', () => {
  const clock = new VirtualClock(Date.parse('2026-07-20T15:59:00Z')); // 23:59 in Shanghai
  const pacer = new Pacer({ dailyCaps: { reminder: 2 }, clock });
  expect([pacer.takeDaily('reminder'), pacer.takeDaily('reminder'), pacer.takeDaily('reminder')]).toEqual([true, true, false]);
  expect(pacer.takeDaily('case_update')).toBe(true); // no cap for this kind
  expect(pacer.nextDay().toISOString()).toBe('2026-07-20T16:00:00.000Z'); // midnight in Shanghai
  clock.at += 60_000; // 00:00 the next day
  expect(pacer.takeDaily('reminder')).toBe(true);
});

test('the default is one notice per second', () => {
  expect(new Pacer().minIntervalMs).toBe(1000);
});

test.each([
  ['', { broadcast: 300 }],
  ['reminder=200', { reminder: 200, broadcast: 300 }],
  [' reminder = 200 , case_task=500 ', { reminder: 200, case_task: 500, broadcast: 300 }],
  ['broadcast=1000', { broadcast: 1000 }],
])('BOT_DAILY_CAPS "%s" (broadcasts are capped at 300 a day unless it says otherwise)', (text, caps) => {
  expect(parseDailyCaps(text)).toEqual(caps);
});

test.each(['reminder', 'reminder=lots', 'Reminder=5', '=5'])('BOT_DAILY_CAPS "%s" is refused with an example', (text) => {
  expect(() => parseDailyCaps(text)).toThrow(/reminder=200/);
});
