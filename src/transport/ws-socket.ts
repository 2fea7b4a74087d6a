/**
 * One forward WebSocket in Node through the `ws` package, driven by an Observable subscriber.
 */
import type { IncomingMessage } from 'node:http';
import { asyncScheduler, interval, type Subscriber, type Subscription, type TeardownLogic } from 'rxjs';
import WebSocket from 'ws';
import {
  closedError,
  failedError,
  oversizedError,
  pingTimeoutError,
  upgradeRejectedError,
} from './socket-errors';
import { displayUrl, withAccessToken } from './socket-url';
import type { OpenSocketOptions, SocketOpen, TransportSignal } from './types';

/** How long a graceful close waits for the server's close frame before the socket is destroyed. */
const CLOSE_TIMEOUT = 5_000;

/** `ws`'s error code for a frame bigger than `maxPayload`. */
const OVERSIZED = 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH';

const ignore = (): void => {};

/** The `ws` client options: ours are fixed, so that only `maxPayload` and the token vary. */
function clientOptions(options: OpenSocketOptions): WebSocket.ClientOptions {
  const headers: Record<string, string> =
    options.accessToken && options.tokenIn !== 'query' ? { Authorization: `Bearer ${options.accessToken}` } : {};
  const settings: WebSocket.ClientOptions & { closeTimeout: number } = {
    headers,
    perMessageDeflate: false,
    skipUTF8Validation: true,
    maxPayload: options.maxPayload ?? 0,
    closeTimeout: CLOSE_TIMEOUT,
  };
  return settings;
}

/** The TCP socket under a `ws` WebSocket (not in its typings, but stable across ws 8). */
function tcpOf(ws: WebSocket): { cork(): void; uncork(): void; destroyed?: boolean } | undefined {
  return (ws as unknown as { _socket?: { cork(): void; uncork(): void; destroyed?: boolean } })._socket;
}

/**
 * Coalesces every frame written in one synchronous burst (say, the calls a batch of replies triggers) into one
 * `writev`: the first write of a tick corks the TCP socket, and it is uncorked on the next tick. Without it
 * each frame costs a syscall, which dominates a busy client's time.
 * @internal exported for its tests
 */
export function writeBatch(): { hold(ws: WebSocket): void } {
  let corked: ReturnType<typeof tcpOf>;
  const release = () => {
    const socket = corked;
    corked = undefined;
    if (socket !== undefined && socket.destroyed !== true) socket.uncork();
  };
  return {
    hold(ws) {
      if (corked !== undefined) return;
      corked = tcpOf(ws);
      if (corked === undefined) return;
      corked.cork();
      process.nextTick(release);
    },
  };
}

/** The URL to dial: with `?access_token=` when the token goes in the query. */
function dialUrl(options: OpenSocketOptions): string {
  return options.accessToken && options.tokenIn === 'query'
    ? withAccessToken(options.url, options.accessToken)
    : options.url;
}

/**
 * Opens a `ws` socket for `subscriber` and returns its teardown: `SocketOpen` on open, each inbound frame
 * as a string, and an error for every way it can end. No callback reaches the subscriber after teardown.
 */
export function runWsSocket(options: OpenSocketOptions, subscriber: Subscriber<TransportSignal>): TeardownLogic {
  const where = displayUrl(options.url);
  const token = options.accessToken;
  const label = `onebot-rx socket #${options.generation}`;
  const log = options.logger;
  let live = true;
  let pinger: Subscription | undefined;
  let ws: WebSocket;
  const batch = writeBatch();

  const fail = (error: unknown): void => {
    if (!live) return;
    live = false;
    pinger?.unsubscribe();
    subscriber.error(error);
  };

  try {
    log?.debug(`${label}: connecting to ${where}`);
    ws = new WebSocket(dialUrl(options), clientOptions(options));
  } catch (error) {
    fail(failedError(where, error, token));
    return;
  }

  let answered = true;
  const startPinging = (every: number): void => {
    pinger = interval(every, options.scheduler ?? asyncScheduler).subscribe(() => {
      if (!answered) {
        ws.terminate();
        fail(pingTimeoutError(where, every));
        return;
      }
      answered = false;
      ws.ping();
    });
  };

  const open: SocketOpen = {
    type: 'open',
    generation: options.generation,
    send(text) {
      if (!live || ws.readyState !== WebSocket.OPEN) return false;
      batch.hold(ws);
      ws.send(text);
      return true;
    },
    pause() {
      if (live) ws.pause();
    },
    resume() {
      if (live) ws.resume();
    },
  };

  const handlers = {
    open(): void {
      if (!live) return;
      log?.debug(`${label}: open`);
      if (options.pingInterval) startPinging(options.pingInterval);
      subscriber.next(open);
    },
    message(data: WebSocket.RawData): void {
      if (!live) return;
      answered = true;
      subscriber.next(data.toString());
    },
    pong(): void {
      answered = true;
    },
    close(code: number, reason: Buffer): void {
      log?.debug(`${label}: closed by the server (${code})`);
      fail(closedError(where, code, reason.toString()));
    },
    error(error: Error & { code?: string }): void {
      log?.debug(`${label}: ${error.code ?? error.name}`);
      const oversized = error.code === OVERSIZED;
      fail(oversized ? oversizedError(options.maxPayload ?? 0, error) : failedError(where, error, token));
    },
    'unexpected-response'(_request: unknown, response: IncomingMessage): void {
      response.resume();
      log?.debug(`${label}: upgrade answered with HTTP ${response.statusCode}`);
      fail(upgradeRejectedError(where, response.statusCode ?? 0));
    },
  };
  for (const [event, handler] of Object.entries(handlers)) ws.on(event, handler as (...args: unknown[]) => void);

  return () => {
    live = false;
    pinger?.unsubscribe();
    for (const [event, handler] of Object.entries(handlers)) ws.off(event, handler as (...args: unknown[]) => void);
    ws.on('error', ignore);
    if (ws.readyState !== WebSocket.CLOSED) {
      options.onRelease?.(new Promise<void>((resolve) => ws.once('close', () => resolve())));
    }
    if (ws.readyState === WebSocket.CONNECTING) ws.terminate();
    else if (ws.readyState === WebSocket.OPEN) ws.close(1000);
    log?.debug(`${label}: released`);
  };
}
