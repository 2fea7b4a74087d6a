import {
  type MonoTypeOperatorFunction,
  Observable,
  type SchedulerLike,
  type Subscription,
  type Unsubscribable,
  asyncScheduler,
  catchError,
  throwError,
} from 'rxjs';
import { ActionTimeoutError, isActionTimeoutError } from '../errors';
import { CATALOGUE_ROWS } from './catalogue-source';
import { asyncBase } from './async-variants';
import type { SendsTo } from './define';
import { RateWindow, TargetWindows } from './rate-window';
import { timerDelay } from './timer-limit';
import type { CallOptions } from './types';

import type { RateLimit } from './rate-window';

export type { RateLimit };

/** Spacing of outgoing sends, per target (group or user) and overall. */
export interface ThrottleOptions {
  /** At most `count` sends per `perMs` to one group or user. */
  perTarget?: RateLimit;
  /** At most `count` sends per `perMs` in total. */
  global?: RateLimit;
}

/** What {@link Throttle.run} may do with a call still waiting for its slot. */
export interface QueueDeadline {
  /** Ms after subscription at which a call still queued gives up. */
  readonly after: number;
  /** The error it gives up with. */
  readonly error: () => unknown;
}

/** A shared send queue: runs work once its target and the global window have room. */
export interface Throttle {
  /**
   * Subscribes `start(waitedMs)` once a slot is free for `target` (and overall). Unsubscribing while queued
   * dequeues; `deadline` errors a call still queued after `deadline.after` ms. `target: undefined` is
   * limited by the global window only.
   */
  run<T>(target: string | undefined, start: (waited: number) => Observable<T>, deadline?: QueueDeadline): Observable<T>;
  /**
   * Fails every queued call at once with `error` and cancels the throttle's timer; later calls fail at once
   * with it too. Calls already started are not touched.
   */
  close(error: unknown): void;
  /** The gate opened (a socket is open again): dispatches what fits now. */
  wake(): void;
  /** Calls waiting for a slot. */
  readonly queued: number;
  /** Per-target windows held (targets sent to within their `perMs`; idle ones are released as time passes). */
  readonly windows: number;
}

interface Entry {
  readonly target: string | undefined;
  readonly expiresAt: number;
  readonly go: () => void;
  readonly expire: () => void;
  readonly fail: (error: unknown) => void;
}

function checkLimit(name: string, limit: RateLimit | undefined): void {
  if (limit === undefined) return;
  if (!(Number.isInteger(limit.count) && limit.count > 0 && limit.perMs >= 0)) {
    throw new RangeError(`throttle.${name} needs a positive integer count and a perMs ≥ 0`);
  }
}

/**
 * When started calls reach the wire. With a gate, the throttle starts calls only while `ready()` (a socket is
 * open, so a started call is written at once and a send is counted when its frame is written), holds the
 * connection while calls wait, and dispatches again on {@link Throttle.wake}.
 */
export interface ThrottleGate {
  /** Whether a call started now is written at once. */
  ready(): boolean;
  /** Keeps the connection wanted while calls wait for their slot. */
  hold(): Unsubscribable;
}

/**
 * Creates a send queue shared by everything that goes through it. Time is read and scheduled only through
 * `scheduler`, so a `TestScheduler` drives it.
 *
 * @example
 * const throttle = createThrottle({ perTarget: { count: 1, perMs: 1_000 }, global: { count: 20, perMs: 1_000 } });
 * client.sendGroupMessage(group, 'hi').pipe(throttleActions(throttle, `group:${group}`));
 */
