/**
 * The workflow in one room: statuses and their owners, the transition table (what each move asks
 * and writes), the time limits' names, the facts the rules look at, every status's words. Pure —
 * no I/O; both flows/ and server/ read it.
 */
export * from './statuses';
export * from './limits';
export * from './actor';
export * from './facts';
export * from './moves';
export * from './verifier';
export * from './words';
export * from './process-words';
