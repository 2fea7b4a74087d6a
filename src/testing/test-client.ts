import { EMPTY, Observable, ReplaySubject, type SchedulerLike, Subscription, asyncScheduler, of } from 'rxjs';
import { type Client, type ClientOptions, createClient } from 'onebot-rx';
import type { OpenTransport, SocketOpen, TransportSignal } from '../transport/types';

/** One action the bot under test called, as it went on the wire. */
export interface TestCall {
  /** The action name as sent (`send_group_msg`, `.handle_quick_operation`, …). */
  readonly action: string;
  /** The params as sent (JSON: IDs as numbers, messages as segment arrays). */
  readonly params: Record<string, unknown>;
  /** Scheduler time at which it was sent. */
  readonly at: number;
}

/** How the fake server answers an action: each value is one `ok` reply, an error a `failed` one. */
export type ActionAnswers = (action: string, params: Record<string, unknown>) => Observable<unknown>;

/** Options of {@link createTestClient}: the events the server posts, how it answers, and client options. */
export interface TestClientOptions extends Omit<ClientOptions, 'url' | 'transport' | 'WebSocket' | 'webhook'> {
  /** Events the fake server posts (each value is sent as one JSON frame), subscribed when the client connects. */
  readonly events?: Observable<object>;
  /**
   * Answers each action. Every value becomes an `ok` reply with that `data`; an error with `retcode` (and
   * `message`, `wording`) a `failed` reply with those fields, any other error `retcode 100`; completing
   * without a value sends no reply (the call then times out). Default: {@link defaultAnswers}.
   */
  readonly actions?: ActionAnswers;
}

/** A real {@link Client} on a fake server, plus the actions it called. */
export type TestClient = Client & {
  /** Every action called so far, in order. */
  readonly calls: readonly TestCall[];
  /** Every action called, replayed to each subscriber. */
  readonly calls$: Observable<TestCall>;
};

const SEND = /^send_(?:group_|private_)?(?:forward_)?msg$/;

/**
 * The default answers: `{ message_id }` (counting from 1) for message sends, `null` for everything else.
 *
 * @example createTestClient({ actions: defaultAnswers() });
 */
export function defaultAnswers(): ActionAnswers {
  let messageId = 0;
  return (action) => of(SEND.test(action) ? { message_id: ++messageId } : null);
}

interface Request {
  readonly action: string;
  readonly params: Record<string, unknown>;
  readonly echo: unknown;
}

function parseRequest(text: string): Request | undefined {
  try {
    const frame = JSON.parse(text) as Partial<Request> | null;
    if (frame === null || typeof frame.action !== 'string') return undefined;
    const params = typeof frame.params === 'object' && frame.params !== null ? frame.params : {};
    return { action: frame.action, params, echo: frame.echo };
  } catch {
    return undefined;
  }
}

function okFrame(echo: unknown, data: unknown): string {
  return JSON.stringify({ status: 'ok', retcode: 0, data: data ?? null, message: '', wording: '', echo });
}

function failedFrame(echo: unknown, error: unknown): string {
  const e = (typeof error === 'object' && error !== null ? error : {}) as Record<string, unknown>;
  const retcode = typeof e.retcode === 'number' ? e.retcode : 100;
  const message = typeof e.message === 'string' ? e.message : String(error);
  const wording = typeof e.wording === 'string' ? e.wording : message;
  return JSON.stringify({ status: 'failed', retcode, data: null, message, wording, echo });
}

/** The fake server's transport: one session per connection, answering requests through `answers`. */
function fakeServer(
  events: Observable<object>,
  answers: ActionAnswers,
  scheduler: SchedulerLike,
  record: (call: TestCall) => void,
): OpenTransport {
  return (generation) =>
    new Observable<TransportSignal>((subscriber) => {
      const session = new Subscription();
      const socket: SocketOpen = {
        type: 'open',
        generation,
        send: (text) => {
          const request = parseRequest(text);
          if (request === undefined || session.closed) return;
          record({ action: request.action, params: request.params, at: scheduler.now() });
          session.add(
            answers(request.action, request.params).subscribe({
              next: (data) => subscriber.next(okFrame(request.echo, data)),
              error: (error: unknown) => subscriber.next(failedFrame(request.echo, error)),
            }),
          );
        },
      };
      subscriber.next(socket);
      session.add(
        events.subscribe({
          next: (event) => subscriber.next(JSON.stringify(event)),
          error: (error: unknown) => subscriber.error(error),
        }),
      );
      return session;
    });
}

/**
 * A real client whose server is a function: bot logic runs end to end (codecs, event streams, actions,
 * echo correlation) without a socket, on the given scheduler, so a `TestScheduler` drives it in virtual
 * time. Nothing connects until something subscribes; reconnecting is off and `idleGrace` is 0 unless given.
 *
 * @example
 * testScheduler.run(({ hot, expectObservable }) => {
 *   const client = createTestClient({ events: hot('-a', { a: pingEvent }), scheduler: testScheduler });
 *   expectObservable(client.groupMessages$.pipe(mergeMap((m) => client.reply(m, 'pong')))).toBe('-r', ...);
 * });
 */
export function createTestClient(options: TestClientOptions = {}): TestClient {
  const { events = EMPTY, actions = defaultAnswers(), ...clientOptions } = options;
  const calls: TestCall[] = [];
  const calls$ = new ReplaySubject<TestCall>();
  const record = (call: TestCall) => {
    calls.push(call);
    calls$.next(call);
  };
  const scheduler = clientOptions.scheduler ?? asyncScheduler;
  const client = createClient({
    reconnect: false,
    idleGrace: 0,
    ...clientOptions,
    scheduler,
    url: 'test://marble',
    transport: fakeServer(events, actions, scheduler, record),
  });
  return Object.assign(client, { calls: calls as readonly TestCall[], calls$: calls$.asObservable() });
}
