import { type MonoTypeOperatorFunction, Observable, type SchedulerLike, type Subscription, asyncScheduler } from 'rxjs';
import { ActionTimeoutError } from '../errors';
import type { CallAction } from './types';

/** At most `count` sends in any `perMs` milliseconds. */
export interface RateLimit {
  readonly count: number;
  readonly perMs: number;
}

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
  /** Calls waiting for a slot. */
  readonly queued: number;
}

/** The times of the last `count` sends under one limit. */
class RateWindow {
  private readonly times: number[] = [];
  constructor(private readonly limit: RateLimit) {}

  /** The earliest time another send fits, at or after `now`. */
  freeAt(now: number): number {
    const { count, perMs } = this.limit;
    if (this.times.length < count) return now;
    return Math.max(now, (this.times[this.times.length - count] as number) + perMs);
  }

  record(now: number): void {
    this.times.push(now);
    if (this.times.length > this.limit.count) this.times.shift();
  }

  /** Whether the window no longer restricts anything at `now`. */
  idle(now: number): boolean {
    const last = this.times[this.times.length - 1];
    return last === undefined || last + this.limit.perMs <= now;
  }
}

interface Entry {
  readonly target: string | undefined;
  readonly expiresAt: number;
  readonly go: () => void;
  readonly expire: () => void;
}

const SWEEP_ABOVE = 256;

function checkLimit(name: string, limit: RateLimit | undefined): void {
  if (limit === undefined) return;
  if (!(Number.isInteger(limit.count) && limit.count > 0 && limit.perMs >= 0)) {
    throw new RangeError(`throttle.${name} needs a positive integer count and a perMs ≥ 0`);
  }
}

/**
 * Creates a send queue shared by everything that goes through it. Time is read and scheduled only through
 * `scheduler`, so a `TestScheduler` drives it.
 *
 * @example
 * const throttle = createThrottle({ perTarget: { count: 1, perMs: 1_000 }, global: { count: 20, perMs: 1_000 } });
 * client.sendGroupMessage(group, 'hi').pipe(throttleActions(throttle, `group:${group}`));
 */
