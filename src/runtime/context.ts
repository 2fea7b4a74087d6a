import { type Observable, defer } from 'rxjs';
import { type Api, buildApi } from '../action/api';
import type { MessageIdResult } from '../action/catalogue/shared';
import type { ActionDef } from '../action/define';
import { SEED_BINDINGS, type SeedMethods, bindSeedMethods } from '../action/methods';
import type { CallAction, CallOptions } from '../action/types';
import type { Id } from '../codec/id';
import type { ReplyOptions } from '../event/operators/conversation';
import type { Message } from '../message/message';
import { deliveryOf } from './delivery';

/**
 * The scoped client a handler gets as `ctx`: the `api`, the seed-named methods, `callApi`, and `reply` to
 * where the event came from. In one process it behaves as the client itself; every call it makes is stamped
 * with the event's `self_id` and, when the event came with a delivery (scale-out), an idempotency key
 * `<delivery id>:<ordinal>`, the ordinal counted in the order the calls are subscribed.
 *
 * @example
 * client.handle('message.group', (m, ctx) => ctx.reply('pong', { quote: true }));
 */
export type HandlerContext = SeedMethods & {
  /** Every catalogued action, stamped for this handling. */
  readonly api: Api;
  /** Any action by name, stamped for this handling. */
  callApi(action: string, params?: object, options?: CallOptions): Observable<unknown>;
  /** Sends `message` to the group or user the event came from (cold). */
  reply(message: Message, options?: ReplyOptions): Observable<MessageIdResult>;
};

/** What every handling's {@link HandlerContext} is built from (once per client). */
export interface ContextDeps {
  readonly catalogue: Readonly<Record<string, ActionDef>>;
  /** The client's call primitive (throttled, like `client.callApi`). */
  readonly call: CallAction;
  /** The client's `api.raw` primitive (no codecs). */
  readonly raw: CallAction;
  /** The client's `reply(event, message, options, callOptions)`. */
  readonly reply: (event: object, message: Message, options: ReplyOptions | undefined, callOptions: CallOptions) => Observable<MessageIdResult>;
}

/** A per-handling scope: its stamped call primitives, plus what was built from them on first use. */
interface Scope {
  readonly catalogue: Readonly<Record<string, ActionDef>>;
  readonly call: CallAction;
  readonly raw: CallAction;
  seeds?: SeedMethods;
  api?: Api;
}

const SCOPE = Symbol('scope');
type Scoped = { [SCOPE]: Scope };

/**
 * The prototype of every context: `api` and the seed methods are getters that build the handling's methods on
 * first use (most handlers use one or two), so a context costs a few small objects, not hundreds of closures.
 */
const PROTOTYPE: object = Object.create(null, {
  api: {
    get(this: Scoped): Api {
      const scope = this[SCOPE];
      scope.api ??= buildApi(scope.catalogue, scope.call, scope.raw);
      return scope.api;
    },
  },
  ...Object.fromEntries(
    Object.keys(SEED_BINDINGS).map((name) => [
      name,
      {
        get(this: Scoped): unknown {
          const scope = this[SCOPE];
          scope.seeds ??= bindSeedMethods(scope.call);
          return scope.seeds[name as keyof SeedMethods];
        },
      },
    ]),
  ),
});

/** Builds the {@link HandlerContext} of one handling of `event`. */
export function createContext(event: object, deps: ContextDeps): HandlerContext {
  const delivery = deliveryOf(event);
  const selfId = (event as { self_id?: Id }).self_id;
  let ordinal = 0;
  /** Stamps one call; runs when the call is subscribed, so the ordinals follow subscription order. */
  const stamp = (options: CallOptions | undefined): CallOptions => ({
    ...options,
    ...(selfId === undefined ? {} : { selfId }),
    ...(delivery === undefined ? {} : { idempotencyKey: `${delivery.id}:${++ordinal}` }),
  });
  const call: CallAction = (action, params, options) => defer(() => deps.call(action, params, stamp(options)));
  const raw: CallAction = (action, params, options) => defer(() => deps.raw(action, params, stamp(options)));
  const context = Object.create(PROTOTYPE) as Scoped & Record<string, unknown>;
  context[SCOPE] = { catalogue: deps.catalogue, call, raw };
  context.callApi = call;
  context.reply = (message: Message, options?: ReplyOptions) => defer(() => deps.reply(event, message, options, stamp(undefined)));
  return context as unknown as HandlerContext;
}
