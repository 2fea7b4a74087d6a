import type { SchedulerLike, Subscription } from 'rxjs';
import type { PendingCall } from './pending-call';
import { EchoSlots } from './echo-slots';
import { timerDelay } from './timer-limit';

/** What the table reads of a call in flight ({@link PendingCall} in a client). */
export interface Deadlined {
  /** The call's key in the table. */
  readonly echo: number | string;
  /** Absolute deadline on the scheduler's clock. */
  deadline: number;
  /** The call's timeout (a stream call's idle timeout, for {@link PendingCalls.touch}). */
  readonly timeout: number;
}

/**
 * The table of calls in flight, keyed by echo (O(1) lookups, {@link EchoSlots}), with ONE timer for all deadlines: it is armed
 * at the earliest deadline, sweeps expired calls when it fires, and is cancelled when the table empties, so
 * an idle client holds no timer and a script that forgot `close()` still exits. (Keeping it armed would save
 * calls made strictly one after another a timer each, at the cost of holding the process open.) A deadline
 * past the longest timer (~24.8 days) is reached through clamped timers that re-arm.
 */
export class PendingCalls<C extends Deadlined = PendingCall> {
  private readonly calls = new EchoSlots<C>();
  private timer: Subscription | undefined;
  private armedAt = Number.POSITIVE_INFINITY;

  constructor(
    private readonly scheduler: SchedulerLike,
    private readonly onExpired: (call: C) => void,
    /** Called when the table goes from empty to non-empty and back: the connection is wanted or not. */
    private readonly onBusy: (busy: boolean) => void = () => undefined,
  ) {}

  /** Number of calls in flight (sent or waiting for a socket). */
  get size(): number {
    return this.calls.size;
  }

  get(echo: number | string): C | undefined {
    return this.calls.get(echo);
  }

  add(call: C): void {
    this.calls.set(call);
    if (this.calls.size === 1) this.onBusy(true);
    if (call.deadline < this.armedAt) this.arm(call.deadline);
  }

  delete(echo: number | string): void {
    if (this.calls.delete(echo) && this.calls.size === 0) {
      this.disarm();
      this.onBusy(false);
    }
  }

  /** Cancels the deadline timer (the client ended; no call can be added any more). */
  dispose(): void {
    this.disarm();
  }

  /** Pushes a stream call's deadline forward (idle timeout); the sweep picks it up lazily. */
  touch(call: C): void {
    call.deadline = this.scheduler.now() + call.timeout;
  }

  /** Every call in flight, in subscription order (a snapshot, safe to mutate the table while iterating). */
  snapshot(): C[] {
    return this.calls.values();
  }

  private arm(deadline: number): void {
    this.timer?.unsubscribe();
    this.armedAt = deadline;
    this.timer = this.scheduler.schedule(() => this.sweep(), timerDelay(deadline - this.scheduler.now()));
  }

  private disarm(): void {
    this.timer?.unsubscribe();
    this.timer = undefined;
    this.armedAt = Number.POSITIVE_INFINITY;
  }

  private sweep(): void {
    this.timer = undefined;
    this.armedAt = Number.POSITIVE_INFINITY;
    const now = this.scheduler.now();
    let next = Number.POSITIVE_INFINITY;
    for (const call of this.snapshot()) {
      if (this.calls.get(call.echo) !== call) continue; // ended by an earlier expiry's side effects
      if (call.deadline <= now) this.onExpired(call);
      else if (call.deadline < next) next = call.deadline;
    }
    if (next < this.armedAt && this.calls.size > 0) this.arm(next);
  }
}
