import {
  type Observable,
  type ObservableInput,
  type SchedulerLike,
  Subscription,
  type Unsubscribable,
  from,
} from 'rxjs';
import { HandlerError, HandlerTimeoutError, QueueOverflowError } from '../errors';
import type { DeliveryOutcome } from '../transport/types';
import { type ContextDeps, type HandlerContext, createContext } from './context';
import { conversationKey } from './conversation-key';
import { deliveryOf } from './delivery';
import { Lanes } from './lanes';
import { HANDLE_DEFAULTS, type HandleOptions } from './options';

/**
 * A handler: the work for one event. It may return an Observable, a Promise, an iterable, or nothing; values
 * are ignored, the handling ends when it completes, and any error (thrown, rejected or emitted) is reported.
 */
export type Handler<E> = (event: E, ctx: HandlerContext) => ObservableInput<unknown> | void;

/** What a handling reports to its client. */
export interface HandleDeps {
  readonly scheduler: SchedulerLike;
  readonly context: ContextDeps;
  /** Reports a failed handling or a drop (`warn`: a drop under a `drop-*` policy). */
  readonly report: (error: HandlerError, level: 'error' | 'warn') => void;
}

/** One `handle` registration as its client's runtime sees it. */
export interface Handling extends Unsubscribable {
  /** Stops taking events; work already taken goes on. */
  stopIntake(): void;
  /** Calls `callback` once no work runs or waits. */
  whenIdle(callback: () => void): void;
}

/**
 * One event taken as a unit of work, with its delivery's claim (scale-out) when the event came with one: the
 * claim is taken while the event is emitted and kept here, since the delivery is known only then.
 */
class Unit {
  /** Cancels the running work (set while it runs). */
  cancel: (() => void) | undefined = undefined;
  private claim: ((outcome: DeliveryOutcome) => void) | undefined;
  /** The id the handling's idempotency keys derive from, when the event came with a delivery. */
  readonly deliveryId: string | undefined;

  /** Set when the delivery took the event back: the running work is cancelled, queued work never starts. */
  revoked = false;

  constructor(readonly event: object) {
    const delivery = deliveryOf(event);
    this.deliveryId = delivery?.id;
    this.claim = delivery?.claim(() => {
      this.revoked = true;
      this.cancel?.();
    });
  }

  /** Settles the event's delivery claim (a no-op without a delivery); idempotent. */
  settle(outcome: DeliveryOutcome): void {
    const claim = this.claim;
    if (claim === undefined) return;
    this.claim = undefined;
    claim(outcome);
  }
}

const limitOf = (concurrency: HandleOptions['concurrency']): number =>
  typeof concurrency === 'number' ? Math.max(1, Math.floor(concurrency)) : concurrency === 'concurrent' ? Number.POSITIVE_INFINITY : 1;

function toInput(result: ObservableInput<unknown> | void): Observable<unknown> | undefined {
  if (result === undefined || result === null || (typeof result !== 'object' && typeof result !== 'string')) return undefined;
  return from(result);
}

/**
 * Handles each event of `source` as a unit of work: claimed at once, queued by conversation (bounded), run in
 * isolation (its failure becomes a {@link HandlerError}, never an error of the stream), cut at `timeout`, and
 * settled exactly once when it ends.
 */
