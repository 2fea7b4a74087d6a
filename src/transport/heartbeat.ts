/**
 * The heartbeat watchdog as an operator: a connection silent for too many heartbeat intervals is dead.
 */
import {
  asyncScheduler,
  type MonoTypeOperatorFunction,
  Observable,
  type SchedulerAction,
  type SchedulerLike,
  type Subscription,
} from 'rxjs';
import { DisconnectedError } from '../errors';

/** Options of {@link heartbeatWatchdog}. */
export interface HeartbeatWatchdogOptions<T> {
  /** Consecutive silent intervals tolerated before the connection is declared dead (at least 1). */
  readonly grace: number;
  /** The heartbeat interval in ms a value announces (a heartbeat event's `interval`), else `undefined`. */
  readonly intervalOf: (value: T) => number | undefined;
  /** Schedules the checks (default `asyncScheduler`). */
  readonly scheduler?: SchedulerLike;
}

/** A usable interval: a positive, finite number of ms. */
function isInterval(ms: number | undefined): ms is number {
  return ms !== undefined && ms > 0 && Number.isFinite(ms);
}

/**
 * Errors with `DisconnectedError` when no value at all arrived during `grace` consecutive heartbeat
 * intervals.
 *
 * Off until a value announces an interval (`intervalOf`); from then on it checks once per interval whether
 * anything arrived since the previous check, and re-arms when the announced interval changes. Each value
 * costs one counter increment and one `intervalOf` call; unsubscribing clears the timer.
 *
 * @example
 * frames$.pipe(heartbeatWatchdog({ grace: 2, intervalOf: (f) => (isHeartbeat(f) ? f.interval : undefined) }))
 */
export function heartbeatWatchdog<T>(options: HeartbeatWatchdogOptions<T>): MonoTypeOperatorFunction<T> {
  const { intervalOf } = options;
  const grace = Math.max(1, options.grace);
  const scheduler = options.scheduler ?? asyncScheduler;

  return (source) =>
    new Observable<T>((subscriber) => {
      let received = 0;
      let receivedAtCheck = 0;
      let silentChecks = 0;
      let armedInterval: number | undefined;
      let checks: Subscription | undefined;

      function check(this: SchedulerAction<number>, every = 0): void {
        if (received !== receivedAtCheck) {
          receivedAtCheck = received;
          silentChecks = 0;
        } else if (++silentChecks >= grace) {
          subscriber.error(
            new DisconnectedError(`no frame for ${silentChecks * every} ms: heartbeat missed`, {
              reason: 'heartbeat missed',
            }),
          );
          return;
        }
        this.schedule(every, every);
      }

      const arm = (every: number): void => {
        checks?.unsubscribe();
        armedInterval = every;
        receivedAtCheck = received;
        silentChecks = 0;
        checks = scheduler.schedule(check, every, every);
      };

      const upstream = source.subscribe({
        next(value) {
          received += 1;
          const every = intervalOf(value);
          if (every !== armedInterval && isInterval(every)) arm(every);
          subscriber.next(value);
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => subscriber.complete(),
      });

      return () => {
        checks?.unsubscribe();
        upstream.unsubscribe();
      };
    });
}
