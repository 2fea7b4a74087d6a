import { type Observable, type Subscription, asyncScheduler, map } from 'rxjs';
import type {
  GroupMessageEvent,
  MessageEvent,
  MessageSentEvent,
  MetaEvent,
  NoticeEvent,
  OneBotEvent,
  PrivateMessageEvent,
  RequestEvent,
  UnknownEvent,
} from '../codec/event';
import type { InboundFrame } from '../codec/frame';
import { type Api, buildApi } from '../action/api';
import { createCaller } from '../action/caller';
import { CATALOGUE } from '../action/catalogue';
import type { ActionDef, BackendName } from '../action/define';
import { type SeedMethods, bindSeedMethods } from '../action/methods';
import type { CallAction, CallOptions } from '../action/types';
import { ClientClosedError, type ClientError } from '../errors';
import { ofType } from '../event/of-type';
import type { EventOf, EventQuery } from '../event/query';
import { eventStreams, knownEvents, unknownEvents } from '../event/streams';
import { bindTransferMethods, type TransferMethods } from '../stream/transfer-methods';
import type { RuntimeMethods } from '../runtime/runtime';
import { type BotMethods, bindBotMethods } from './bot-methods';
import { bindRuntimeMethods } from './runtime-methods';
import { type ConnectionState, createConnection } from './connection';
import { describeEndpoint, unsentReason } from './diagnose';
import { transportFor } from './transport-for';
import { CLIENT_DEFAULTS, type ClientOptions } from './options';
import { SILENT_LOGGER } from '../logger';

/** The backend a client is connected to, as far as it knows (`unknown` until a `get_version_info` reply). */
export type Backend = BackendName | 'unknown';

/** The streams, actions and lifecycle of one OneBot 11 connection. */
export interface ClientCore {
  /** Every decoded inbound frame (events, unknown events, replies). Subscribing opens the socket. */
  readonly frames$: Observable<InboundFrame>;
  /** The connection state, replayed; passive (never opens or holds the socket). */
  readonly state$: Observable<ConnectionState>;
  /** Undecodable frames, protocol breaches and failed handlings (`HandlerError`); passive; never ends the event streams. */
  readonly errors$: Observable<ClientError>;
  /** Every known event, hot and shared. */
  readonly events$: Observable<OneBotEvent>;
  /** Messages from others (`post_type: 'message'`). */
  readonly messages$: Observable<MessageEvent>;
  /** Group messages. */
  readonly groupMessages$: Observable<GroupMessageEvent>;
  /** Private messages. */
  readonly privateMessages$: Observable<PrivateMessageEvent>;
  /** The bot's own messages (`message_sent`). */
  readonly messageSent$: Observable<MessageSentEvent>;
  /** Notices. */
  readonly notices$: Observable<NoticeEvent>;
  /** Friend and group requests. */
  readonly requests$: Observable<RequestEvent>;
  /** Lifecycle and heartbeat events. */
  readonly metaEvents$: Observable<MetaEvent>;
  /** Well-formed events no codec knows, fields intact. */
  readonly unknownEvents$: Observable<UnknownEvent>;
  /** Every catalogued action as a typed method returning a cold Observable, plus `raw`. */
  readonly api: Api;
  /** The connected backend, replayed (`unknown` until a `get_version_info` reply is seen). */
  readonly backend$: Observable<Backend>;
  /**
   * Events matching any of the dotted queries, typed exactly.
   * @example client.on('notice.group_increase').subscribe((n) => welcome(n.group_id, n.user_id));
   */
  on<Q extends EventQuery>(...queries: [Q, ...Q[]]): Observable<EventOf<Q>>;
  /** Calls any action by name: catalogued names are checked by their codecs, others pass as they are. */
  callApi(action: string, params?: object, options?: CallOptions): Observable<unknown>;
  /** Whether the connected backend supports `action` (true when the backend or the action is unknown). */
  supports(action: string): boolean;
  /** Holds the connection open until the subscription is unsubscribed. */
  connect(): Subscription;
  /** Closes the client for good; resolves once no socket or timer of it remains. */
  close(): Promise<void>;
}

