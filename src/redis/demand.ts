/** Counts what consumes a worker's events right now; the worker reads (and takes partitions) only while it is > 0. */
export class Demand {
  private count = 0;
  private readonly listeners = new Set<() => void>();

  /** Whether anything consumes events. */
  get active(): boolean {
    return this.count > 0;
  }

  /** Registers one consumer; the returned function unregisters it (once). */
  add(): () => void {
    this.count++;
    if (this.count === 1) this.notify();
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.count--;
      if (this.count === 0) this.notify();
    };
  }

  /** Calls `listener` whenever demand starts or stops; returns the function removing it. */
  watch(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const l of [...this.listeners]) l();
  }
}
