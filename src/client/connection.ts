import {
  EMPTY,
  type Observable,
  ReplaySubject,
  type SchedulerLike,
  Subject,
  type Subscription,
  type Unsubscribable,
  defer,
  filter,
  finalize,
  merge,
  share,
  takeUntil,
  tap,
  throwError,
  timer,
} from 'rxjs';
import type { InboundFrame, ReplyFrame } from '../codec/frame';
import { type ClientError, isProtocolError } from '../errors';
import { heartbeatWatchdog } from '../transport/heartbeat';
import { reconnect } from '../transport/reconnect';
import type { Logger } from '../logger';
import type { OpenTransport, ReconnectPolicy, SocketOpen } from '../transport/types';
import { decodeFrames } from './decode-frames';
import { FanOut } from './fan-out';

/** What the connection reports to the action core. */
export interface ConnectionHooks {
  reply(frame: ReplyFrame): void;
  opened(socket: SocketOpen): void;
  dropped(generation: number, cause: unknown): void;
  /** One request failed on the network while its session goes on (HTTP API), or its far end's outcome was relayed: only its call fails. */
  requestFailed?(echo: string, cause: unknown, relayed: boolean): void;
  terminated(error: unknown): void;
}

/** Lifecycle of a client's connection, as replayed by `client.state$`. */
export type ConnectionStatus = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed';

/** One state of the connection: `attempt` counts reconnect attempts, `error` is the last failure. */
export interface ConnectionState {
  readonly status: ConnectionStatus;
  readonly attempt?: number;
  readonly error?: unknown;
}

/** Settings of {@link createConnection}. */
export interface ConnectionSettings {
  /** Forward WS, split endpoints, HTTP + webhook, reverse WS: each is one of these. */
  readonly open: OpenTransport;
  /**
   * Inbound frames from a source that outlives the sessions (an HTTP client's webhook): subscribed while the
   * connection is live, across reconnects; its error (e.g. the webhook cannot listen) ends the connection.
   */
  readonly events?: ((onRelease: (closed: Promise<void>) => void) => Observable<string>) | undefined;
  readonly reconnect: ReconnectPolicy | false;
  readonly heartbeatGrace: number;
  readonly idleGrace: number;
  readonly scheduler: SchedulerLike;
  readonly logger: Logger;
}

/** A client's connection: the shared frame stream, its state, and reference-counted holds. */
export interface Connection {
  readonly frames$: Observable<InboundFrame>;
  readonly state$: Observable<ConnectionState>;
  readonly errors$: Observable<ClientError>;
  /** Keeps the socket wanted until the handle is unsubscribed (one inner subscription for all holders). */
  hold(): Unsubscribable;
  socket(): SocketOpen | undefined;
  closedError(): unknown;
  /** Reports an undecodable result, a protocol breach or a failed handling on `errors$`. */
  report(error: ClientError): void;
  /** Fails the connection terminally with `error` (no reconnect). */
  fail(error: unknown): void;
  /** Ends the connection for good: current subscribers complete; later ones get `error`. */
  close(error: unknown): void;
  /** Settles once every transport session released so far has fully closed. */
  released(): Promise<void>;
}

function heartbeatIntervalOf(frame: InboundFrame | SocketOpen): number | undefined {
  if ((frame as InboundFrame).kind !== 'event') return undefined;
  const event = (frame as { event: { meta_event_type?: unknown; interval?: unknown } }).event;
  return event.meta_event_type === 'heartbeat' && typeof event.interval === 'number' ? event.interval : undefined;
}

const isFrame = (f: InboundFrame | SocketOpen): f is InboundFrame => (f as SocketOpen).type !== 'open';
const isOpen = (f: InboundFrame | SocketOpen): boolean => (f as SocketOpen).type === 'open';

/**
 * Composes transport and codec into one lazy, shared stream of decoded frames: the socket opens on the first
 * subscriber, reconnects by policy, is replaced when its heartbeat stops, and closes `idleGrace` after the
 * last subscriber leaves.
 */
