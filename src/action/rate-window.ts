/** At most `count` sends in any `perMs` milliseconds. */
export interface RateLimit {
  readonly count: number;
  readonly perMs: number;
}

/** The times of the last `count` sends under one limit. */
export class RateWindow {
  private readonly times: number[] = [];
  constructor(private readonly limit: RateLimit) {}

  /** The earliest time another send fits, at or after `now`. */
  freeAt(now: number): number {
    const { count, perMs } = this.limit;
    if (this.times.length < count) return now;
    return Math.max(now, (this.times[this.times.length - count] as number) + perMs);
  }

  /** Counts a send at `now`. */
  record(now: number): void {
    this.times.push(now);
    if (this.times.length > this.limit.count) this.times.shift();
  }

  /** Whether the window no longer restricts anything at `now`. */
  idle(now: number): boolean {
    const last = this.times[this.times.length - 1];
    return last === undefined || last + this.limit.perMs <= now;
  }
}

/**
 * Per-target windows kept in the order of their last send: every window shares one `perMs`, so the windows
 * that went idle are always at the front, and pruning them costs O(1) amortised per send.
 */
export class TargetWindows {
  private readonly windows = new Map<string, RateWindow>();
  constructor(private readonly limit: RateLimit) {}

  /** Windows held. */
  get size(): number {
    return this.windows.size;
  }

  /** The earliest time another send to `target` fits, at or after `now` (no window: `now`). */
  freeAt(target: string, now: number): number {
    return this.windows.get(target)?.freeAt(now) ?? now;
  }

  /** Counts a send to `target` at `now`, then releases the windows gone idle. */
  record(target: string, now: number): void {
    let window = this.windows.get(target);
    if (window === undefined) window = new RateWindow(this.limit);
    else this.windows.delete(target); // re-inserted last: the map stays ordered by last send
    window.record(now);
    this.windows.set(target, window);
    this.prune(now);
  }

  /** Releases the windows that no longer restrict anything. */
  prune(now: number): void {
    for (const [target, window] of this.windows) {
      if (!window.idle(now)) return;
      this.windows.delete(target);
    }
  }
}

