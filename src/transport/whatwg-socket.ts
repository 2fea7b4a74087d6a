/**
 * One forward WebSocket through an injected WHATWG constructor (browsers, tests), driven by a subscriber.
 */
import type { Subscriber, TeardownLogic } from 'rxjs';
import { closedError, failedError, oversizedError } from './socket-errors';
import { displayUrl, withAccessToken } from './socket-url';
import type { OpenSocketOptions, SocketOpen, TransportSignal, WebSocketConstructor, WebSocketLike } from './types';

/** WHATWG `readyState` values. */
const CONNECTING = 0;
const OPEN = 1;

let utf8: TextDecoder | undefined;

/** The frame as text: strings as they are, binary frames decoded as UTF-8. */
function frameText(data: unknown): string {
  if (typeof data === 'string') return data;
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) {
    utf8 ??= new TextDecoder();
    return utf8.decode(data);
  }
  return String(data);
}

/** Size of the frame in bytes, or a lower bound for text (UTF-8 needs at least one byte per code unit). */
function frameSize(data: unknown): number {
  if (typeof data === 'string') return data.length;
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return data.byteLength;
  return 0;
}

/**
 * Opens a socket with `Socket` for `subscriber` and returns its teardown. The token, if any, goes in the
 * query (such sockets cannot set headers); there is no ws ping, so dead sockets are found by heartbeat.
 */
export function runWhatwgSocket(
  Socket: WebSocketConstructor,
  options: OpenSocketOptions,
  subscriber: Subscriber<TransportSignal>,
): TeardownLogic {
  const where = displayUrl(options.url);
  const token = options.accessToken;
  const label = `onebot-rx socket #${options.generation}`;
  const log = options.logger;
  const limit = options.maxPayload ?? 0;
  let live = true;
  let lastError: unknown;
  let socket: WebSocketLike;

  const fail = (error: unknown): void => {
    if (!live) return;
    live = false;
    subscriber.error(error);
  };

  try {
    log?.debug(`${label}: connecting to ${where}`);
    socket = new Socket(token ? withAccessToken(options.url, token) : options.url);
    socket.binaryType = 'arraybuffer';
  } catch (error) {
    fail(failedError(where, error, token));
    return;
  }

  const open: SocketOpen = {
    type: 'open',
    generation: options.generation,
    send(text) {
      if (!live || socket.readyState !== OPEN) return false;
      socket.send(text);
      return true;
    },
  };

  socket.onopen = () => {
    if (!live) return;
    log?.debug(`${label}: open`);
    subscriber.next(open);
  };
  socket.onmessage = (event) => {
    if (!live) return;
    if (limit > 0 && frameSize(event.data) > limit) fail(oversizedError(limit));
    else subscriber.next(frameText(event.data));
  };
  socket.onerror = (event) => {
    lastError = event;
  };
  socket.onclose = (event) => {
    log?.debug(`${label}: closed (${event.code})`);
    fail(closedError(where, event.code, event.reason, lastError));
  };

  return () => {
    live = false;
    socket.onopen = socket.onmessage = socket.onerror = socket.onclose = null;
    if (socket.readyState === CONNECTING || socket.readyState === OPEN) socket.close(1000);
    log?.debug(`${label}: released`);
  };
}
