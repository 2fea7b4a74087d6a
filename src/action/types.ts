import type { Observable } from 'rxjs';
import type { Id } from '../codec/id';

/** Per-call options accepted by every action method as its last argument. */
export interface CallOptions {
  /** Timeout in ms for this call (default: the client's `actionTimeout`). */
  timeout?: number;
  /** Send even when the backend profile says the action is unsupported. */
  force?: boolean;
  /**
   * Advanced (set by a handler's `ctx`, not by hand): the key a scale-out gateway executes at most once,
   * `<delivery id>:<ordinal>` inside the handling of a delivered event. A direct socket ignores it.
   */
  idempotencyKey?: string;
  /** Advanced (set by a handler's `ctx`): the account the call is for, the handled event's `self_id`. */
  selfId?: Id;
}

/**
 * The one primitive every action face is built on: a cold Observable that sends `action` with `params` when
 * subscribed and emits the decoded reply data once.
 */
export type CallAction = (action: string, params: unknown, options?: CallOptions) => Observable<unknown>;
