import { Observable, type SchedulerLike, type Unsubscribable } from 'rxjs';
import type { ReplyFrame } from '../codec/frame';
import { explain } from '../codec/frame';
import { stringifyWire } from '../codec/id';
import { mayHoldUnsafeInteger, parseLossless } from '../codec/lossless-json';
import {
  ActionTimeoutError,
  AuthError,
  DecodeError,
  DisconnectedError,
  InvalidParamsError,
  ProtocolError,
  UnsupportedActionError,
} from '../errors';
import type { SendMeta, SocketOpen } from '../transport/types';
import type { Logger } from '../transport/types';
import type { ActionDef } from './define';
import { actionFailed, isFailedReply } from './failure';
import { type PendingCall, PendingCalls, type ResultMode } from './pending-calls';
import type { CallOptions } from './types';

/** What the caller needs from the connection. */
export interface CallLink {
  /** Keeps the connection wanted while the returned handle is not unsubscribed. */
  hold(): Unsubscribable;
  /** The open socket, if any. */
  socket(): SocketOpen | undefined;
  /** The terminal error once the client is closed. */
  closedError(): unknown;
}

/** Dependencies of {@link createCaller}. */
export interface CallerDeps {
  readonly catalogue: Readonly<Record<string, ActionDef>>;
  readonly link: CallLink;
  readonly scheduler: SchedulerLike;
  readonly defaultTimeout: number;
  readonly strictResults: boolean;
  /** Random per-client tag: echoes are `<tag>:<n>`. */
  readonly tag: string;
  readonly logger: Logger;
  /** `errors$` sink for undecodable results and protocol breaches. */
  readonly report: (error: DecodeError | ProtocolError) => void;
  /** A reply proved the token wrong (`retcode 1403` without echo): the client must close. */
  readonly fatal: (error: AuthError) => void;
  /** The backend that is known not to support `action`, if any. */
  readonly unsupportedBy: (action: string) => string | undefined;
  /** Rewrites a catalogued call for the connected backend's mechanical differences (name, filled params). */
  readonly adapt?: (action: string, params: unknown) => { readonly action: string; readonly params: unknown };
  /** Whether IDs beyond 2^53 must be written as JSON strings (the connected server's parser rounds integers). */
  readonly unsafeIdsAsStrings?: () => boolean;
  /** Why a call could not be written when no socket is open (the endpoint and the last connection error). */
  readonly unsentReason?: () => string | undefined;
  /** Sees every successful result (the client watches `get_version_info`). */
  readonly observe?: (action: string, data: unknown) => void;
}

interface Resolved {
  readonly def: ActionDef | undefined;
  readonly base: string;
  readonly mode: ResultMode;
}

const ASYNC_SUFFIXES = ['_async', '_rate_limited'] as const;

/** The action core of one client: cold calls, echo routing, deadlines, and connection-drop handling. */
export interface Caller {
  /** A cold Observable of one action: validates, sends once per subscription, emits the result once. */
  call(action: string, params: unknown, options?: CallOptions, raw?: boolean): Observable<unknown>;
  /** Routes a reply frame to its call (or reports it). */
  route(frame: ReplyFrame): void;
  /** A socket opened: writes the calls that were waiting for one. */
  opened(socket: SocketOpen): void;
  /** Socket `generation` dropped: calls written on it fail at once with `DisconnectedError { sent: true }`. */
  dropped(generation: number, cause: unknown): void;
  /** The request written with `echo` failed on the network (HTTP API): that call alone fails with `DisconnectedError { sent: true }`. */
  requestFailed(echo: string, cause: unknown): void;
  /** The client reached `closed`: every call fails with `error`. */
  terminate(error: unknown): void;
  /** Calls in flight. */
  readonly pending: number;
}

