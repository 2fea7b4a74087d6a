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
import { DisconnectedError, ProtocolError } from '../errors';

/** The heartbeat intervals a server may announce, in whole ms (inclusive). */
export interface IntervalRange {
  readonly min: number;
  readonly max: number;
}

/**
 * The intervals the watchdog accepts by default: whole ms from 1 s to 1 h. Anything else (2^31, 1e308, 0.5,
 * 0) would arm a timer Node clamps to 1 ms, or check so often that a healthy socket is replaced in a loop.
 */
export const HEARTBEAT_INTERVAL_RANGE: IntervalRange = { min: 1_000, max: 3_600_000 };

/** Options of {@link heartbeatWatchdog}. */
export interface HeartbeatWatchdogOptions<T> {
  /** Consecutive silent intervals tolerated before the connection is declared dead (at least 1). */
  readonly grace: number;
  /** The heartbeat interval in ms a value announces (a heartbeat event's `interval`), else `undefined`. */
  readonly intervalOf: (value: T) => number | undefined;
  /** Schedules the checks (default `asyncScheduler`). */
  readonly scheduler?: SchedulerLike;
  /** Intervals taken into account (default {@link HEARTBEAT_INTERVAL_RANGE}); others are ignored. */
  readonly range?: IntervalRange;
  /** Told (once per subscription) about an announced interval outside `range`, which is ignored. */
  readonly rejected?: (error: ProtocolError) => void;
}

/** Whether `ms` is a whole number of ms within `range`. */
export function isHeartbeatInterval(ms: number, range: IntervalRange = HEARTBEAT_INTERVAL_RANGE): boolean {
  return Number.isSafeInteger(ms) && ms >= range.min && ms <= range.max;
}

/** The error reported for an announced interval outside `range`. */
function rejectedInterval(ms: number, range: IntervalRange): ProtocolError {
  return new ProtocolError(
    `heartbeat interval ${ms} ignored: expected whole ms from ${range.min} to ${range.max}; the watchdog stays as it was`,
    { raw: ms },
  );
}

/**
 * Errors with `DisconnectedError` when no value at all arrived during `grace` consecutive heartbeat
 * intervals.
 *
 * Off until a value announces an interval (`intervalOf`); from then on it checks once per interval whether
 * anything arrived since the previous check, and re-arms when the announced interval changes. An interval
 * outside `range` (default whole ms from 1 s to 1 h) is ignored and reported once through `rejected`. Each
 * value costs one counter increment and one `intervalOf` call; unsubscribing clears the timer.
 *
 * @example
 * frames$.pipe(heartbeatWatchdog({ grace: 2, intervalOf: (f) => (isHeartbeat(f) ? f.interval : undefined) }))
 */
export function heartbeatWatchdog<T>(options: HeartbeatWatchdogOptions<T>): MonoTypeOperatorFunction<T> {
  const { intervalOf } = options;
  const grace = Math.max(1, options.grace);
  const scheduler = options.scheduler ?? asyncScheduler;
  const range = options.range ?? HEARTBEAT_INTERVAL_RANGE;

  return (source) =>
    new Observable<T>((subscriber) => {
      let received = 0;
      let receivedAtCheck = 0;
      let silentChecks = 0;
      let armedInterval: number | undefined;
      let checks: Subscription | undefined;
      let reported = false;

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
          if (every !== undefined && every !== armedInterval) {
            if (isHeartbeatInterval(every, range)) arm(every);
            else if (!reported) {
              reported = true;
              options.rejected?.(rejectedInterval(every, range));
            }
          }
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
