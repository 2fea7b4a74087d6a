/**
 * The OneBot 11 HTTP API as a transport: each request frame becomes a POST, each answer a reply frame.
 */
import { EMPTY, Observable } from 'rxjs';
import { failedReply, replyFrame, requestParts } from './http-frames';
import { failedError } from './socket-errors';
import { displayUrl } from './socket-url';
import type { Logger } from '../logger';
import type { RequestFailed, TransportSignal } from './types';

/** The part of the WHATWG `fetch` the HTTP API transport uses (Node's global `fetch` fits). */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string; signal: AbortSignal },
) => Promise<{ status: number; text(): Promise<string> }>;

/** Options of {@link openHttpApi}. */
export interface OpenHttpApiOptions {
  /** Base URL of the HTTP API, e.g. `http://127.0.0.1:3000`; actions are POSTed to `<url>/<action>`. */
  readonly url: string;
  /** Sent as `Authorization: Bearer <token>`; never logged. */
  readonly accessToken?: string;
  /** The generation carried by this session's `SocketOpen`. */
  readonly generation: number;
  /** Receives, at teardown, a Promise that settles once every request of the session has ended. */
  readonly onRelease?: (closed: Promise<void>) => void;
  /** Event frames from elsewhere (a webhook receiver), merged into the session. */
  readonly events$?: Observable<string>;
  /** The `fetch` to use (default: the global one). */
  readonly fetch?: FetchLike;
  readonly logger?: Logger;
}

/** Network errors that mean nothing answers at the address: the server is down or unreachable, not one request lost. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);

/**
 * Whether a failed `fetch` says the server cannot be reached at all (connection refused, unknown host, no
 * route), looking through `cause` chains and aggregate errors (Node's fetch wraps the socket error).
 */
export function isUnreachable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 4) return false;
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string' && UNREACHABLE.has(code)) return true;
  if (Array.isArray(errors) && errors.length > 0 && errors.every((e) => isUnreachable(e, depth + 1))) return true;
  return isUnreachable(cause, depth + 1);
}

function endpoint(base: string, action: string): string {
  return `${base.replace(/\/+$/, '')}/${encodeURIComponent(action)}`;
}

function headersOf(token: string | undefined): Record<string, string> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  return headers;
}

/**
 * One HTTP API session: emits a `SocketOpen` at once, then the reply frame of every request it sent (and the
 * frames of `events$`, if given).
 *
 * `send(frame)` POSTs the frame's params to `/<action>` and answers with a reply frame carrying the echo:
 * 401/403 gives an echo-less reply with that retcode (the client fails with `AuthError { status }`), 404 a failed reply
 * with retcode 1404, any other non-2xx a failed reply whose retcode is the status; a 2xx with an empty body or
 * `null` is an `ok` reply with `data: null`. A request lost on the network (reset, cut off mid-answer) emits a
 * {@link RequestFailed} for its call alone: the session, its other requests and the webhook go on. Only a
 * server that cannot be reached at all ({@link isUnreachable}: refused, unknown host, no route) ends the
 * session with `DisconnectedError`, so the client backs off and the calls in flight fail with `sent: true`. Unsubscribing aborts
 * the requests in flight; a call's timeout is the client's action timeout. `cancel(echo)` aborts that one request
 * (the caller does so when the call times out or is unsubscribed): no reply frame follows, and the session goes on.
 *
 * @example
 * openHttpApi({ url: 'http://127.0.0.1:3000', accessToken, generation: 1 })
 */
export function openHttpApi(options: OpenHttpApiOptions): Observable<TransportSignal> {
  const doFetch = options.fetch ?? (globalThis.fetch as unknown as FetchLike);
  const where = displayUrl(options.url);
  const headers = headersOf(options.accessToken);
  return new Observable<TransportSignal>((subscriber) => {
    const inFlight = new Map<AbortController, Promise<void>>();
    const byEcho = new Map<unknown, AbortController>();
    const emit = (text: string): void => {
      if (!subscriber.closed) subscriber.next(text);
    };
    const settle = (echo: unknown, controller: AbortController): void => {
      if (byEcho.get(echo) === controller) byEcho.delete(echo);
    };

    const post = (text: string): void => {
      if (subscriber.closed) return;
      const parts = requestParts(text);
      if (parts === undefined) {
        options.logger?.warn('onebot-rx: not a request frame; nothing was POSTed');
        return;
      }
      const controller = new AbortController();
      const { signal } = controller;
      const request = doFetch(endpoint(options.url, parts.action), { method: 'POST', headers, body: parts.params, signal })
        .then(async (response) => {
          const body = await response.text();
          settle(parts.echo, controller);
          if (signal.aborted) return;
          if (response.status === 401 || response.status === 403) {
            emit(failedReply(response.status, `the HTTP API rejected the access token (${response.status})`, null));
          } else emit(replyFrame(response.status, body, parts.echo));
        })
        .catch((error: unknown) => {
          if (signal.aborted || subscriber.closed) return;
          const failure = failedError(where, error, options.accessToken);
          if (isUnreachable(error) || typeof parts.echo !== 'string') subscriber.error(failure);
          else subscriber.next({ type: 'failed', echo: parts.echo, error: failure } satisfies RequestFailed);
        })
        .finally(() => {
          settle(parts.echo, controller);
          inFlight.delete(controller);
        });
      inFlight.set(controller, request);
      byEcho.set(parts.echo, controller);
    };
    const cancel = (echo: string): void => {
      const controller = byEcho.get(echo);
      if (controller === undefined) return;
      byEcho.delete(echo);
      controller.abort();
    };

    subscriber.next({ type: 'open', generation: options.generation, send: post, cancel });
    const events = (options.events$ ?? EMPTY).subscribe({ next: emit, error: (e: unknown) => subscriber.error(e) });
    return () => {
      events.unsubscribe();
      const pending = [...inFlight.entries()];
      for (const [controller] of pending) controller.abort();
      options.onRelease?.(Promise.all(pending.map(([, request]) => request)).then(() => undefined));
    };
  });
}
