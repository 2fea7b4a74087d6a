import type { Observable, Subscription } from 'rxjs';
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
import type { Api } from '../action/api';
import type { BackendName } from '../action/define';
import type { CallOptions } from '../action/types';
import type { ClientError } from '../errors';
import type { EventOf, EventQuery } from '../event/query';
import type { ConnectionState } from './connection';

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
  /**
   * The connected backend, replayed: the pinned `backend` option, else detected from `get_version_info`
   * replies (`unknown` until one is seen; `detectBackend: true` asks on each connect).
   * @example client.backend$.subscribe((b) => b === 'lagrange' && console.log('no _async variants here'));
   */
  readonly backend$: Observable<Backend>;
  /**
   * Events matching any of the dotted queries, typed exactly.
   * @example client.on('notice.group_increase').subscribe((n) => welcome(n.group_id, n.user_id));
   */
  on<Q extends EventQuery>(...queries: [Q, ...Q[]]): Observable<EventOf<Q>>;
  /** Calls any action by name: catalogued names are checked by their codecs, others pass as they are. */
  callApi(action: string, params?: object, options?: CallOptions): Observable<unknown>;
  /**
   * Whether the connected backend supports `action`, from the catalogue's support profile (true when the
   * backend or the action is unknown). A call the profile refuses fails unsent with `UnsupportedActionError`.
   * @example if (client.supports('set_group_leave')) client.setGroupLeave(groupId).subscribe();
   */
  supports(action: string): boolean;
  /** Holds the connection open until the subscription is unsubscribed. */
  connect(): Subscription;
  /** Closes the client for good; resolves once no socket or timer of it remains. */
  close(): Promise<void>;
}
