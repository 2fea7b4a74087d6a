/**
 * The client's side of the throttle: which calls send to which conversation (from the catalogue's `sends`),
 * and the call primitive that queues them. The queue itself (`createThrottle`, `throttle.ts`) comes from
 * `throttle-source.ts`: at once in Node; in the browser build a chunk loaded when a client has a `throttle`
 * option, so a page without one never downloads it.
 */
import { type Observable, type SchedulerLike, catchError, defer, from, mergeMap, throwError, timeout as rxTimeout } from 'rxjs';
import { ActionTimeoutError, isActionTimeoutError } from '../errors';
import { asyncBase } from './async-variants';
import { CATALOGUE_ROWS } from './catalogue-source';
import type { SendsTo } from './define';
import type { ThrottleGate, Throttle, ThrottleOptions, createThrottle } from './throttle';
import { throttleFactory } from './throttle-source';
import type { CallOptions } from './types';

type Params = Readonly<Record<string, unknown>>;
type TargetOf = (params: Params) => string | undefined;

const group = (id: unknown): string => `group:${String(id)}`;
const user = (id: unknown): string => `private:${String(id)}`;
const either = (p: Params): string =>
  p.message_type === 'group' || (p.message_type !== 'private' && p.group_id !== undefined) ? group(p.group_id) : user(p.user_id);

function isParams(u: unknown): u is Params {
  return typeof u === 'object' && u !== null;
}

/** How each kind of sending row (its catalogue field `sends`) names its conversation. */
const TARGETS: Readonly<Record<SendsTo, TargetOf>> = {
  group: (p) => group(p.group_id),
  private: (p) => user(p.user_id),
  conversation: either,
  'quick-reply': ({ context, operation }) =>
    isParams(context) && isParams(operation) && operation.reply !== undefined ? either(context) : undefined,
};

/**
 * The conversation (`group:<id>` or `private:<id>`) a call of a row with `sends` writes to, from its params.
 *
 * @example
 * targetOf('group', { group_id: 1, message: 'hi' }); // 'group:1'
 */
export function targetOf(sends: SendsTo | undefined, params: unknown): string | undefined {
  return sends === undefined || !isParams(params) ? undefined : TARGETS[sends](params);
}

const ROWS: Readonly<Record<string, { readonly sends?: SendsTo }>> = CATALOGUE_ROWS;

/**
 * The conversation a call sends a message to, or `undefined` when `action` sends nothing (quick operations
 * count when they reply). Read from the catalogue row's `sends` field.
 *
 * @example
 * sendTarget('send_group_msg', { group_id: 1, message: 'hi' }); // 'group:1'
 */
export function sendTarget(action: string, params: unknown): string | undefined {
  const name = Object.hasOwn(ROWS, action) ? action : (asyncBase(action) ?? action);
  return Object.hasOwn(ROWS, name) ? targetOf(ROWS[name]?.sends, params) : undefined;
}

/** A call primitive (with any extra arguments `A` it passes on). */
export type CallWith<A extends unknown[]> = (action: string, params: unknown, options?: CallOptions, ...rest: A) => Observable<unknown>;

/** A throttled call primitive and the handle that ends its queue. */
export interface ThrottledCalls<A extends unknown[] = []> {
  readonly call: CallWith<A>;
  /** Fails every queued send at once with `error` and leaves no timer (the client closed). */
  close(error: unknown): void;
  /** A socket opened: sends what fits now (calls wait for a socket in the queue, not in the caller). */
  wake(): void;
}

/**
 * Wraps the call primitive so message sends are spaced by `options`; other actions pass straight through.
 * A queued send keeps its timeout, which runs from subscription: it fails with `ActionTimeoutError { sent:
 * false }` if still queued then, and is sent with only the time left (a timeout error still names the call's
 * own timeout). Unsubscribing a queued send dequeues it. `call` is the primitive itself when `options` is
 * undefined.
 *
 * @example
 * const { call, close } = throttleCalls(caller.call, { perTarget: { count: 5, perMs: 1_000 } }, scheduler, 30_000);
 */
export function throttleCalls<A extends unknown[] = []>(
  call: CallWith<A>,
  options: ThrottleOptions | undefined,
  scheduler: SchedulerLike,
  defaultTimeout = 30_000,
  gate?: ThrottleGate,
  target: (action: string, params: unknown) => string | undefined = sendTarget,
): ThrottledCalls<A> {
  if (options === undefined || (options.perTarget === undefined && options.global === undefined)) {
    return { call, close: () => undefined, wake: () => undefined };
  }
  const factory = throttleFactory();
  let throttle: Throttle | undefined;
  let closedWith: { readonly error: unknown } | undefined;
  const made = (create: typeof createThrottle): Throttle => {
    if (throttle === undefined) {
      throttle = create(options, scheduler, gate);
      if (closedWith !== undefined) throttle.close(closedWith.error);
    }
    return throttle;
  };
  if (typeof factory === 'function') made(factory);
  const throttled: CallWith<A> = (action, params, callOptions, ...rest) => {
    const to = target(action, params);
    if (to === undefined) return call(action, params, callOptions, ...rest);
    const timeout = callOptions?.timeout ?? defaultTimeout;
    const expired = (): ActionTimeoutError => new ActionTimeoutError(action, timeout, false);
    /** Queues the send on `queue`, `loaded` ms after its subscription (the wait for the throttle's chunk). */
    const enqueue = (queue: Throttle, loaded: number): Observable<unknown> => {
      const start = (queued: number): Observable<unknown> => {
        const waited = loaded + queued;
        const inner = call(action, params, { ...callOptions, timeout: timeout - waited }, ...rest);
        if (waited === 0) return inner;
        return inner.pipe(
          catchError((error: unknown) =>
            throwError(() => (isActionTimeoutError(error) ? new ActionTimeoutError(action, timeout, error.sent) : error)),
          ),
        );
      };
      return queue.run(to, start, { after: timeout - loaded, error: expired });
    };
    if (throttle !== undefined) return enqueue(throttle, 0);
    // The browser build, before the throttle's chunk is in: the wait counts against the call's timeout.
    return defer(() => {
      const subscribed = scheduler.now();
      return from(Promise.resolve(factory)).pipe(
        rxTimeout({ first: timeout, with: () => throwError(expired), scheduler }),
        mergeMap((create) => enqueue(made(create), scheduler.now() - subscribed)),
      );
    });
  };
  return {
    call: throttled,
    close: (error) => {
      closedWith ??= { error };
      throttle?.close(error);
    },
    wake: () => throttle?.wake(),
  };
}
