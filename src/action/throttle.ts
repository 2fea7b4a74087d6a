import {
  type MonoTypeOperatorFunction,
  Observable,
  type SchedulerLike,
  type Subscription,
  type Unsubscribable,
  asyncScheduler,
} from 'rxjs';
import { RateWindow, TargetWindows } from './rate-window';
import { timerDelay } from './timer-limit';

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
