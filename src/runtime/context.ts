import { type Observable, defer } from 'rxjs';
import { type Api, buildApi } from '../action/api';
import type { MessageIdResult } from '../action/catalogue/shared';
import type { ActionDef } from '../action/define';
import { SEED_BINDINGS, type SeedMethods, bindSeedMethods } from '../action/methods';
import type { CallAction, CallOptions } from '../action/types';
import type { Id } from '../codec/id';
import type { ReplyOptions } from '../event/operators/conversation';
import type { Message } from '../message/message';

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

/**
 * A per-handling scope: the event, its delivery id and call ordinal, and the stamped call primitives and
 * methods, each built on first use (a handler that calls nothing costs this object and its context).
 */
interface Scope {
  readonly event: object;
  readonly deps: ContextDeps;
  /** The delivery id the idempotency keys derive from (scale-out), else `undefined`. */
  readonly deliveryId: string | undefined;
  ordinal: number;
  call?: CallAction;
  raw?: CallAction;
  reply?: HandlerContext['reply'];
  seeds?: SeedMethods;
  api?: Api;
}

const SCOPE = Symbol('scope');
type Scoped = { [SCOPE]: Scope };

/** Stamps one call of `scope`; runs when the call is subscribed, so the ordinals follow subscription order. */
function stamp(scope: Scope, options: CallOptions | undefined): CallOptions {
  const selfId = (scope.event as { self_id?: Id }).self_id;
  return {
    ...options,
    ...(selfId === undefined ? {} : { selfId }),
    ...(scope.deliveryId === undefined ? {} : { idempotencyKey: `${scope.deliveryId}:${++scope.ordinal}` }),
  };
}

const callOf = (scope: Scope): CallAction =>
  (scope.call ??= (action, params, options) => defer(() => scope.deps.call(action, params, stamp(scope, options))));
const rawOf = (scope: Scope): CallAction =>
  (scope.raw ??= (action, params, options) => defer(() => scope.deps.raw(action, params, stamp(scope, options))));

/**
 * The prototype of every context: `api`, the seed methods, `callApi` and `reply` are getters that build the
 * handling's methods on first use (most handlers use one or two), so a context costs two small objects, not
 * hundreds of closures. A method read once stays the same function (destructuring works).
 */
const PROTOTYPE: object = Object.create(null, {
  api: {
    get(this: Scoped): Api {
      const scope = this[SCOPE];
      scope.api ??= buildApi(scope.deps.catalogue, callOf(scope), rawOf(scope));
      return scope.api;
    },
  },
  callApi: {
    get(this: Scoped): CallAction {
      return callOf(this[SCOPE]);
    },
  },
  reply: {
    get(this: Scoped): HandlerContext['reply'] {
      const scope = this[SCOPE];
      scope.reply ??= (message, options) => defer(() => scope.deps.reply(scope.event, message, options, stamp(scope, undefined)));
      return scope.reply;
    },
  },
  ...Object.fromEntries(
    Object.keys(SEED_BINDINGS).map((name) => [
      name,
      {
        get(this: Scoped): unknown {
          const scope = this[SCOPE];
          scope.seeds ??= bindSeedMethods(callOf(scope));
          return scope.seeds[name as keyof SeedMethods];
        },
      },
    ]),
  ),
});

/**
 * Builds the {@link HandlerContext} of one handling of `event`; with `deliveryId` (the event came with a
 * delivery) its calls carry the idempotency keys `<delivery id>:<ordinal>`.
 */
export function createContext(event: object, deps: ContextDeps, deliveryId?: string): HandlerContext {
  const context = Object.create(PROTOTYPE) as Scoped;
  context[SCOPE] = { event, deps, deliveryId, ordinal: 0 };
  return context as unknown as HandlerContext;
}