export function createConnection(settings: ConnectionSettings, hooks: ConnectionHooks): Connection {
  const state = new ReplaySubject<ConnectionState>(1);
  let currentState: ConnectionState = { status: 'idle' };
  state.next(currentState);
  const errors = new Subject<ClientError>();
  const fatal = new Subject<never>();
  const closing = new Subject<void>();
  let generation = 0;
  const releasing = new Set<Promise<void>>();
  const track = (closed: Promise<void>) => {
    releasing.add(closed);
    void closed.finally(() => releasing.delete(closed));
  };
  let current: SocketOpen | undefined;
  let closedError: unknown;
  /** A server's unusable heartbeat interval is reported once per client, not once per socket. */
  let intervalRejected = false;

  const setState = (next: ConnectionState) => {
    if (closedError !== undefined) return;
    currentState = next;
    state.next(next);
  };

  const oneSocket$ = defer(() => {
    const gen = ++generation;
    if (currentState.status !== 'reconnecting') setState({ status: 'connecting' });
    return settings.open(gen, track).pipe(
      decodeFrames({
        opened: (socket) => {
          current = socket;
          hooks.opened(socket); // calls waiting for a socket are written before anything a state$ 'open' handler sends
          setState({ status: 'open' });
        },
        reply: (frame) => hooks.reply(frame),
        invalid: (error) => errors.next(error),
        failed: (echo, cause, relayed) => hooks.requestFailed?.(echo, cause, relayed),
      }),
      heartbeatWatchdog({
        grace: settings.heartbeatGrace,
        intervalOf: heartbeatIntervalOf,
        scheduler: settings.scheduler,
        rejected: (error) => {
          if (intervalRejected) return;
          intervalRejected = true;
          errors.next(error);
        },
      }),
      tap({
        error: (error: unknown) => {
          if (current?.generation === gen) current = undefined;
          if (isProtocolError(error)) errors.next(error);
          settings.logger.debug(`onebot-rx: socket ${gen} dropped: ${(error as Error).message}`);
          hooks.dropped(gen, error);
        },
      }),
      finalize(() => {
        if (current?.generation === gen) current = undefined;
      }),
    );
  });

  const terminate = (error: unknown, endStream = false) => {
    if (closedError !== undefined) return;
    closedError = error;
    current = undefined;
    hooks.terminated(error);
    if (endStream) closing.next();
    state.next({ status: 'closed', error });
    state.complete();
    errors.complete();
  };

  const events = settings.events;
  const sessionless$ =
    events === undefined
      ? EMPTY
      : defer(() => events(track)).pipe(
          decodeFrames({ opened: () => undefined, reply: (frame) => hooks.reply(frame), invalid: (error) => errors.next(error) }),
        );

  const live$ = merge(
    sessionless$,
    oneSocket$.pipe(
      reconnect({
        policy: settings.reconnect,
        scheduler: settings.scheduler,
        isOpen,
        onRetry: (attempt: number, _delay: number, error: unknown) => setState({ status: 'reconnecting', attempt, error }),
      }),
    ),
    fatal,
  ).pipe(
    filter(isFrame),
    tap({ error: terminate }),
    takeUntil(closing),
    finalize(() => {
      current = undefined;
      setState({ status: 'idle' });
    }),
    share({
      connector: () => new FanOut<InboundFrame>(),
      resetOnComplete: false,
      resetOnError: false,
      resetOnRefCountZero: () => timer(settings.idleGrace, settings.scheduler),
    }),
  );

  const frames$ = defer(() => (closedError !== undefined ? throwError(() => closedError) : live$));

  let holders = 0;
  let held: Subscription | undefined;
  const hold = (): Unsubscribable => {
    if (holders++ === 0) held = frames$.subscribe({ error: () => undefined });
    let released = false;
    return {
      unsubscribe: () => {
        if (released) return;
        released = true;
        if (--holders === 0) {
          held?.unsubscribe();
          held = undefined;
        }
      },
    };
  };

  return {
    frames$,
    state$: state.asObservable(),
    errors$: errors.asObservable(),
    hold,
    socket: () => current,
    closedError: () => closedError,
    report: (error) => {
      if (closedError === undefined) errors.next(error);
    },
    fail: (error) => fatal.error(error),
    close: (error) => terminate(error, true),
    released: async () => {
      await Promise.all([...releasing]);
    },
  };
}
