import { type SchedulerLike, Subscription, defer } from 'rxjs';
import { EpicStoppedError, HandlerError } from '../errors';
import { EPIC_RESTART_LIMIT, type Epic } from './options';

/** What running epics needs from its client. */
export interface RunDeps<C> {
  readonly client: C;
  readonly scheduler: SchedulerLike;
  readonly report: (error: HandlerError, level: 'error' | 'warn') => void;
  /** The client's terminal error once it is closed: an epic failing with it is not restarted. */
  readonly closedError: () => unknown;
}

/**
 * Subscribes `epic(client)` and keeps it running: an error is reported as a `HandlerError` (no event) and the
 * epic is subscribed again, unless it failed {@link EPIC_RESTART_LIMIT}`.failures` times within `windowMs`
 * (then it is stopped, and that is reported) or the client itself is closed. A completed epic stays done.
 */
export function runEpic<C>(epic: Epic<C>, deps: RunDeps<C>): Subscription {
  const name = epic.name || '(anonymous)';
  const failures: number[] = [];
  const subscription = new Subscription();
  const start = (): void => {
    if (subscription.closed) return;
    let restart = false;
    let sync = true;
    const inner = defer(() => epic(deps.client)).subscribe({
      error: (cause: unknown) => {
        if (deps.closedError() !== undefined) return;
        const now = deps.scheduler.now();
        failures.push(now);
        while (failures.length > 0 && (failures[0] as number) <= now - EPIC_RESTART_LIMIT.windowMs) failures.shift();
        if (failures.length >= EPIC_RESTART_LIMIT.failures) {
          deps.report(new HandlerError(undefined, new EpicStoppedError(failures.length, EPIC_RESTART_LIMIT.windowMs, cause), name), 'error');
          return;
        }
        deps.report(new HandlerError(undefined, cause, name), 'error');
        if (sync) restart = true;
        else start();
      },
    });
    sync = false;
    subscription.add(inner);
    if (restart) start();
  };
  start();
  return subscription;
}
