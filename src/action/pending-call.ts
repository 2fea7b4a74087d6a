import { type Observer, Subscriber, type Subscription, config } from 'rxjs';
import type { BackendProfile } from './backend';
import type { ActionDef } from './define';
import type { CallMeta } from './types';

/** How a call's reply data is turned into its value. */
export type ResultMode = 'decode' | 'async' | 'raw';

/** What a call is, resolved once per action name (and once more for its `raw` form) and shared by its calls. */
export interface Route {
  readonly action: string;
  /** The catalogue row whose result codec checks the reply (`undefined`: raw or uncatalogued). */
  readonly def: ActionDef | undefined;
  /** The catalogued action it is a form of (`send_msg` for `send_msg_async`). */
  readonly base: string;
  readonly mode: ResultMode;
  /** `{"action":<action>,"params":`: the start of every frame of this action that no adapter renames. */
  readonly head: string;
  /** A `stream` action: the call stays registered until a `response` or error frame. */
  readonly stream: boolean;
  /** The timeout of a call that sets none. */
  readonly timeout: number;
  /** The caller the call belongs to. */
  readonly owner: CallOwner;
}

/** The caller a call belongs to, as its calls see it. */
export interface CallOwner {
  /** The call ended (completed, failed or unsubscribed): take it out of the table, the queue and the socket. */
  release(call: PendingCall): void;
  /**
   * The instant deadlines are counted from (the scheduler's clock when the caller was made): a call keeps its
   * deadline as a small integer from it, which V8 stores in the object itself (an absolute epoch-ms deadline
   * would take a boxed number per call).
   */
  readonly epoch: number;
}

/** What the few calls that need more carry: a stamped meta, a timeout of their own, a frame waiting for a socket. */
export interface CallExtra {
  /** A stamped call's {@link CallMeta} (idempotency key, account, deadline). */
  meta?: CallMeta | undefined;
  /** The call's own timeout (the route's default otherwise). */
  timeout?: number | undefined;
  /** The frame text while no socket took it; unset once written (nothing is ever written twice). */
  frame?: string | undefined;
}

/** An observer as `subscribe` takes it: a partial observer, a `next` function, or nothing. */
export type ObserverArg = Partial<Observer<unknown>> | ((value: unknown) => void) | null | undefined;

/** The largest integer V8 stores unboxed in an object field on 64-bit builds (2^31 − 1). */
const MAX_SMALL_INT = 2 ** 31 - 1;

/** The route of a call not started yet: releasing it does nothing. */
const UNSTARTED: Route = {
  action: '',
  def: undefined,
  base: '',
  mode: 'raw',
  head: '',
  stream: false,
  timeout: 0,
  owner: { release: () => undefined, epoch: 0 },
};

/** Reports an error no handler took, as RxJS does: `config.onUnhandledError`, else thrown on a fresh stack. */
function reportUnhandled(error: unknown): void {
  setTimeout(() => {
    const { onUnhandledError } = config;
    if (onUnhandledError) onUnhandledError(error);
    else throw error;
  });
}

/**
 * One subscription of a call: its subscriber and its entry in the table of calls in flight (echo, route,
 * deadline, socket generation), in ONE object of 13 fields. Subscribing allocates it alone: no teardown list,
 * no separate pending record, no wrapper around the observer, no closure, no boxed deadline. Unsubscribing it,
 * or its completion or error, releases the call ({@link CallOwner.release}).
 *
 * Handlers are called as RxJS's own subscribers call them: one that throws, or an error with no error handler,
 * is reported through `config.onUnhandledError` (else thrown on a fresh stack), never into the caller. (The
 * deprecated `useDeprecatedSynchronousErrorHandling` / `useDeprecatedNextContext` flags are not honoured.)
 */
export class PendingCall extends Subscriber<unknown> {
  /**
   * The call's key in the table: the caller uses its call number (the wire echo is the client's tag, `:` and
   * this number, so a Map of small integers routes replies); `0` until registered.
   */
  echo: number | string = 0;
  /** What the call is (action, codec, result mode, owner); set when it starts. */
  route: Route = UNSTARTED;
  /** Params as the caller passed them (for error reports). */
  params: unknown = undefined;
  /** The deadline, in ms from the owner's epoch. */
  private due = 0;
  /** Generation of the socket it was written on; -1 while unsent. */
  generation = -1;
  /** The backend profile the call was adapted for, when it rewrites replies ({@link BackendProfile.adaptReply}). */
  profile: BackendProfile | undefined = undefined;
  /** What an uncommon call carries besides (stamped meta, own timeout, unsent frame). */
  extra: CallExtra | undefined = undefined;

  /**
   * A call for `observerOrNext` as `Observable.subscribe` takes it. A subscriber (an operator's, or
   * `firstValueFrom`'s) is chained as RxJS chains subscribers: its unsubscription ends the call.
   */
  constructor(
    observerOrNext?: ObserverArg,
    error?: ((error: unknown) => void) | null,
    complete?: (() => void) | null,
  ) {
    super();
    if (typeof observerOrNext === 'object' && observerOrNext !== null) {
      this.destination = observerOrNext as Observer<unknown>;
      // Chained once the fields are set: a closed subscriber unsubscribes the call at once.
      if (isSubscription(observerOrNext)) observerOrNext.add(this);
    } else if (observerOrNext != null || error != null || complete != null) {
      this.destination = { next: observerOrNext ?? undefined, error: error ?? undefined, complete: complete ?? undefined } as Observer<unknown>;
    }
  }

  get action(): string {
    return this.route.action;
  }

  /** The call's timeout in ms. */
  get timeout(): number {
    return this.extra?.timeout ?? this.route.timeout;
  }

  /** The absolute deadline, on the scheduler's clock. */
  get deadline(): number {
    return this.route.owner.epoch + this.due;
  }

  set deadline(at: number) {
    const due = at - this.route.owner.epoch;
    // `| 0` keeps a whole number of ms within ±24.8 days a small integer (arithmetic on epoch-ms yields a boxed
    // double even when whole); anything else (an endless or fractional timeout) is kept as it is.
    this.due = Math.abs(due) <= MAX_SMALL_INT && Number.isInteger(due) ? due | 0 : due;
  }

  /** Whether the frame was written. */
  get sent(): boolean {
    return this.generation >= 0;
  }

  /** Releases the call once, then ends the subscription as any subscriber does. */
  override unsubscribe(): void {
    if (this.closed) return;
    this.route.owner.release(this);
    super.unsubscribe();
  }

  protected override _next(value: unknown): void {
    const observer = this.destination as Partial<Observer<unknown>>;
    try {
      observer.next?.(value);
    } catch (e) {
      reportUnhandled(e);
    }
  }

  protected override _error(error: unknown): void {
    const observer = this.destination as Partial<Observer<unknown>>;
    try {
      if (observer.error) observer.error(error);
      else reportUnhandled(error);
    } catch (e) {
      reportUnhandled(e);
    } finally {
      this.unsubscribe();
    }
  }

  protected override _complete(): void {
    const observer = this.destination as Partial<Observer<unknown>>;
    try {
      observer.complete?.();
    } catch (e) {
      reportUnhandled(e);
    } finally {
      this.unsubscribe();
    }
  }
}

/** A subscription (a downstream subscriber), duck-typed as RxJS does, so a second copy of RxJS chains too. */
export function isSubscription(value: object): value is Subscription {
  const s = value as Partial<Subscription>;
  return 'closed' in s && typeof s.add === 'function' && typeof s.unsubscribe === 'function';
}
