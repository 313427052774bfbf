/**
 * The server's one clock. Whatever runs on a clock it was given (the app's deps.now, a worker's or
 * a job's clock: tests freeze it) reads the time here, and so does what was given none: the
 * system's time. No other server file calls `new Date()` without arguments
 * (tests/architecture/single-sources.test.ts).
 */
export type Clock = () => Date;

/** The system's time. */
export const systemClock: Clock = () => new Date();

/** What time it is for a holder of an optional clock (`deps.now`, `opts.now`): its clock's, else the system's. */
export function nowOf(holder?: { now?: Clock }): Date {
  return holder?.now?.() ?? systemClock();
}

/** The clock of a holder of an optional clock, read at each call (a test may set `deps.now` later). */
export function clockOf(holder?: { now?: Clock }): Clock {
  return () => nowOf(holder);
}
