import type { Observable, SchedulerLike } from 'rxjs';
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
import { type RuntimeMethods, createRuntime } from '../runtime/runtime';
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

/** Binds `handle`, `run` and the draining `close` of a client. */
export function bindRuntimeMethods<C>(wiring: RuntimeWiring<C>): RuntimeMethods<C> {
  const { client } = wiring;
  const runtime = createRuntime<C>({
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
  return {
    handle: runtime.handle,
    run: runtime.run,
    close: async (options) => {
      await runtime.stop(options);
      await wiring.closeConnection();
    },
  };
}
