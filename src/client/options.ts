import type { SchedulerLike } from 'rxjs';
import type { BackendName } from '../action/define';
import type { ThrottleOptions } from '../action/throttle';
import type { SplitUrls } from '../transport/split-socket';
import type { Logger } from '../logger';
import type { OpenTransport, ReconnectPolicy, WebSocketConstructor } from '../transport/types';
import type { WebhookOptions, WebhookReceiver } from './webhook';

/** Options of {@link createClient}. Every field but `url` has a default. */
export interface ClientOptions {
  /**
   * Where the OneBot server is: a forward WebSocket URL (`ws://127.0.0.1:3001`), go-cqhttp style split
   * endpoints (`{ api: 'ws://…/api', event: 'ws://…/event' }`), or an HTTP API base URL
   * (`http://127.0.0.1:3000`, with events from `webhook`). Ignored when `transport` is given.
   */
  url: string | SplitUrls;
  /**
   * Events for an HTTP API client: the options of a webhook server the client runs while connected
   * (`{ port, host, path, secret }`), or a receiver from `createWebhook` mounted elsewhere. It stays up across
   * HTTP API sessions (events POSTed while the API is unreachable are delivered); failing to listen closes the client.
   */
  webhook?: WebhookOptions | WebhookReceiver;
  /** Access token; sent as `Authorization: Bearer` (or `?access_token=` with `tokenIn: 'query'`); never logged. */
  accessToken?: string;
  /** Where the token goes: `header` (default in Node) or `query`. */
  tokenIn?: 'header' | 'query';
  /** Default action timeout in ms (default 30 000); each call may override it. */
  actionTimeout?: number;
  /** Reconnect policy, or `false` to fail terminally on the first drop. */
  reconnect?: ReconnectPolicy | false;
  /** Missed heartbeat intervals before the socket is declared dead (default 2). */
  heartbeatGrace?: number;
  /** ws ping interval in ms (Node only; default 30 000; 0 disables). */
  pingInterval?: number;
  /** Keep the socket this long after the last subscriber leaves (default 1 000 ms). */
  idleGrace?: number;
  /** Largest inbound frame in bytes (default 100 MiB); bigger ones close the socket with a `ProtocolError`. */
  maxPayload?: number;
  /** `true`: a reply whose data fails its result codec fails the call (default: delivered, reported on `errors$`). */
  strictResults?: boolean;
  /** Any `{ debug, info, warn, error }`; default silent. */
  logger?: Logger;
  /** A WHATWG WebSocket constructor to use instead of `ws` (browsers, tests). */
  WebSocket?: WebSocketConstructor;
  /** RxJS scheduler for every timer of the client (tests pass a TestScheduler). */
  scheduler?: SchedulerLike;
  /** Spaces outgoing sends per target and overall, to stay under QQ's risk control. */
  throttle?: ThrottleOptions;
  /**
   * Pins the backend (`backend$`, `supports()` and the parameter adapters use it from the first call; no
   * `get_version_info` reply changes it). Default: detected passively from `get_version_info` replies.
   */
  backend?: BackendName;
  /**
   * `true`: send one `get_version_info` each time a connection opens, so `backend$` and `supports()` know the
   * backend early. Off by default: the client never sends an action the user did not ask for.
   */
  detectBackend?: boolean;
  /**
   * Advanced: a custom transport instead of the one `url` selects (the testing kit uses it to run a client
   * without sockets).
   */
  transport?: OpenTransport;
}

/** The defaults of {@link ClientOptions}. */
export const CLIENT_DEFAULTS = {
  actionTimeout: 30_000,
  heartbeatGrace: 2,
  pingInterval: 30_000,
  idleGrace: 1_000,
  maxPayload: 100 * 1024 * 1024,
  strictResults: false,
} as const;
