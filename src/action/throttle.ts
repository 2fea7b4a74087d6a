import type { SchedulerLike } from 'rxjs';
import type { CallAction } from './types';

/** Spacing of outgoing sends, per target (group or user) and overall. (Stub: filled in by the operators work.) */
export interface ThrottleOptions {
  /** At most `count` sends per `perMs` to one group or user. */
  perTarget?: { count: number; perMs: number };
  /** At most `count` sends per `perMs` in total. */
  global?: { count: number; perMs: number };
}

/** Wraps the call primitive so sends are spaced by `options` (identity when `options` is undefined). */
export function throttleCalls(call: CallAction, options: ThrottleOptions | undefined, _scheduler: SchedulerLike): CallAction {
  return options === undefined ? call : call;
}
