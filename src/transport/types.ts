import type { SchedulerLike } from 'rxjs';

/** Lifecycle of a client's connection, as replayed by `client.state$`. */
export type ConnectionStatus = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed';

/** One state of the connection: `attempt` counts reconnect attempts, `error` is the last failure. */
export interface ConnectionState {
  readonly status: ConnectionStatus;
  readonly attempt?: number;
  readonly error?: unknown;
}

/** Reconnect policy; `false` disables reconnecting. */
export interface ReconnectPolicy {
  /** First delay in ms (default 1 000). */
  initialDelay?: number;
  /** Cap on the delay in ms (default 30 000). */
  maxDelay?: number;
  /** Growth factor per attempt (default 2). */
  factor?: number;
  /** Random spread as a fraction of the delay, 0..1 (default 0.2). */
  jitter?: number;
  /** Attempts before giving up with a terminal `DisconnectedError` (default `Infinity`). */
  maxAttempts?: number;
  /** A connection that stayed open this long (ms) resets the attempt count (default 60 000). */
  resetAfter?: number;
}

/** Signal that a socket opened: carries its generation and the only way to write to it. */
export interface SocketOpen {
  readonly type: 'open';
  /** Increments per socket; late callbacks of an older generation never touch a newer socket. */
  readonly generation: number;
  /**
   * Writes a text frame on this socket. Returns `false` when nothing was written (the socket is closing or
   * gone), so the caller can keep the request for the next socket; `true` or nothing means written.
   */
  send(text: string): boolean | void;
  /** Stops reading inbound frames until {@link SocketOpen.resume} (flow control; absent when unsupported). */
  pause?(): void;
  /** Reads inbound frames again after {@link SocketOpen.pause}. */
  resume?(): void;
  /**
   * Gives up the request written with this `echo` (its call timed out or was unsubscribed): a transport with
   * one request per call (the HTTP API) aborts it, and no reply frame or error follows. A no-op for an echo
   * already answered or never written. Absent on sockets that cannot take a request back (WebSocket).
   */
  cancel?(echo: string): void;
}

/** What one socket yields: `SocketOpen` once, then each inbound text frame as a string. */
export type TransportSignal = SocketOpen | string;

/** Minimal logger the SDK writes to; `console` fits. */
export interface Logger {
  debug(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

/** A WHATWG-style WebSocket constructor (the browser's global, or any compatible implementation). */
export type WebSocketConstructor = new (url: string, protocols?: string | string[]) => WebSocketLike;

/** The part of the WHATWG WebSocket interface the SDK uses. */
export interface WebSocketLike {
  readonly readyState: number;
  binaryType?: string;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number; reason: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

/** Options of one forward WebSocket connection. */
export interface SocketOptions {
  readonly url: string;
  readonly accessToken?: string;
  /** `header` (default in Node): `Authorization: Bearer`; `query`: `?access_token=`. */
  readonly tokenIn?: 'header' | 'query';
  /** Inject a WHATWG WebSocket constructor instead of `ws` (browsers, tests). */
  readonly WebSocket?: WebSocketConstructor;
  /** ws ping interval in ms (Node `ws` only); 0 disables. */
  readonly pingInterval?: number;
  /** Largest inbound frame in bytes. */
  readonly maxPayload?: number;
  readonly scheduler?: SchedulerLike;
  readonly logger?: Logger;
}
