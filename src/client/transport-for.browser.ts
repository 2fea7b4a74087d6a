/**
 * The browser build's transport choice. The browser bundle resolves `./transport-for` to this file, so the
 * Node-only transports (`ws`, the webhook server, the reverse WS server) stay out of it.
 */
import { type Observable, type SchedulerLike, defer, from, mergeMap } from 'rxjs';
import { globalWebSocket, openSocket } from '../transport/open-socket.browser';
import { openSplitSocket } from '../transport/split-socket';
import type { Logger } from '../logger';
import type { OpenTransport, SocketOptions } from '../transport/types';
import { CLIENT_DEFAULTS, type ClientOptions } from './options';

const isHttp = (url: string): boolean => /^https?:\/\//i.test(url);

/** The socket options of a browser client: the token in the query, no ping, the page's `WebSocket`. */
function socketOptions(options: ClientOptions, scheduler: SchedulerLike, logger: Logger): Omit<SocketOptions, 'url'> {
  const WebSocket = options.WebSocket ?? globalWebSocket();
  if (WebSocket === undefined) throw new TypeError('onebot-rx (browser): no global WebSocket here; pass options.WebSocket');
  return {
    ...(options.accessToken === undefined ? {} : { accessToken: options.accessToken }),
    WebSocket,
    maxPayload: options.maxPayload ?? CLIENT_DEFAULTS.maxPayload,
    scheduler,
    logger,
  };
}

/**
 * Picks the transport in a browser: forward WebSocket for a `ws://` / `wss://` url, both sockets of
 * `{ api, event }` split endpoints, or the HTTP API (actions only, over `fetch`; the server needs CORS) for
 * `http(s)://`, its code loaded by `import()` when the first session opens. Throws a `TypeError` for a
 * `webhook` (no server can listen in a page) and, for the socket transports, when there is no `WebSocket`
 * constructor.
 *
 * @example
 * transportFor({ url: 'ws://127.0.0.1:3001', accessToken }, asyncScheduler, console)
 */
export function transportFor(options: ClientOptions, scheduler: SchedulerLike, logger: Logger): OpenTransport {
  const { url } = options;
  if (options.webhook !== undefined) throw new TypeError('onebot-rx (browser): webhook receivers need Node');
  if (typeof url === 'string' && isHttp(url)) {
    const token = options.accessToken === undefined ? {} : { accessToken: options.accessToken };
    // The HTTP API code is a chunk of its own: a WebSocket page never downloads it.
    return (generation, onRelease) =>
      defer(() => from(import('../transport/http-api'))).pipe(
        mergeMap(({ openHttpApi }) => openHttpApi({ url, ...token, generation, onRelease, logger })),
      );
  }
  const socket = socketOptions(options, scheduler, logger);
  if (typeof url !== 'string') return (generation, onRelease) => openSplitSocket({ ...socket, urls: url, generation, onRelease });
  return (generation, onRelease) => openSocket({ ...socket, url, generation, onRelease });
}

/** No webhook in a browser ({@link transportFor} refuses the option): always `undefined`. */
export function webhookFor(_options: ClientOptions): ((onRelease: (closed: Promise<void>) => void) => Observable<string>) | undefined {
  return undefined;
}
