import type { Observable } from 'rxjs';

/**
 * How many events a `handle` works on at once:
 * - `'conversation'` (default): one at a time per conversation (same `self_id` and group, or same `self_id`
 *   and user for private events), in arrival order; different conversations run concurrently.
 * - `'serial'`: one at a time overall, in arrival order.
 * - `'concurrent'`: every event at once, unbounded (no queue).
 * - a number `n`: up to `n` at once overall; the rest wait in arrival order.
 */
export type Concurrency = 'conversation' | 'serial' | 'concurrent' | number;

/**
 * What a full queue does with one more event: `'drop-oldest'` drops the longest-waiting one (the newest
 * messages get answered), `'drop-newest'` drops the arriving one, `'error'` refuses the arriving one as a
 * failed handling (logged as an error rather than a warning). Every drop is counted and settles its event; drops
 * are reported as a `HandlerError` whose cause is a `QueueOverflowError` with the running count: the first at
 * once, then at most one per second while they go on (an error object per drop would feed the overload).
 */
export type OverflowPolicy = 'drop-oldest' | 'drop-newest' | 'error';

/**
 * Options of `client.handle`.
 *
 * @example
 * client.handle('message.group', (m, ctx) => ctx.reply('pong'), { timeout: 10_000, maxQueued: 20 });
 */
export interface HandleOptions {
  /** How many events are handled at once, and in which order (default `'conversation'`). */
  readonly concurrency?: Concurrency;
  /** Events waiting per queue (per conversation with `'conversation'`, else one queue) before `overflow` applies (default 100). */
  readonly maxQueued?: number;
  /** What a full queue does with one more event (default `'drop-oldest'`). */
  readonly overflow?: OverflowPolicy;
  /**
   * Time in ms one event's handling may take (default: none). Past it the handling is unsubscribed (its pending
   * calls are cancelled, nothing is sent later) and a `HandlerError` with a `HandlerTimeoutError` cause is reported.
   */
  readonly timeout?: number;
}

/** The defaults of {@link HandleOptions}. */
export const HANDLE_DEFAULTS = {
  concurrency: 'conversation',
  maxQueued: 100,
  overflow: 'drop-oldest',
} as const satisfies HandleOptions;

/**
 * An epic: bot logic as one long-lived Observable built from the client (the redux-observable shape). Its
 * values are ignored; `client.run` reports its errors and resubscribes it.
 *
 * @example
 * const pong: Epic = (client) => client.groupMessages$.pipe(filter((m) => textOf(m) === 'ping'), mergeMap((m) => client.reply(m, 'pong')));
 */
export type Epic<C = unknown> = (client: C) => Observable<unknown>;

/** How often an epic may fail before `client.run` stops it: `failures` errors within `windowMs`. */
export const EPIC_RESTART_LIMIT = { failures: 5, windowMs: 10_000 } as const;

/**
 * Options of `client.close`.
 *
 * @example
 * process.once('SIGTERM', () => void client.close({ drain: 5_000 }));
 */
export interface CloseOptions {
  /**
   * Graceful shutdown: stop taking events, let the handlings in flight and queued finish within this many ms
   * (the rest are cancelled), stop the epics, then close. Default 0: cancel at once.
   */
  readonly drain?: number;
}
