import { BehaviorSubject, type Observable, type SchedulerLike, type Unsubscribable } from 'rxjs';
import type { ActionReply, ReplyFrame } from '../codec/frame';
import { explain } from '../codec/report';
import { stringifyWire } from '../codec/id-wire';
import { mayHoldUnsafeInteger, parseLossless, replyDataLossless } from '../codec/lossless-json';
import {
  ActionTimeoutError,
  AuthError,
  DecodeError,
  DisconnectedError,
  InvalidParamsError,
  ProtocolError,
  UnsupportedActionError,
} from '../errors';
import type { Logger } from '../logger';
import { type BackendProfile, UNKNOWN_BACKEND, VERSION_ACTION, detect } from './backend';
import { whenCatalogued } from './catalogue-source';
import { asyncBase } from './async-variants';
import type { ActionDef } from './define';
import { actionFailed, isFailedReply } from './failure';
import type { CallOwner, PendingCall, Route } from './pending-call';
import { PendingCalls } from './pending-calls';
import type { ThrottleOptions } from './throttle';
import { targetOf, throttleCalls } from './throttle-calls';
import type { CallOptions, CallSocket } from './types';
import { CallObservable, type CallStarter } from './call-observable';
import { callNumber, frameHead, stampedMeta } from './request-frame';

/** What the caller needs from the connection. */
export interface CallLink {
  /** Keeps the connection wanted while the returned handle is not unsubscribed. */
  hold(): Unsubscribable;
  /** The open socket, if any. */
  socket(): CallSocket | undefined;
  /** The terminal error once the client is closed. */
  closedError(): unknown;
}

/** What the link reports to the caller: the caller implements these as the connection's hooks. */
export interface LinkHooks {
  /** A reply frame arrived: routes it to its call (or reports it). */
  reply(frame: ReplyFrame): void;
  /** A socket opened: writes the calls that were waiting for one. */
  opened(socket: CallSocket): void;
  /** Socket `generation` dropped: calls written on it fail at once with `DisconnectedError { sent: true }`. */
  dropped(generation: number, cause: unknown): void;
  /** The request written with `echo` failed (HTTP API): that call alone fails, with `DisconnectedError { sent: true }` (as is when `relayed`). */
  requestFailed(echo: string, cause: unknown, relayed?: boolean): void;
  /** The client reached `closed`: every call fails with `error`. */
  terminated(error: unknown): void;
}

/** Dependencies of {@link createCaller}. */
export interface CallerDeps<L extends CallLink = CallLink> {
  readonly catalogue: Readonly<Record<string, ActionDef>>;
  /** Opens the link the caller sends over, handing it the caller itself as its {@link LinkHooks}. */
  readonly link: (hooks: LinkHooks) => L;
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
  /** The backend profile to start with (default {@link UNKNOWN_BACKEND}); a `get_version_info` reply replaces it. */
  readonly backend?: BackendProfile;
  /** `true`: {@link CallerDeps.backend} is pinned by the user and no reply replaces it. */
  readonly pinned?: boolean;
  /** Spacing of message sends (every call path, `raw` included, goes through it). */
  readonly throttle?: ThrottleOptions;
  /** Why a call could not be written when no socket is open (the endpoint and the last connection error). */
  readonly unsentReason?: () => string | undefined;
  /** Told every request frame once written (for `recordFrames(..., { calls: true })`); empty costs nothing. */
  readonly sent?: ReadonlySet<(frame: string) => void>;
}


/**
 * The action core of one client: cold calls, throttling, echo routing, deadlines, connection-drop handling
 * and the backend profile. It is the hooks object of its own link.
 */
