import type { OverflowPolicy } from './options';

/** One key's work: how many of its units run, and the ones waiting (a queue with a moving head). */
interface Lane<U> {
  running: number;
  waiting: U[];
  head: number;
  pumping: boolean;
}

/** What {@link Lanes} runs and reports. */
export interface LaneWork<U> {
  /** Starts a unit; `done` must be called exactly once when it ends (synchronously is fine). */
  start(unit: U, done: () => void): void;
  /** A full queue dropped `unit` unhandled. */
  dropped(unit: U): void;
}

/**
 * Bounded per-key work queues: at most `limit` units of one key run at once, in arrival order; at most
 * `maxQueued` wait per key, beyond which `overflow` drops one. A key with nothing running or waiting is
 * forgotten, so memory follows the busy keys, not every key ever seen. Completion is re-entrant without
 * recursion: a unit that ends synchronously lets the next start from the same loop.
 */
export class Lanes<U> {
  private readonly lanes = new Map<string, Lane<U>>();
  private idleWaiters: Array<() => void> = [];

  constructor(
    private readonly limit: number,
    private readonly maxQueued: number,
    private readonly overflow: OverflowPolicy,
    private readonly work: LaneWork<U>,
  ) {}

  /** Keys with work running or waiting. */
  get size(): number {
    return this.lanes.size;
  }

  /** Takes a unit for `key`: starts it, queues it, or drops one by the overflow policy. */
  offer(key: string, unit: U): void {
    let lane = this.lanes.get(key);
    if (lane === undefined) {
      lane = { running: 0, waiting: [], head: 0, pumping: false };
      this.lanes.set(key, lane);
    }
    if (lane.running >= this.limit && lane.waiting.length - lane.head >= this.maxQueued) {
      if (this.overflow !== 'drop-oldest' || this.maxQueued === 0) {
        this.work.dropped(unit);
        return;
      }
      const oldest = lane.waiting[lane.head] as U;
      lane.waiting[lane.head] = undefined as U;
      lane.head++;
      this.work.dropped(oldest);
    }
    lane.waiting.push(unit);
    this.pump(key, lane);
  }

  /** Removes every waiting unit (they never start) and returns them. */
  clear(): U[] {
    const removed: U[] = [];
    for (const [key, lane] of this.lanes) {
      removed.push(...lane.waiting.slice(lane.head));
      lane.waiting = [];
      lane.head = 0;
      if (lane.running === 0) this.lanes.delete(key);
    }
    this.notifyIfIdle();
    return removed;
  }

  /** Calls `callback` once nothing runs or waits (at once if already so). */
  whenIdle(callback: () => void): void {
    if (this.lanes.size === 0) callback();
    else this.idleWaiters.push(callback);
  }

  private pump(key: string, lane: Lane<U>): void {
    if (lane.pumping) return;
    lane.pumping = true;
    while (lane.running < this.limit && lane.head < lane.waiting.length) {
      const unit = lane.waiting[lane.head] as U;
      lane.waiting[lane.head] = undefined as U;
      lane.head++;
      if (lane.head > 64 && lane.head * 2 > lane.waiting.length) {
        lane.waiting = lane.waiting.slice(lane.head);
        lane.head = 0;
      }
      lane.running++;
      let ended = false;
      this.work.start(unit, () => {
        if (ended) return;
        ended = true;
        lane.running--;
        this.pump(key, lane);
      });
    }
    lane.pumping = false;
    if (lane.head >= lane.waiting.length) {
      lane.waiting.length = 0;
      lane.head = 0;
    }
    if (lane.running === 0 && lane.waiting.length === 0 && this.lanes.get(key) === lane) {
      this.lanes.delete(key);
      this.notifyIfIdle();
    }
  }

  private notifyIfIdle(): void {
    if (this.lanes.size !== 0 || this.idleWaiters.length === 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const waiter of waiters) waiter();
  }
}
