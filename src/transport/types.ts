/**
 * The transport contract: what a client needs from any way of reaching a OneBot server. The SDK's own
 * transports (forward WebSocket, split endpoints, HTTP API + webhook, reverse WebSocket) implement it, and
 * so can yours (pass it as `ClientOptions.transport`).
 *
 * @module
 */
import type { Observable, SchedulerLike } from 'rxjs';
import type { Logger } from '../logger';

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

/**
 * Signal that a socket opened: carries its generation and the only way to write to it. A transport emits it
 * once per session, before any inbound frame.
 */
export interface SocketOpen {
  readonly type: 'open';
  /** Increments per socket; late callbacks of an older generation never touch a newer socket. */
  readonly generation: number;
  /**
   * Writes a text frame on this socket. Returns `false` when nothing was written (the socket is closing or
   * gone), so the caller can keep the request for the next socket; `true` or nothing means written.
   */
  send(text: string, meta?: SendMeta): boolean | void;
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

/**
 * How one unit of work on an inbound event ended, as far as acknowledging its frame is concerned: `handled`
 * (success, a reported `HandlerError`, or a counted drop) or `cancelled` (unsubscribed, e.g. by shutdown:
 * the transport must not acknowledge it).
 */
export type DeliveryOutcome = 'handled' | 'cancelled';

/**
 * An inbound frame whose processing the transport wants to hear about (e.g. a Redis stream entry). Each
 * consumer that takes the decoded event as a unit of work (a `client.handle`) calls `claim()` synchronously
 * when it receives the event, and the returned settle function exactly once when that unit ends. A frame
 * nobody claimed during the synchronous delivery was only seen by plain subscribers (at-most-once).
 */
export interface Delivery {
  /** Stable id of the frame at its source (a Redis entry id); the handling's idempotency keys derive from it. */
  readonly id: string;
  /**
   * Takes the event as a unit of work; returns the function to call exactly once when that unit ends. `revoke`,
   * when given, is called if the source takes the event back (the Redis worker lost the event's partition): the
   * unit is then unsubscribed, or never started, and settles `'cancelled'`. A source taking back several events
   * revokes the latest first, so a cancelled unit's queued successor does not start in between.
   */
  claim(revoke?: () => void): (outcome: DeliveryOutcome) => void;
}

/** An inbound text frame with its {@link Delivery}: decoded like a plain string frame. */
export interface DeliveredFrame {
  readonly text: string;
  readonly delivery: Delivery;
}

/**
 * One request of a request/response transport (the HTTP API) failed on the network while the server stays
 * reachable: only the call written with `echo` fails (`DisconnectedError { sent: true }`), the session goes on.
 * A relaying transport (the Redis worker) reports the far end's typed outcome with `relayed: true`.
 */
export interface RequestFailed {
  readonly type: 'failed';
  readonly echo: string;
  readonly error: unknown;
  /**
   * `error` is the call's outcome at the far end, relayed (a typed call error: `ActionTimeoutError`,
   * `DisconnectedError`, `InvalidParamsError`, `UnsupportedActionError`): the call fails with it as is, instead
   * of a `DisconnectedError { sent: true }` for a request lost on the network.
   */
  readonly relayed?: boolean;
}

/**
 * What one transport session yields: `SocketOpen` once, then each inbound text frame, undecoded (events and
 * replies alike: the client decodes them), as a string or as a {@link DeliveredFrame} the transport wants
 * acknowledged; and from request/response transports a {@link RequestFailed} per request lost on the network.
 */
export type TransportSignal = SocketOpen | string | DeliveredFrame | RequestFailed;

/** Whether a transport signal reports one failed request (not an inbound frame). */
export const isRequestFailed = (signal: TransportSignal): signal is RequestFailed =>
  typeof signal === 'object' && (signal as Partial<RequestFailed>).type === 'failed';

/** Whether a transport signal is the {@link SocketOpen} of its session (not an inbound frame). */
export const isSocketOpen = (signal: TransportSignal): signal is SocketOpen =>
  typeof signal === 'object' && (signal as Partial<SocketOpen>).type === 'open';

/** What a scale-out transport needs to know about one outbound call; a direct socket ignores it. */
export interface SendMeta {
  /** Idempotency key: `<delivery id>:<ordinal>` inside a handling, absent outside. */
  readonly idempotencyKey?: string;
  /** The account the call is for (the handled event's `self_id`), as exact decimal digits. */
  readonly selfId?: string;
  /** Absolute deadline of the call (ms since epoch, on the client's scheduler clock), if it has one. */
  readonly deadline?: number;
}

/**
 * Opens one transport session: a cold Observable that, when subscribed, connects, emits a {@link SocketOpen}
 * and then every inbound text frame. It errors when the session ends (the client then reconnects by its
 * policy) and releases everything when unsubscribed. `generation` numbers the session (pass it on in
 * `SocketOpen.generation`); `onRelease` may be given a Promise that settles once the session's resources
 * are gone (`client.close()` awaits it).
 *
 * @example
 * // A transport over any duplex text channel (here: a hypothetical `openPipe`).
 * const pipeTransport: OpenTransport = (generation) =>
 *   new Observable<TransportSignal>((subscriber) => {
 *     const pipe = openPipe();
 *     pipe.onText = (text) => subscriber.next(text);
 *     pipe.onClose = () => subscriber.error(new Error('pipe closed'));
 *     subscriber.next({ type: 'open', generation, send: (text) => pipe.write(text) });
 *     return () => pipe.close();
 *   });
 * const client = createClient({ url: 'pipe:', transport: pipeTransport });
 */
export type OpenTransport = (generation: number, onRelease: (closed: Promise<void>) => void) => Observable<TransportSignal>;

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

/** {@link SocketOptions} plus the generation number of the socket about to open. */
export interface OpenSocketOptions extends SocketOptions {
  /** Increments per socket; carried by its `SocketOpen` so late callbacks of older sockets can be told apart. */
  readonly generation: number;
  /** Receives, at teardown, a Promise that settles once the socket is fully closed (for `client.close()`). */
  readonly onRelease?: (closed: Promise<void>) => void;
}