/**
 * A OneBot 11 client: {@link ClientCore}, the seed-named methods (`sendGroupMessage`, `setGroupBan`, …), the
 * conversation helpers and the Stream API transfers.
 */
export type Client = Omit<ClientCore & SeedMethods, keyof BotMethods | keyof TransferMethods | keyof RuntimeMethods<unknown>> &
  BotMethods &
  TransferMethods &
  RuntimeMethods<Client>;

function randomTag(): string {
  return Math.random().toString(36).slice(2, 10).padEnd(8, '0');
}

/**
 * Creates a client for a OneBot 11 server over forward WebSocket. Nothing connects until something is
 * subscribed.
 *
 * @example
 * const client = createClient({ url: 'ws://127.0.0.1:3001', accessToken: process.env.TOKEN });
 * client.groupMessages$.pipe(
 *   filter((m) => textOf(m) === 'ping'),
 *   mergeMap((m) => client.sendGroupMessage(m.group_id, 'pong')),
 * ).subscribe();
 */
export function createClient(options: ClientOptions): Client {
  const scheduler = options.scheduler ?? asyncScheduler;
  const logger = options.logger ?? SILENT_LOGGER;
  const catalogue = CATALOGUE as unknown as Readonly<Record<string, ActionDef>>;
  const defaultTimeout = options.actionTimeout ?? CLIENT_DEFAULTS.actionTimeout;
  const endpoint = describeEndpoint(options.transport === undefined ? options.url : undefined);
  let lastError: unknown;
  const caller = createCaller({
    catalogue,
    link: (hooks) =>
      createConnection(
        {
          open: options.transport ?? transportFor(options, scheduler, logger),
          reconnect: options.reconnect ?? {},
          heartbeatGrace: options.heartbeatGrace ?? CLIENT_DEFAULTS.heartbeatGrace,
          idleGrace: options.idleGrace ?? CLIENT_DEFAULTS.idleGrace,
          scheduler,
          logger,
        },
        hooks,
      ),
    scheduler,
    defaultTimeout,
    strictResults: options.strictResults ?? CLIENT_DEFAULTS.strictResults,
    tag: randomTag(),
    logger,
    report: (error) => connection.report(error),
    fatal: (error) => connection.fail(error),
    throttle: options.throttle,
    unsentReason: (): string | undefined => (connection.socket() === undefined ? unsentReason(endpoint, lastError, options.accessToken) : undefined),
  });
  const connection = caller.link;
  connection.state$.subscribe((state) => {
    if (state.error !== undefined) lastError = state.error;
  });
  const call: CallAction = (action, params, callOptions) => caller.call(action, params, callOptions);
  const events$ = connection.frames$.pipe(knownEvents());

  const core: ClientCore = {
    frames$: connection.frames$,
    state$: connection.state$,
    errors$: connection.errors$,
    ...eventStreams(events$),
    unknownEvents$: connection.frames$.pipe(unknownEvents()),
    api: buildApi(catalogue, call, (action, params, callOptions) => caller.call(action, params, callOptions, true)),
    backend$: caller.backend$.pipe(map((profile) => profile.name)),
    on: (...queries) => events$.pipe(ofType(...queries)),
    callApi: call,
    supports: (action) => caller.backend.supports(action),
    connect: () => connection.frames$.subscribe({ error: () => undefined }),
    close: async () => {
      connection.close(new ClientClosedError());
      await connection.released();
    },
  };
  const withSeeds = Object.assign(core, bindSeedMethods(call));
  const transfers = bindTransferMethods({
    call,
    socket: () => connection.socket(),
    scheduler,
    logger,
    defaultTimeout,
  });
  const client = Object.assign(withSeeds, bindBotMethods({ client: withSeeds, scheduler }), transfers);
  const runtime = bindRuntimeMethods<Client>({
    client: client as unknown as Client,
    catalogue,
    call,
    raw: (action, params, callOptions) => caller.call(action, params, callOptions, true),
    scheduler,
    logger,
    report: (error) => connection.report(error),
    closedError: () => connection.closedError(),
    closeConnection: core.close,
  });
  return Object.assign(client, runtime) as unknown as Client;
}
