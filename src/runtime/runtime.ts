import { type Observable, type SchedulerLike, Subscription } from 'rxjs';
import type { HandlerError } from '../errors';
import type { EventOf, EventQuery } from '../event/query';
import type { Logger } from '../logger';
import type { ContextDeps } from './context';
import { type Handler, type Handling, handleEvents } from './handle';
import type { CloseOptions, Epic, HandleOptions } from './options';
import { runEpic } from './run';

/**
 * The bot runtime on a client: events handled as isolated units of work, epics kept running, and a graceful
 * shutdown.
 */
export interface RuntimeMethods<C> {
  /**
   * Handles every event matching `query` (one dotted query or several) with `handler(event, ctx)`, each event
   * as an isolated unit of work: an error thrown, rejected or emitted while handling it is reported as a
   * `HandlerError` on `errors$` and the logger, and the other events go on. By default the events of one
   * conversation are handled one at a time in arrival order (see {@link HandleOptions}). `ctx` is the
   * handling's scoped client. Unsubscribe to stop (work in flight is cancelled).
   *
   * @example
   * client.handle('message.group', (m, ctx) => (textOf(m) === 'ping' ? ctx.reply('pong') : undefined));
   */
  handle<Q extends EventQuery>(query: Q | readonly [Q, ...Q[]], handler: Handler<EventOf<Q>>, options?: HandleOptions): Subscription;
  /**
   * Runs epics, each `(client) => Observable`: an epic that errors is reported (a `HandlerError` without
   * `event`) and resubscribed; one that fails 5 times within 10 s is stopped and reported.
   *
   * @example client.run(pingPong, welcomeNewMembers);
   */
  run(...epics: Array<Epic<C>>): Subscription;
  /**
   * Closes the client for good; resolves once no socket or timer of it remains. With `{ drain: ms }` it first
   * stops taking events and lets the handlings in flight and queued finish within `ms`.
   *
   * @example process.once('SIGINT', () => void client.close({ drain: 5_000 }));
   */
  close(options?: CloseOptions): Promise<void>;
}

/** What a client's runtime is built from. */
export interface RuntimeDeps<C> {
  readonly client: C;
  readonly on: (queries: readonly EventQuery[]) => Observable<object>;
  readonly scheduler: SchedulerLike;
  readonly logger: Logger;
  readonly context: ContextDeps;
  /** Puts a `HandlerError` on the client's `errors$`. */
  readonly errors: (error: HandlerError) => void;
  readonly closedError: () => unknown;
}

/** A client's runtime: its handles and epics, and how to stop them. */
export interface Runtime<C> extends Omit<RuntimeMethods<C>, 'close'> {
  /** Stops taking events, waits up to `drain` ms for the work taken to finish, then cancels whatever is left. */
  stop(options?: CloseOptions): Promise<void>;
}

/** Builds the runtime of one client. */
export function createRuntime<C>(deps: RuntimeDeps<C>): Runtime<C> {
  const handlings = new Set<Handling>();
  const epics = new Subscription();
  const report = (error: HandlerError, level: 'error' | 'warn'): void => {
    deps.logger[level](`onebot-rx: ${error.message}`);
    deps.errors(error);
  };

  const handle: Runtime<C>['handle'] = (query, handler, options = {}) => {
    const queries: readonly EventQuery[] = typeof query === 'string' ? [query] : query;
    const handling = handleEvents(deps.on(queries), handler as Handler<object>, options, {
      scheduler: deps.scheduler,
      context: deps.context,
      report,
    });
    handlings.add(handling);
    return new Subscription(() => {
      handlings.delete(handling);
      handling.unsubscribe();
    });
  };

  const run: Runtime<C>['run'] = (...list) => {
    const subscription = new Subscription();
    for (const epic of list) subscription.add(runEpic(epic, { client: deps.client, scheduler: deps.scheduler, report, closedError: deps.closedError }));
    epics.add(subscription);
    return subscription;
  };

  const stop = async (options: CloseOptions = {}): Promise<void> => {
    const drain = options.drain ?? 0;
    const all = [...handlings];
    handlings.clear();
    /** Cancels whatever is left; runs inside the drain timer, so virtual time cuts at exactly `drain`. */
    const cutoff = (): void => {
      epics.unsubscribe();
      for (const handling of all) handling.unsubscribe();
    };
    for (const handling of all) handling.stopIntake();
    if (drain > 0 && all.length > 0) await idleWithin(all, drain, deps.scheduler, cutoff);
    cutoff();
  };

  return { handle, run, stop };
}

/** Resolves once every handling is idle, or after `ms` on `scheduler` (having called `cutoff`), whichever comes first. */
function idleWithin(handlings: readonly Handling[], ms: number, scheduler: SchedulerLike, cutoff: () => void): Promise<void> {
  return new Promise<void>((resolve) => {
    let waiting = handlings.length;
    const timer = scheduler.schedule(() => {
      cutoff();
      resolve();
    }, ms);
    const done = (): void => {
      if (--waiting === 0) {
        timer.unsubscribe();
        resolve();
      }
    };
    for (const handling of handlings) handling.whenIdle(done);
  });
}
