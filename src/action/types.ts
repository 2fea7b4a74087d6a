import type { Observable } from 'rxjs';

/** Per-call options accepted by every action method as its last argument. */
export interface CallOptions {
  /** Timeout in ms for this call (default: the client's `actionTimeout`). */
  timeout?: number;
  /** Send even when the backend profile says the action is unsupported. */
  force?: boolean;
}

/**
 * The one primitive every action face is built on: a cold Observable that sends `action` with `params` when
 * subscribed and emits the decoded reply data once.
 */
export type CallAction = (action: string, params: unknown, options?: CallOptions) => Observable<unknown>;