export function createThrottle(options: ThrottleOptions, scheduler: SchedulerLike = asyncScheduler): Throttle {
  checkLimit('perTarget', options.perTarget);
  checkLimit('global', options.global);
  const global = options.global === undefined ? undefined : new RateWindow(options.global);
  const perTarget = new Map<string, RateWindow>();
  const queue: Entry[] = [];
  let timer: Subscription | undefined;
  let timerAt = Infinity;
  let pumping = false;
  let pumpAgain = false;

  const windowOf = (target: string | undefined): RateWindow | undefined => {
    if (target === undefined || options.perTarget === undefined) return undefined;
    let window = perTarget.get(target);
    if (window === undefined) {
      window = new RateWindow(options.perTarget);
      perTarget.set(target, window);
    }
    return window;
  };

  const readyAt = (target: string | undefined, now: number): number =>
    Math.max(global?.freeAt(now) ?? now, windowOf(target)?.freeAt(now) ?? now);

  const record = (target: string | undefined, now: number): void => {
    global?.record(now);
    windowOf(target)?.record(now);
    if (perTarget.size > SWEEP_ABOVE) {
      for (const [key, window] of perTarget) if (window.idle(now)) perTarget.delete(key);
    }
  };

  const remove = (entry: Entry): boolean => {
    const index = queue.indexOf(entry);
    if (index < 0) return false;
    queue.splice(index, 1);
    if (queue.length === 0) disarm();
    return true;
  };

  const disarm = (): void => {
    timer?.unsubscribe();
    timer = undefined;
    timerAt = Infinity;
  };

  const arm = (at: number, now: number): void => {
    if (at === Infinity || (timer !== undefined && timerAt <= at)) return;
    disarm();
    timerAt = at;
    timer = scheduler.schedule(() => {
      timer = undefined;
      timerAt = Infinity;
      pump();
    }, at - now);
  };

  /** One pass over the queue in order: expire, dispatch what fits, then wake at the next possible change. */
  const pass = (): void => {
    const now = scheduler.now();
    const blocked = new Set<string | undefined>();
    let wakeAt = Infinity;
    for (const entry of [...queue]) {
      if (!queue.includes(entry)) continue;
      if (entry.expiresAt <= now) {
        remove(entry);
        entry.expire();
        continue;
      }
      const at = blocked.has(entry.target) ? Infinity : readyAt(entry.target, now);
      if (at <= now) {
        remove(entry);
        record(entry.target, now);
        entry.go();
        continue;
      }
      if (entry.target !== undefined) blocked.add(entry.target);
      wakeAt = Math.min(wakeAt, at, entry.expiresAt);
    }
    if (queue.length > 0) arm(wakeAt, now);
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
  };

  const run = <T>(
    target: string | undefined,
    start: (waited: number) => Observable<T>,
    deadline?: QueueDeadline,
  ): Observable<T> =>
    new Observable<T>((subscriber) => {
      const queuedAt = scheduler.now();
      let inner: Subscription | undefined;
      const entry: Entry = {
        target,
        expiresAt: deadline === undefined ? Infinity : queuedAt + deadline.after,
        go: () => {
          inner = start(scheduler.now() - queuedAt).subscribe(subscriber);
        },
        expire: () => subscriber.error(deadline?.error()),
      };
      queue.push(entry);
      pump();
      return () => {
        if (inner !== undefined) inner.unsubscribe();
        else remove(entry);
      };
    });

  return {
    run,
    get queued() {
      return queue.length;
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
type TargetOf = (params: Params) => string;

const group = (id: unknown): string => `group:${String(id)}`;
const user = (id: unknown): string => `private:${String(id)}`;
const either: TargetOf = (p) =>
  p.message_type === 'group' || (p.message_type !== 'private' && p.group_id !== undefined) ? group(p.group_id) : user(p.user_id);

/** The sending actions and where each one's message goes (`group:<id>` or `private:<id>`). */
const SEND_TARGETS: Readonly<Record<string, TargetOf>> = {
  send_msg: either,
  send_forward_msg: either,
  send_group_msg: (p) => group(p.group_id),
  send_group_forward_msg: (p) => group(p.group_id),
  send_private_msg: (p) => user(p.user_id),
  send_private_forward_msg: (p) => user(p.user_id),
};

const SUFFIXES = /(?:_async|_rate_limited)$/;

function isParams(u: unknown): u is Params {
  return typeof u === 'object' && u !== null;
}

/**
 * The conversation a call sends a message to, or `undefined` when `action` sends nothing (quick operations
 * count when they reply).
 *
 * @example
 * sendTarget('send_group_msg', { group_id: 1, message: 'hi' }); // 'group:1'
 */
export function sendTarget(action: string, params: unknown): string | undefined {
  if (!isParams(params)) return undefined;
  if (action === '.handle_quick_operation') {
    const { context, operation } = params;
    return isParams(context) && isParams(operation) && operation.reply !== undefined ? either(context) : undefined;
  }
  return SEND_TARGETS[action.replace(SUFFIXES, '')]?.(params);
}

/**
 * Wraps the call primitive so message sends are spaced by `options`; other actions pass straight through.
 * A queued send keeps its timeout, which runs from subscription: it fails with `ActionTimeoutError { sent:
 * false }` if still queued then, and is sent with only the time left. Unsubscribing a queued send dequeues
 * it. Identity when `options` is undefined.
 *
 * @example
 * const call = throttleCalls(caller.call, { perTarget: { count: 5, perMs: 1_000 } }, scheduler, 30_000);
 */
export function throttleCalls(
  call: CallAction,
  options: ThrottleOptions | undefined,
  scheduler: SchedulerLike,
  defaultTimeout = 30_000,
): CallAction {
  if (options === undefined || (options.perTarget === undefined && options.global === undefined)) return call;
  const throttle = createThrottle(options, scheduler);
  return (action, params, callOptions) => {
    const target = sendTarget(action, params);
    if (target === undefined) return call(action, params, callOptions);
    const timeout = callOptions?.timeout ?? defaultTimeout;
    return throttle.run(target, (waited) => call(action, params, { ...callOptions, timeout: timeout - waited }), {
      after: timeout,
      error: () => new ActionTimeoutError(action, timeout, false),
    });
  };
}
