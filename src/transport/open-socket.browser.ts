/**
 * The browser build's {@link openSocket}: the global `WebSocket`, with no `ws` and no Node built-ins.
 *
 * The browser bundle resolves `./open-socket` to this file (see `scripts/browser-variants.ts`), so every
 * importer of `openSocket` (forward WS, split endpoints) gets it there.
 */
import { Observable } from 'rxjs';
import type { OpenSocketOptions } from './types';
import { failedError } from './socket-errors';
import { displayUrl } from './socket-url';
import type { TransportSignal, WebSocketConstructor } from './types';
import { runWhatwgSocket } from './whatwg-socket';

export type { OpenSocketOptions } from './types';

/** The page's `WebSocket` constructor, when the environment has one. */
export function globalWebSocket(): WebSocketConstructor | undefined {
  return (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
}

/**
 * Opens one forward WebSocket per subscription with `options.WebSocket`, or the global `WebSocket` when
 * none is given. Same signals and errors as the Node version; the token goes in `?access_token=` and there
 * is no ping (dead sockets are found by heartbeat). Without any constructor it errors with a
 * `DisconnectedError` at once.
 *
 * @example
 * openSocket({ url: 'ws://127.0.0.1:3001', accessToken, generation: 1 }).subscribe(console.log);
 */
export function openSocket(options: OpenSocketOptions): Observable<TransportSignal> {
  return new Observable<TransportSignal>((subscriber) => {
    const Socket = options.WebSocket ?? globalWebSocket();
    if (Socket) return runWhatwgSocket(Socket, options, subscriber);
    subscriber.error(failedError(displayUrl(options.url), new TypeError('no WebSocket constructor here'), options.accessToken));
    return undefined;
  });
}