export function handleEvents<E extends object>(
  source: Observable<E>,
  handler: Handler<E>,
  options: HandleOptions,
  deps: HandleDeps,
): Handling {
  const concurrency = options.concurrency ?? HANDLE_DEFAULTS.concurrency;
  const maxQueued = Math.max(0, options.maxQueued ?? HANDLE_DEFAULTS.maxQueued);
  const overflow = options.overflow ?? HANDLE_DEFAULTS.overflow;
  const timeout = options.timeout;
  const keyOf: (event: object) => string = concurrency === 'conversation' ? conversationKey : () => '';
  const running = new Set<Unit>();
  const drops = dropReporter(overflow, maxQueued, deps);

  const fail = (unit: Unit, cause: unknown, level: 'error' | 'warn' = 'error'): void => {
    deps.report(new HandlerError(unit.event, cause), level);
    unit.settle('handled');
  };

  const start = (unit: Unit, done: () => void): void => {
    if (unit.revoked) {
      unit.settle('cancelled');
      done();
      return;
    }
    let ended = false;
    let work: Subscription | undefined = undefined; // built only for a handler that returns work
    const end = (): void => {
      ended = true;
      running.delete(unit);
      unit.cancel = undefined;
      done();
    };
    unit.cancel = () => {
      if (ended) return;
      work?.unsubscribe();
      unit.settle('cancelled');
      end();
    };
    running.add(unit);
    let input: Observable<unknown> | undefined;
    try {
      input = toInput(handler(unit.event as E, createContext(unit.event, deps.context, unit.deliveryId)));
    } catch (e) {
      if (ended) return;
      fail(unit, e);
      end();
      return;
    }
    if (ended) return; // cancelled while the handler ran
    if (input === undefined) {
      unit.settle('handled');
      end();
      return;
    }
    work = new Subscription();
    work.add(
      input.subscribe({
        error: (e: unknown) => {
          if (ended) return;
          work.unsubscribe();
          fail(unit, e);
          end();
        },
        complete: () => {
          if (ended) return;
          work.unsubscribe();
          unit.settle('handled');
          end();
        },
      }),
    );
    if (timeout !== undefined && !ended) {
      work.add(
        deps.scheduler.schedule(() => {
          if (ended) return;
          work.unsubscribe();
          fail(unit, new HandlerTimeoutError(timeout));
          end();
        }, timeout),
      );
    }
  };

  const lanes = new Lanes<Unit>(limitOf(concurrency), maxQueued, overflow, {
    start,
    dropped: (unit) => {
      unit.settle('handled');
      drops.drop(unit.event);
    },
  });

  const intake = source.subscribe({
    next: (event) => lanes.offer(keyOf(event), new Unit(event)),
    error: () => undefined,
  });

  return {
    stopIntake: () => intake.unsubscribe(),
    whenIdle: (callback) => lanes.whenIdle(callback),
    unsubscribe: () => {
      intake.unsubscribe();
      drops.flush();
      for (const unit of lanes.clear()) unit.settle('cancelled');
      for (const unit of [...running]) unit.cancel?.();
    },
  };
}

/** How often drops are reported while they keep coming (ms): building an error per drop would feed the overload. */
export const DROP_REPORT_INTERVAL = 1_000;

/**
 * Counts every drop and reports them without adding to an overload: the first drop at once, then at most one
 * report per {@link DROP_REPORT_INTERVAL} carrying the running count and the latest dropped event.
 */
function dropReporter(overflow: HandleOptions['overflow'] & string, maxQueued: number, deps: HandleDeps) {
  let count = 0;
  let latest: object | undefined;
  let window: Subscription | undefined;
  const report = (event: object): void =>
    deps.report(new HandlerError(event, new QueueOverflowError(overflow, maxQueued, count)), overflow === 'error' ? 'error' : 'warn');
  const close = (): void => {
    window = undefined;
    if (latest === undefined) return;
    const event = latest;
    latest = undefined;
    report(event);
    window = deps.scheduler.schedule(close, DROP_REPORT_INTERVAL) as Subscription;
  };
  return {
    drop: (event: object): void => {
      count++;
      if (window !== undefined) {
        latest = event;
        return;
      }
      report(event);
      window = deps.scheduler.schedule(close, DROP_REPORT_INTERVAL) as Subscription;
    },
    /** Reports what is pending now and stops the window timer. */
    flush: (): void => {
      window?.unsubscribe();
      window = undefined;
      if (latest !== undefined) {
        const event = latest;
        latest = undefined;
        report(event);
      }
    },
  };
}
