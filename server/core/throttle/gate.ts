/**
 * At most `max` of some costly work at once in this process; a caller that finds it full is
 * refused at once rather than queued (a flood must not pile up work, connections or memory).
 * Used for password checks: argon2id runs on libuv's thread pool, and a flood from many addresses
 * would otherwise fill that pool and the database pool, slowing every other request.
 */
export class Gate {
  private inside = 0;

  constructor(readonly max: number) {}

  /** A release function when there is room, else null. Release exactly once. */
  tryEnter(): (() => void) | null {
    if (this.inside >= this.max) return null;
    this.inside += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inside -= 1;
    };
  }
}
