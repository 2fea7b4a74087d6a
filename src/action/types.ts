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

/**
 * What the caller tells a socket about one call: its idempotency key, account and deadline. Structurally the
 * transport contract's `SendMeta` (a type test keeps them equal); declared here so actions need no transport.
 */
export interface CallMeta {
  /** Idempotency key: `<delivery id>:<ordinal>` inside a handling, absent outside. */
  readonly idempotencyKey?: string;
  /** The account the call is for (the handled event's `self_id`), as exact digits. */
  readonly selfId?: string;
  /** Absolute deadline of the call (ms since epoch, on the client's scheduler clock), if it has one. */
  readonly deadline?: number;
}

/**
 * An open socket as the caller sees it: where request frames are written. A transport's `SocketOpen` fits it
 * (a type test checks that).
 */
export interface CallSocket {
  /** Increments per socket. */
  readonly generation: number;
  /** Writes a request frame; `false` when nothing was written (the socket is closing). */
  send(text: string, meta?: CallMeta): boolean | void;
  /** Gives up the request written with this `echo` (request/response transports only). */
  cancel?(echo: string): void;
}
