import { type Observable, type SchedulerLike, Subscription } from 'rxjs';
import type { MessageIdResult } from '../action/catalogue/shared';
import type { ActionDef } from '../action/define';
import type { CallAction, CallOptions } from '../action/types';
import type { OneBotEvent } from '../codec/event';
import type { HandlerError } from '../errors';
import { ofType } from '../event/of-type';
import type { ReplyOptions } from '../event/operators/conversation';
import type { EventQuery } from '../event/query';
import type { ConversationRef } from '../event/operators/same-conversation';
import type { Message } from '../message/message';
import type { Runtime, RuntimeMethods } from '../runtime/runtime';
import { lazyCore, whenCoreLoaded } from './lazy-core';
import type { Logger } from '../logger';

/** What a client hands its runtime. */
export interface RuntimeWiring<C> {
  readonly client: C & {
    readonly events$: Observable<OneBotEvent>;
    reply(event: ConversationRef, message: Message, options?: ReplyOptions, callOptions?: CallOptions): Observable<MessageIdResult>;
  };
  readonly catalogue: Readonly<Record<string, ActionDef>>;
  /** The client's call primitive (`callApi`). */
  readonly call: CallAction;
  /** The `api.raw` primitive. */
  readonly raw: CallAction;
  readonly scheduler: SchedulerLike;
  readonly logger: Logger;
  readonly report: (error: HandlerError) => void;
  readonly closedError: () => unknown;
  /** Closes the connection for good (the client's close without drain). */
  readonly closeConnection: () => Promise<void>;
}

/**
 * Binds `handle`, `run` and the draining `close` of a client. In Node the runtime is built at once. In the
 * browser build it comes with the lazy core: a `handle` or `run` before the core is in starts the load and
 * takes effect when it is in, before any frame is decoded (no event is decoded before the core is in, so
 * none is missed); its subscription can be unsubscribed meanwhile.
 */
export function bindRuntimeMethods<C>(wiring: RuntimeWiring<C>): RuntimeMethods<C> {
  const { client } = wiring;
  let runtime: Runtime<C> | undefined;
  let closed = false;
  const pending: ((runtime: Runtime<C>) => void)[] = [];
  whenCoreLoaded(({ createRuntime }) => {
    if (closed) return;
    const built = createRuntime<C>({
      client,
      on: (queries: readonly EventQuery[]) => client.events$.pipe(ofType(...(queries as [EventQuery, ...EventQuery[]]))),
      scheduler: wiring.scheduler,
      logger: wiring.logger,
      context: {
        catalogue: wiring.catalogue,
        call: wiring.call,
        raw: wiring.raw,
        reply: (event, message, options, callOptions) => client.reply(event as ConversationRef, message, options, callOptions),
      },
      errors: wiring.report,
      closedError: wiring.closedError,
    });
    runtime = built;
    for (const start of pending.splice(0)) start(built);
  });
  const close: RuntimeMethods<C>['close'] = async (options) => {
    closed = true;
    pending.length = 0; // nothing began before the core was in: nothing to drain
    await runtime?.stop(options);
    await wiring.closeConnection();
  };
  if (runtime !== undefined) return { handle: runtime.handle, run: runtime.run, close };
  /** Runs `start` on the runtime once it is in (and the subscription still open), starting the load. */
  const later = (start: (runtime: Runtime<C>) => Subscription): Subscription => {
    if (runtime !== undefined) return start(runtime);
    const subscription = new Subscription();
    pending.push((built) => {
      if (!subscription.closed) subscription.add(start(built));
    });
    const loading = lazyCore();
    if (loading instanceof Promise) void loading.catch(() => undefined); // the next use tries again
    return subscription;
  };
  return {
    handle: (query, handler, options) => later((built) => built.handle(query, handler, options)),
    run: (...epics) => later((built) => built.run(...epics)),
    close,
  };
}
