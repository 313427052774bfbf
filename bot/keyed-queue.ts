/**
 * Runs jobs one at a time per key, keys in parallel: a villager's later messages wait behind
 * an earlier one that is still retrying, while other villagers are served.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<void>>();

  constructor(private readonly onError: (error: unknown) => void) {}

  push(key: string, job: () => Promise<void>): void {
    const tail = (this.tails.get(key) ?? Promise.resolve()).then(job).catch(this.onError);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
  }

  /** Resolves once every queued job has finished (used by stop()). */
  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.allSettled([...this.tails.values()]);
  }
}