/** Creates the action core of a client. */
export function createCaller(deps: CallerDeps): Caller {
  let held: Unsubscribable | undefined;
  const table = new PendingCalls(
    deps.scheduler,
    (call) => call.subscriber.error(new ActionTimeoutError(call.action, call.timeout, call.sent, call.sent ? undefined : deps.unsentReason?.())),
    (busy) => {
      if (busy) held = deps.link.hold();
      else {
        held?.unsubscribe();
        held = undefined;
      }
    },
  );
  let waiting: PendingCall[] = [];
  /** The open socket when it can take a request back (`cancel`); stays `undefined` for WebSockets. */
  let cancellable: SocketOpen | undefined;
  let counter = 0;
  const prefix = `${deps.tag}:`;
  const resolved = new Map<string, Resolved>();

  function resolve(action: string): Resolved {
    let r = resolved.get(action);
    if (r === undefined) {
      r = resolveUncached(action);
      resolved.set(action, r);
    }
    return r;
  }

  /** The catalogue row of `action`: own keys only, so `constructor` or `__proto__` is uncatalogued. */
  function catalogued(action: string): ActionDef | undefined {
    return Object.hasOwn(deps.catalogue, action) ? deps.catalogue[action] : undefined;
  }

  function resolveUncached(action: string): Resolved {
    const def = catalogued(action);
    if (def !== undefined) return { def, base: action, mode: 'decode' };
    for (const suffix of ASYNC_SUFFIXES) {
      if (action.endsWith(suffix)) {
        const base = action.slice(0, -suffix.length);
        const baseDef = catalogued(base);
        if (baseDef !== undefined) return { def: baseDef, base, mode: 'async' };
      }
    }
    return { def: undefined, base: action, mode: 'raw' };
  }

  /** Writes the call on `socket`; a socket that wrote nothing (closing) leaves it waiting for the next one. */
  function write(call: PendingCall, socket: SocketOpen): void {
    if (socket.send(call.frame, call.meta) === false) {
      waiting.push(call);
      return;
    }
    call.sent = true;
    call.generation = socket.generation;
    call.frame = '';
  }

  function call(action: string, params: unknown, options?: CallOptions, raw = false): Observable<unknown> {
    return new Observable<unknown>((subscriber) => {
      const closed = deps.link.closedError();
      if (closed !== undefined) {
        subscriber.error(closed);
        return;
      }
      const { def, base, mode: resolvedMode } = resolve(action);
      const mode: ResultMode = raw ? 'raw' : resolvedMode;
      let wire: unknown = params ?? {};
      let wireAction = action;
      if (def !== undefined && !raw) {
        if (!def.params.is(wire)) {
          subscriber.error(new InvalidParamsError(action, params, explain(def.params, wire)));
          return;
        }
        wire = def.params.encode(wire);
        const backend = options?.force === true ? undefined : deps.unsupportedBy(base);
        if (backend !== undefined) {
          subscriber.error(new UnsupportedActionError(action, backend));
          return;
        }
        if (deps.adapt !== undefined) ({ action: wireAction, params: wire } = deps.adapt(action, wire));
      }
      const echo = prefix + ++counter;
      let frame: string;
      try {
        frame = stringifyWire({ action: wireAction, params: wire, echo }, deps.unsafeIdsAsStrings?.() === true);
      } catch (e) {
        subscriber.error(new InvalidParamsError(action, params, `not serialisable as JSON: ${(e as Error).message}`));
        return;
      }
      const timeout = options?.timeout ?? deps.defaultTimeout;
      const deadline = deps.scheduler.now() + timeout;
      const pending: PendingCall = {
        unsubscribe: release,
        echo,
        action,
        params,
        frame,
        subscriber,
        mode,
        stream: def?.reply === 'stream',
        timeout,
        meta: sendMeta(options, deadline),
        deadline,
        sent: false,
        generation: -1,
      };
      table.add(pending);
      const socket = deps.link.socket();
      if (socket !== undefined) write(pending, socket);
      else if (!subscriber.closed) waiting.push(pending);
      return pending;
    });
  }

  /** A call's teardown. A sent call is taken back from a socket that can (a no-op once answered): timeout, unsubscribe. */
  function release(this: PendingCall): void {
    table.delete(this.echo);
    if (!this.sent) removeWaiting(this);
    else if (cancellable !== undefined && cancellable.generation === this.generation) cancellable.cancel?.(this.echo);
  }

  function removeWaiting(pending: PendingCall): void {
    const index = waiting.indexOf(pending);
    if (index >= 0) waiting.splice(index, 1);
  }

  function deliver(pending: PendingCall, frame: ReplyFrame): void {
    const { reply } = frame;
    const { subscriber } = pending;
    if (isFailedReply(reply)) {
      subscriber.error(actionFailed(pending.action, pending.params, reply));
      return;
    }
    if (pending.mode === 'async') {
      subscriber.next(undefined);
      subscriber.complete();
      return;
    }
    const value = pending.mode === 'raw' ? reply.data : checkResult(pending, frame);
    if (value === REJECTED) return;
    deps.observe?.(pending.action, value);
    if (pending.stream && !isFinalStreamFrame(value)) {
      table.touch(pending);
      subscriber.next(value);
      return;
    }
    subscriber.next(value);
    subscriber.complete();
  }

  function checkResult(pending: PendingCall, frame: ReplyFrame): unknown {
    const def = resolve(pending.action).def;
    const data = frame.reply.data;
    if (def === undefined || def.result.is(data)) return data;
    if (mayHoldUnsafeInteger(frame.text)) {
      const lossless = parseLossless(frame.text) as { data?: unknown };
      if (def.result.is(lossless.data)) return lossless.data;
    }
    const error = new DecodeError(data, explain(def.result, data), pending.action);
    if (deps.strictResults) {
      pending.subscriber.error(error);
      return REJECTED;
    }
    deps.report(error);
    return data;
  }

  function route(frame: ReplyFrame): void {
    const echo = frame.reply.echo;
    if (typeof echo === 'string' && echo !== '') {
      const pending = table.get(echo);
      if (pending !== undefined) deliver(pending, frame);
      else if (echo.startsWith(prefix)) deps.logger.debug(`onebot-rx: late reply dropped (echo ${echo})`);
      else deps.report(new ProtocolError(`a reply with an echo this client never sent: ${echo}`, { raw: frame.text, echo }));
      return;
    }
    if (echo === undefined || echo === null || echo === '') {
      const { retcode } = frame.reply;
      if (retcode === 1403 || retcode === 401 || retcode === 403) {
        deps.fatal(new AuthError(retcode, `the server rejected the access token (${retcode})`));
        return;
      }
      deps.report(new ProtocolError('a reply without an echo', { raw: frame.text, echo }));
      return;
    }
    deps.report(new ProtocolError(`a reply with a foreign echo: ${String(echo)}`, { raw: frame.text, echo }));
  }

  function opened(socket: SocketOpen): void {
    cancellable = socket.cancel === undefined ? undefined : socket;
    const queue = waiting;
    waiting = [];
    for (const pending of queue) {
      if (table.get(pending.echo) === pending) write(pending, socket);
    }
  }

  function dropped(generation: number, cause: unknown): void {
    for (const pending of table.snapshot()) {
      if (pending.sent && pending.generation === generation) {
        pending.subscriber.error(
          new DisconnectedError(`the connection dropped while ${pending.action} was pending; it was sent, so its outcome is unknown`, {
            action: pending.action,
            sent: true,
            cause,
          }),
        );
      }
    }
  }

  function requestFailed(echo: string, cause: unknown): void {
    const pending = table.get(echo);
    if (pending === undefined) return;
    pending.subscriber.error(
      new DisconnectedError(`the request for ${pending.action} failed on the network; it was sent, so its outcome is unknown`, {
        action: pending.action,
        sent: true,
        cause,
      }),
    );
  }

  function terminate(error: unknown): void {
    waiting = [];
    for (const pending of table.snapshot()) pending.subscriber.error(error);
    table.dispose();
  }

  return {
    call,
    route,
    opened,
    dropped,
    requestFailed,
    terminate,
    get pending() {
      return table.size;
    },
  };
}

const REJECTED: unique symbol = Symbol('rejected');

/** The {@link SendMeta} of one call: its deadline, and the handling's stamps when a handler `ctx` made it. */
function sendMeta(options: CallOptions | undefined, deadline: number): SendMeta {
  const idempotencyKey = options?.idempotencyKey;
  const selfId = options?.selfId;
  if (idempotencyKey === undefined && selfId === undefined) return { deadline };
  return {
    deadline,
    ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
    ...(selfId === undefined ? {} : { selfId: String(selfId) }),
  };
}

function isFinalStreamFrame(data: unknown): boolean {
  return typeof data !== 'object' || data === null || (data as { type?: unknown }).type !== 'stream';
}
