/**
 * At most `max` of some costly work at once in this process; a caller that finds it full is
 * refused (at once, or after waiting a short while in a bounded queue) rather than queued without
 * end (a flood must not pile up work, connections or memory).
 * Used for password checks: argon2id runs on libuv's thread pool, and a flood from many addresses
 * would otherwise fill that pool and the database pool, slowing every other request. And for
 * upload bodies (server/core/documents/upload-guard.ts), which wait briefly: a waiting request has
 * not been read, so it holds no memory, and a busy event loop reads bodies slowly.
 */
type Release = () => void;

export class Gate {
  private inside = 0;
  /** Callers waiting for a place, oldest first: a freed place is handed to the first. */
  private readonly waiting: ((release: Release) => void)[] = [];

  constructor(readonly max: number) {}

  /** A release function when there is room, else null. Release exactly once. */
  tryEnter(): Release | null {
    if (this.inside >= this.max) return null;
    this.inside += 1;
    return this.place();
  }

  /** Like tryEnter, but waits up to `waitMs` for a place, behind at most `maxWaiting` others; null when none came. */
  enter(waitMs: number, maxWaiting: number): Promise<Release | null> {
    const now = this.tryEnter();
    if (now || waitMs <= 0 || this.waiting.length >= maxWaiting) return Promise.resolve(now);
    return new Promise((resolve) => {
      const waiter = (release: Release) => {
        clearTimeout(timer);
        resolve(release);
      };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(waiter), 1);
        resolve(null);
      }, waitMs);
      this.waiting.push(waiter);
    });
  }

  private place(): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next(this.place());
      else this.inside -= 1;
    };
  }
}