export function createThrottle(options: ThrottleOptions, scheduler: SchedulerLike = asyncScheduler, gate?: ThrottleGate): Throttle {
  checkLimit('perTarget', options.perTarget);
  checkLimit('global', options.global);
  const global = options.global === undefined ? undefined : new RateWindow(options.global);
  const perTarget = options.perTarget === undefined ? undefined : new TargetWindows(options.perTarget);
  /** Queued calls in arrival order (a Set: O(1) removal, insertion-ordered iteration). */
  const queue = new Set<Entry>();
  let timer: Subscription | undefined;
  let timerAt = Infinity;
  let pumping = false;
  let pumpAgain = false;
  let closed: { readonly error: unknown } | undefined;
  let held: Unsubscribable | undefined;

  /** Holds the connection through the gate exactly while calls are queued. */
  const holdWhileQueued = (): void => {
    if (queue.size > 0 && held === undefined && gate !== undefined) {
      const hold = gate.hold(); // may open a socket at once, and wake() may empty the queue meanwhile
      if (held === undefined) held = hold;
      else hold.unsubscribe();
    }
    if (queue.size === 0 && held !== undefined) {
      const release = held;
      held = undefined;
      release.unsubscribe();
    }
  };

  const readyAt = (target: string | undefined, now: number): number => {
    const overall = global?.freeAt(now) ?? now;
    return target === undefined || perTarget === undefined ? overall : Math.max(overall, perTarget.freeAt(target, now));
  };

  const record = (target: string | undefined, now: number): void => {
    global?.record(now);
    if (target !== undefined) perTarget?.record(target, now);
  };

  const remove = (entry: Entry): boolean => {
    if (!queue.delete(entry)) return false;
    if (queue.size === 0) disarm();
    return true;
  };

  /** Dequeues an entry whose subscriber left. */
  const drop = (entry: Entry): void => {
    if (remove(entry)) holdWhileQueued();
  };

  const disarm = (): void => {
    timer?.unsubscribe();
    timer = undefined;
    timerAt = Infinity;
  };

  /** Wakes at `at` (a far one through clamped timers that re-arm). */
  const arm = (at: number, now: number): void => {
    if (at === Infinity || (timer !== undefined && timerAt <= at)) return;
    disarm();
    timerAt = at;
    timer = scheduler.schedule(() => {
      timer = undefined;
      timerAt = Infinity;
      pump();
    }, timerDelay(at - now));
  };

  /** One pass over the queue in order: expire, dispatch what fits, then wake at the next possible change. */
  const pass = (): void => {
    const now = scheduler.now();
    perTarget?.prune(now);
    const blocked = new Set<string | undefined>();
    const open = gate === undefined || gate.ready();
    let wakeAt = Infinity;
    for (const entry of queue) {
      if (entry.expiresAt <= now) {
        remove(entry);
        entry.expire();
        continue;
      }
      const at = !open || blocked.has(entry.target) ? Infinity : readyAt(entry.target, now);
      if (at <= now) {
        remove(entry);
        record(entry.target, now);
        entry.go();
        continue;
      }
      if (entry.target !== undefined) blocked.add(entry.target);
      wakeAt = Math.min(wakeAt, at, entry.expiresAt);
    }
    if (queue.size > 0) arm(wakeAt, now);
  };

  const pump = (): void => {
    if (pumping) {
      pumpAgain = true;
      return;
    }
    pumping = true;
    try {
      do {
        pumpAgain = false;
        pass();
      } while (pumpAgain);
    } finally {
      pumping = false;
    }
    holdWhileQueued();
  };

  const run = <T>(
    target: string | undefined,
    start: (waited: number) => Observable<T>,
    deadline?: QueueDeadline,
  ): Observable<T> =>
    new Observable<T>((subscriber) => {
      if (closed !== undefined) {
        subscriber.error(closed.error);
        return;
      }
      const queuedAt = scheduler.now();
      let inner: Subscription | undefined;
      const entry: Entry = {
        target,
        expiresAt: deadline === undefined ? Infinity : queuedAt + deadline.after,
        go: () => {
          inner = start(scheduler.now() - queuedAt).subscribe(subscriber);
        },
        expire: () => subscriber.error(deadline?.error()),
        fail: (error) => subscriber.error(error),
      };
      queue.add(entry);
      pump();
      return () => {
        if (inner !== undefined) inner.unsubscribe();
        else drop(entry);
      };
    });

  const close = (error: unknown): void => {
    if (closed !== undefined) return;
    closed = { error };
    disarm();
    const failing = [...queue];
    queue.clear();
    holdWhileQueued();
    for (const entry of failing) entry.fail(error);
  };

  return {
    run,
    close,
    wake: pump,
    get queued() {
      return queue.size;
    },
    get windows() {
      return perTarget?.size ?? 0;
    },
  };
}

/**
 * Delays subscribing to an action until `throttle` has room for `target`; unsubscribing while it waits
 * removes it from the queue. Put it last in the pipe so nothing else waits in the queue.
 *
 * @example
 * const throttle = createThrottle({ perTarget: { count: 1, perMs: 1_000 } });
 * messages.forEach((text) => client.sendGroupMessage(group, text).pipe(throttleActions(throttle, `group:${group}`)).subscribe());
 */
export function throttleActions<T>(throttle: Throttle, target?: string): MonoTypeOperatorFunction<T> {
  return (source) => throttle.run(target, () => source);
}

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
  const throttle = createThrottle(options, scheduler, gate);
  const throttled: CallWith<A> = (action, params, callOptions, ...rest) => {
    const to = target(action, params);
    if (to === undefined) return call(action, params, callOptions, ...rest);
    const timeout = callOptions?.timeout ?? defaultTimeout;
    const start = (waited: number): Observable<unknown> => {
      const inner = call(action, params, { ...callOptions, timeout: timeout - waited }, ...rest);
      if (waited === 0) return inner;
      return inner.pipe(
        catchError((error: unknown) =>
          throwError(() => (isActionTimeoutError(error) ? new ActionTimeoutError(action, timeout, error.sent) : error)),
        ),
      );
    };
    return throttle.run(to, start, { after: timeout, error: () => new ActionTimeoutError(action, timeout, false) });
  };
  return { call: throttled, close: (error) => throttle.close(error), wake: () => throttle.wake() };
}
