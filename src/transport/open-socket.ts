/**
 * A forward WebSocket as a cold Observable: each subscription dials one socket.
 */
import { Observable } from 'rxjs';
import type { OpenSocketOptions, TransportSignal } from './types';

export type { OpenSocketOptions } from './types';
import { runWhatwgSocket } from './whatwg-socket';
import { runWsSocket } from './ws-socket';


/**
 * Opens one forward WebSocket per subscription.
 *
 * Emits a `SocketOpen` once the socket is open (its `send` writes a text frame, and does nothing once the
 * socket is gone), then every inbound frame as a string (binary frames decoded as UTF-8). It never completes
 * on its own; it errors with `AuthError(status)` when the upgrade is answered 401/403, `ProtocolError`
 * (`details.code` 1009) for a frame over `maxPayload`, and `DisconnectedError { code, reason, cause }` for
 * any other close or failure, ping timeouts included. Unsubscribing closes the socket (1000), or aborts it
 * while it is still connecting; nothing of that socket reaches the subscriber afterwards. The token appears
 * in no message and no log line.
 *
 * Node uses `ws` (token as `Authorization: Bearer`, or `?access_token=` with `tokenIn: 'query'`; ws pings
 * every `pingInterval` ms); with `options.WebSocket` that constructor is used instead (token in the query,
 * no ping).
 *
 * @example
 * let generation = 0;
 * const socket$ = defer(() => openSocket({ url: 'ws://127.0.0.1:3001', accessToken, generation: ++generation }));
 */
export function openSocket(options: OpenSocketOptions): Observable<TransportSignal> {
  return new Observable<TransportSignal>((subscriber) =>
    options.WebSocket ? runWhatwgSocket(options.WebSocket, options, subscriber) : runWsSocket(options, subscriber),
  );
}
