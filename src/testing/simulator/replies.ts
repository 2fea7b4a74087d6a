/** Writes one reply (and the events its handler queued) when the pipeline releases it. */
export type ReplyWrite = () => void;

/**
 * The fault-injecting path every reply takes: an optional delay, then an optional reordering window that
 * holds `n` replies and releases them newest first.
 */
export class ReplyPipeline {
  private delayMs = 0;
  private window = 0;
  private held: ReplyWrite[] = [];
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private disposed = false;

  /** Delays every later reply by `ms` (0 for none). */
  delay(ms: number): void {
    this.delayMs = Math.max(0, ms);
  }

  /** Holds replies until `n` are pending, then releases them reversed; 0 or 1 releases what is held. */
  reorder(n: number): void {
    this.window = n > 1 ? n : 0;
    if (this.window === 0) this.release();
  }

  /** Sends a reply through the pipeline; once disposed, drops it (a reply made after close arms no timer). */
  push(write: ReplyWrite): void {
    if (this.disposed) return;
    if (this.delayMs === 0) {
      this.hold(write);
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.hold(write);
    }, this.delayMs);
    this.timers.add(timer);
  }

  /** Drops every held or delayed reply, cancels the timers, and drops every reply pushed later. */
  dispose(): void {
    this.disposed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.held = [];
  }

  private hold(write: ReplyWrite): void {
    if (this.window === 0) {
      write();
      return;
    }
    this.held.push(write);
    if (this.held.length >= this.window) this.release();
  }

  private release(): void {
    const held = this.held.reverse();
    this.held = [];
    for (const write of held) write();
  }
}
