import type { SchedulerLike, Subscriber, Subscription } from 'rxjs';
import type { BackendProfile } from './backend';
import type { ActionDef } from './define';
import type { CallMeta } from './types';
import { timerDelay } from './timer-limit';

/** How a call's reply data is turned into its value. */
export type ResultMode = 'decode' | 'async' | 'raw';

/**
 * One call in flight: registered at subscription, removed at teardown. It is its own teardown
 * (`unsubscribe` is one function shared by every call of a client), so a call allocates no closure for it.
 */
export interface PendingCall {
  /** Removes the call from the table (the Observable's teardown). */
  unsubscribe(this: PendingCall): void;
  /**
   * The call's key in the table: the caller uses its call number (the wire echo is the client's tag, `:` and
   * this number, so a Map of small integers routes replies); any string works as well.
   */
  readonly echo: number | string;
  readonly action: string;
  /** Params as the caller passed them (for error reports). */
  readonly params: unknown;
  /** The frame text to write; emptied once written (nothing is ever written twice), so it is not kept in flight. */
  frame: string;
  /** A stamped call's {@link CallMeta} (idempotency key, account, deadline); unset for an ordinary call. */
  readonly meta?: CallMeta;
  readonly subscriber: Subscriber<unknown>;
  readonly mode: ResultMode;
  /** The catalogue row whose result codec checks the reply (`undefined`: raw or uncatalogued). */
  readonly def?: ActionDef | undefined;
  /** `stream`: stays registered until a `response` or error frame. */
  readonly stream: boolean;
  readonly timeout: number;
  deadline: number;
  sent: boolean;
  /** Generation of the socket it was written on (-1 while unsent). */
  generation: number;
  /** The backend profile the call was adapted for, when it rewrites replies ({@link BackendProfile.adaptReply}). */
  readonly profile?: BackendProfile;
}

/**
 * The table of calls in flight, keyed by echo (O(1) lookups), with ONE timer for all deadlines: it is armed
 * at the earliest deadline, sweeps expired calls when it fires, and is cancelled when the table empties, so
 * an idle client holds no timer and a script that forgot `close()` still exits. (Keeping it armed would save
 * calls made strictly one after another a timer each, at the cost of holding the process open.) A deadline
 * past the longest timer (~24.8 days) is reached through clamped timers that re-arm.
 */
export class PendingCalls {
  private readonly calls = new Map<number | string, PendingCall>();
  private timer: Subscription | undefined;
  private armedAt = Number.POSITIVE_INFINITY;

  constructor(
    private readonly scheduler: SchedulerLike,
    private readonly onExpired: (call: PendingCall) => void,
    /** Called when the table goes from empty to non-empty and back: the connection is wanted or not. */
    private readonly onBusy: (busy: boolean) => void = () => undefined,
  ) {}

  /** Number of calls in flight (sent or waiting for a socket). */
  get size(): number {
    return this.calls.size;
  }

  get(echo: number | string): PendingCall | undefined {
    return this.calls.get(echo);
  }

  add(call: PendingCall): void {
    this.calls.set(call.echo, call);
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
  touch(call: PendingCall): void {
    call.deadline = this.scheduler.now() + call.timeout;
  }

  /** Every call in flight, in subscription order (a snapshot, safe to mutate the table while iterating). */
  snapshot(): PendingCall[] {
    return [...this.calls.values()];
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
