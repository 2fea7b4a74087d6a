/**
 * Reconnecting as an operator: resubscribe to the connection after a backoff delay when it fails.
 */
import {
  asyncScheduler,
  defer,
  type MonoTypeOperatorFunction,
  type Observable,
  type SchedulerLike,
  tap,
  retry,
  throwError,
  timer,
} from 'rxjs';
import { DisconnectedError, isAuthError } from '../errors';
import { backoffDelay, completePolicy } from './backoff';
import type { ReconnectPolicy } from './types';

/** Options of {@link reconnect}. */
export interface ReconnectOptions<T> {
  /** The reconnect policy (defaults per field as in the API), or `false` to let every error through. */
  readonly policy: ReconnectPolicy | false;
  /** Schedules the backoff timers and reads the clock (default `asyncScheduler`). */
  readonly scheduler?: SchedulerLike;
  /** Whether a value announces that the connection is open (starts the `resetAfter` clock). */
  readonly isOpen: (value: T) => boolean;
  /** Called before each wait: the attempt about to be made (1-based), its delay in ms and the error. */
  readonly onRetry?: (attempt: number, delay: number, error: unknown) => void;
  /** Source of randomness for the jitter, in `[0, 1)` (default `Math.random`). */
  readonly random?: () => number;
}

/** Errors that no reconnect can fix: a rejected token, or any error flagged `fatal: true`. */
export function isFatal(error: unknown): boolean {
  if (isAuthError(error)) return true;
  return typeof error === 'object' && error !== null && (error as { fatal?: unknown }).fatal === true;
}

/** The terminal error once `attempts` reconnect attempts have failed; keeps the last failure's close code. */
function gaveUp(attempts: number, cause: unknown): DisconnectedError {
  const last = cause instanceof Error ? `: ${cause.message}` : '';
  const code = cause instanceof DisconnectedError ? cause.code : undefined;
  return new DisconnectedError(`gave up after ${attempts} reconnect attempts${last}`, { attempts, cause, code });
}

/**
 * Resubscribes to the source when it errors, after `backoffDelay(attempt)`.
 *
 * Fatal errors (`AuthError`, or `fatal: true`) pass through at once, as does every error when `policy` is
 * `false`. Once `maxAttempts` reconnect attempts in a row have failed, it errors with
 * `DisconnectedError { attempts, cause }`. The count starts again after a connection that stayed open for
 * `resetAfter` ms (from the value `isOpen` recognised to the error). Unsubscribing during a wait cancels it.
 *
 * @example
 * socket$.pipe(reconnect({ policy: { initialDelay: 500 }, isOpen: (s) => typeof s !== 'string' }))
 */
export function reconnect<T>(options: ReconnectOptions<T>): MonoTypeOperatorFunction<T> {
  const { policy: given, isOpen, onRetry } = options;
  if (given === false) return (source) => source;
  const policy = completePolicy(given);
  const scheduler = options.scheduler ?? asyncScheduler;
  const random = options.random ?? Math.random;

  return (source) =>
    defer(() => {
      let failures = 0;
      let openedAt: number | undefined;

      const markOpen = (value: T): void => {
        if (isOpen(value)) openedAt = scheduler.now();
      };

      const nextWait = (error: unknown): Observable<number> => {
        if (isFatal(error)) return throwError(() => error);
        if (openedAt !== undefined && scheduler.now() - openedAt >= policy.resetAfter) failures = 0;
        openedAt = undefined;
        if (failures >= policy.maxAttempts) return throwError(() => gaveUp(failures, error));
        failures += 1;
        const delay = backoffDelay(failures, policy, random);
        onRetry?.(failures, delay, error);
        return timer(delay, scheduler);
      };

      return source.pipe(tap(markOpen), retry({ delay: nextWait }));
    });
}