export interface Caller<L extends CallLink = CallLink> extends LinkHooks {
  /**
   * A cold Observable of one action: validates, waits for its throttle slot, sends once per subscription,
   * emits the result once. `raw` skips the codecs and the backend adapter (not the throttle).
   */
  call(action: string, params: unknown, options?: CallOptions, raw?: boolean): Observable<unknown>;
  /** The link {@link CallerDeps.link} opened. */
  readonly link: L;
  /** The current backend profile. */
  readonly backend: BackendProfile;
  /** The backend profile, replayed; emits when a `get_version_info` reply names another backend. */
  readonly backend$: Observable<BackendProfile>;
  /** Calls in flight. */
  readonly pending: number;
}

/** Creates the action core of a client, and its link (given the caller as hooks). */
export function createCaller<L extends CallLink>(deps: CallerDeps<L>): Caller<L> {
  const backend = new BehaviorSubject<BackendProfile>(deps.backend ?? UNKNOWN_BACKEND);
  let held: Unsubscribable | undefined;
  const table = new PendingCalls(
    deps.scheduler,
    (call) => call.error(new ActionTimeoutError(call.action, call.timeout, call.sent, call.sent ? undefined : deps.unsentReason?.())),
    (busy) => {
      if (busy) held = link.hold();
      else {
        held?.unsubscribe();
        held = undefined;
      }
    },
  );
  let waiting: PendingCall[] = [];
  /** The open socket when it can take a request back (`cancel`); stays `undefined` for WebSockets. */
  let cancellable: CallSocket | undefined;
  let counter = 0;
  const prefix = `${deps.tag}:`;
  /** `,"echo":"<tag>:`: a frame's echo is this, the call's number and `"}`. */
  const echoHead = `,"echo":${JSON.stringify(prefix).slice(0, -1)}`;
  const resolved = new Map<string, Route>();
  /** The routes of `raw` calls: no codec, no adapter. */
  const resolvedRaw = new Map<string, Route>();

  function resolve(action: string): Route {
    let r = resolved.get(action);
    if (r === undefined) {
      r = resolveUncached(action);
      resolved.set(action, r);
    }
    return r;
  }

  function resolveRaw(action: string): Route {
    let r = resolvedRaw.get(action);
    if (r === undefined) {
      r = { action, def: undefined, base: action, mode: 'raw', head: frameHead(action), stream: false, timeout: deps.defaultTimeout, owner };
      resolvedRaw.set(action, r);
    }
    return r;
  }

  /** The catalogue row of `action`: own keys only, so `constructor` or `__proto__` is uncatalogued. */
  function catalogued(action: string): ActionDef | undefined {
    return Object.hasOwn(deps.catalogue, action) ? deps.catalogue[action] : undefined;
  }

  function resolveUncached(action: string): Route {
    const head = frameHead(action);
    const timeout = deps.defaultTimeout;
    const def = catalogued(action);
    if (def !== undefined) return { action, def, base: action, mode: 'decode', head, stream: def.reply === 'stream', timeout, owner };
    const base = asyncBase(action);
    const baseDef = base === undefined ? undefined : catalogued(base);
    if (base !== undefined && baseDef !== undefined) {
      return { action, def: baseDef, base, mode: 'async', head, stream: baseDef.reply === 'stream', timeout, owner };
    }
    return { action, def: undefined, base: action, mode: 'raw', head, stream: false, timeout, owner };
  }

  /**
   * Writes the call's `frame` on `socket`, or keeps it waiting for the next socket (none open, or one that
   * wrote nothing: closing). A written frame is not kept.
   */
  function write(call: PendingCall, frame: string, socket: CallSocket | undefined): void {
    const extra = call.extra;
    if (socket === undefined || socket.send(frame, extra?.meta ?? { deadline: call.deadline }) === false) {
      if (extra === undefined) call.extra = { frame };
      else extra.frame = frame;
      if (!call.closed) waiting.push(call);
      return;
    }
    call.generation = socket.generation;
    if (extra !== undefined) extra.frame = undefined;
    if (deps.sent !== undefined && deps.sent.size > 0) for (const listener of deps.sent) listener(frame);
  }

  /** The frame text of one call: built around the params' JSON, so only the params are serialised per call. */
  function frameOf(r: Route, wireAction: string, wire: unknown, echo: number): string {
    const head = wireAction === r.action ? r.head : frameHead(wireAction);
    const params = stringifyWire(wire, backend.value.unsafeIdsAsStrings) as string | undefined;
    return `${params === undefined ? head.slice(0, -10) : head + params}${echoHead}${echo}"}`;
  }

  /** Starts one subscription of a call: fills in `pending`, registers it and writes it (or fails it). */
  function start(call: CallObservable, pending: PendingCall): void {
    const closed = link.closedError();
    if (closed !== undefined) {
      pending.error(closed);
      return;
    }
    const { action, params, options, raw } = call;
    const r = raw ? resolveRaw(action) : resolve(action);
    const def = r.def;
    let wire: unknown = params ?? {};
    let wireAction = action;
    let profile: BackendProfile | undefined;
    if (def !== undefined) {
      if (!def.params.is(wire)) {
        pending.error(new InvalidParamsError(action, params, explain(def.params, wire)));
        return;
      }
      wire = def.params.encode(wire);
      profile = backend.value;
      const lacking = options?.force === true ? undefined : profile.lacking?.(r.base, wire);
      if (options?.force !== true && (!profile.supports(r.base) || lacking !== undefined)) {
        pending.error(new UnsupportedActionError(action, profile.name, lacking));
        return;
      }
      const adapted = profile.adapt(r.base, wire);
      wireAction = adapted.action === r.base ? action : adapted.action + action.slice(r.base.length);
      wire = adapted.params;
    }
    const n = ++counter;
    let frame: string;
    try {
      frame = frameOf(r, wireAction, wire, n);
    } catch (e) {
      pending.error(new InvalidParamsError(action, params, `not serialisable as JSON: ${(e as Error).message}`));
      return;
    }
    pending.echo = n;
    pending.route = r;
    pending.params = params;
    const now = deps.scheduler.now();
    if (options !== undefined) {
      const timeout = options.timeout ?? deps.defaultTimeout;
      const meta = stampedMeta(options, now + timeout);
      if (meta !== undefined || timeout !== deps.defaultTimeout) pending.extra = { meta, timeout };
    }
    pending.deadline = now + pending.timeout;
    if (profile?.adaptReply !== undefined) pending.profile = profile;
    table.add(pending);
    write(pending, frame, link.socket());
  }

  /** The caller as its calls see it: starts their subscriptions and releases them. */
  const starter: CallStarter = { start };
  const owner: CallOwner = { release, epoch: deps.scheduler.now() };

  function send(action: string, params: unknown, options?: CallOptions, raw = false): Observable<unknown> {
    return new CallObservable(starter, action, params, options, raw);
  }

  /**
   * A call's end (completion, error, timeout, unsubscription): out of the table and the queue. A sent call is
   * taken back from a socket that can (a no-op once answered). A call never registered is left alone.
   */
  function release(pending: PendingCall): void {
    if (table.get(pending.echo) !== pending) return;
    table.delete(pending.echo);
    if (!pending.sent) removeWaiting(pending);
    else if (cancellable !== undefined && cancellable.generation === pending.generation) cancellable.cancel?.(prefix + pending.echo);
  }

  function removeWaiting(pending: PendingCall): void {
    const index = waiting.indexOf(pending);
    if (index >= 0) waiting.splice(index, 1);
  }

  /** The reply as the standard shapes it: the backend profile the call was adapted for rewrites it. */
  function standardReply(pending: PendingCall, reply: ActionReply): ActionReply {
    return pending.profile?.adaptReply?.(pending.route.base, reply) ?? reply;
  }

  function deliver(pending: PendingCall, frame: ReplyFrame): void {
    const reply = standardReply(pending, frame.reply);
    if (isFailedReply(reply)) {
      pending.error(actionFailed(pending.action, pending.params, reply));
      return;
    }
    const { route } = pending;
    if (route.mode === 'async') {
      pending.next(undefined);
      pending.complete();
      return;
    }
    const value = route.mode === 'raw' ? replyDataLossless(frame.text, reply.data) : checkResult(pending, frame, reply.data);
    if (value === REJECTED) return;
    if (route.action === VERSION_ACTION) detected(detect(value));
    if (route.stream && !isFinalStreamFrame(value)) {
      table.touch(pending);
      pending.next(value);
      return;
    }
    pending.next(value);
    pending.complete();
  }

  function checkResult(pending: PendingCall, frame: ReplyFrame, data: unknown): unknown {
    const def = pending.route.def;
    if (def === undefined || def.result.is(data)) return data;
    if (mayHoldUnsafeInteger(frame.text)) {
      const lossless = standardReply(pending, { ...frame.reply, data: (parseLossless(frame.text) as { data?: unknown }).data }).data;
      if (def.result.is(lossless)) return lossless;
    }
    const error = new DecodeError(data, explain(def.result, data), pending.action);
    if (deps.strictResults) {
      pending.error(error);
      return REJECTED;
    }
    deps.report(error);
    return data;
  }

  function detected(profile: BackendProfile): void {
    if (deps.pinned === true || profile.name === 'unknown') return;
    if (profile.name !== backend.value.name) backend.next(profile);
  }

  function reply(frame: ReplyFrame): void {
    const echo = frame.reply.echo;
    if (typeof echo === 'string' && echo !== '') {
      const n = callNumber(echo, prefix);
      const pending = n === undefined ? undefined : table.get(n);
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

  function opened(socket: CallSocket): void {
    cancellable = socket.cancel === undefined ? undefined : socket;
    const queue = waiting;
    waiting = [];
    for (const pending of queue) {
      const frame = pending.extra?.frame;
      if (frame !== undefined && table.get(pending.echo) === pending) write(pending, frame, socket);
    }
    throttled.wake();
  }

  function dropped(generation: number, cause: unknown): void {
    for (const pending of table.snapshot()) {
      if (pending.sent && pending.generation === generation) {
        pending.error(
          new DisconnectedError(`the connection dropped while ${pending.action} was pending; it was sent, so its outcome is unknown`, {
            action: pending.action,
            sent: true,
            cause,
          }),
        );
      }
    }
  }

  function requestFailed(echo: string, cause: unknown, relayed = false): void {
    const n = callNumber(echo, prefix);
    const pending = n === undefined ? undefined : table.get(n);
    if (pending === undefined) return;
    if (relayed && cause instanceof Error) {
      pending.error(cause); // a relaying transport (onebot-rx/redis) reports the far end's typed outcome as is
      return;
    }
    pending.error(
      new DisconnectedError(`the request for ${pending.action} failed on the network; it was sent, so its outcome is unknown`, {
        action: pending.action,
        sent: true,
        cause,
      }),
    );
  }

  function terminated(error: unknown): void {
    waiting = [];
    for (const pending of table.snapshot()) pending.error(error);
    table.dispose();
    throttled.close(error);
    backend.complete();
  }

  const throttled = throttleCalls(
    send,
    deps.throttle,
    deps.scheduler,
    deps.defaultTimeout,
    { ready: () => link.socket() !== undefined, hold: () => link.hold() },
    (action, params) => targetOf(resolve(action).def?.sends, params),
  );
  const call = whenCatalogued(throttled.call);
  const caller: Omit<Caller<L>, 'link'> = {
    call,
    reply,
    opened,
    dropped,
    requestFailed,
    terminated,
    get backend() {
      return backend.value;
    },
    backend$: backend.asObservable(),
    get pending() {
      return table.size;
    },
  };
  const link = deps.link(caller);
  return Object.assign(caller, { link });
}

const REJECTED: unique symbol = Symbol('rejected');

function isFinalStreamFrame(data: unknown): boolean {
  return typeof data !== 'object' || data === null || (data as { type?: unknown }).type !== 'stream';
}
