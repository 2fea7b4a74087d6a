import { type Observer, Subscriber, type Subscription } from 'rxjs';
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
}

/** What a call reports to the caller that made it. */
export interface CallOwner {
  /** The call ended (completed, failed or unsubscribed): take it out of the table, the queue and the socket. */
  release(call: PendingCall): void;
}

/** An observer as `subscribe` takes it: a partial observer, a `next` function, or nothing. */
export type ObserverArg = Partial<Observer<unknown>> | ((value: unknown) => void) | null | undefined;

/** The constructor of RxJS's `SafeSubscriber` (what `subscribe(observer)` wraps an observer in). */
type SafeSubscriberClass = new (
  observerOrNext?: ObserverArg,
  error?: ((error: unknown) => void) | null,
  complete?: (() => void) | null,
) => Subscriber<unknown>;

/**
 * RxJS's `SafeSubscriber`, reached through public API (`Subscriber.create` makes one; the class itself is only
 * exported from `rxjs/internal`): a call subscribes exactly as `Observable.subscribe` would, handlers that
 * throw and missing error handlers reported the RxJS way.
 */
const SafeSubscriber = Object.getPrototypeOf(Subscriber.create()).constructor as SafeSubscriberClass;

/** The route of a call not started yet. */
const UNSTARTED: Route = { action: '', def: undefined, base: '', mode: 'raw', head: '', stream: false };

/**
 * One subscription of a call: the subscriber RxJS would make for the observer, and the call's entry in the
 * table of calls in flight (echo, deadline, frame, codec), in ONE object. Subscribing allocates it alone (plus
 * RxJS's wrapper of the observer): no teardown list, no separate pending record, no closure. Unsubscribing it,
 * or its completion or error, releases the call ({@link CallOwner.release}).
 */
export class PendingCall extends SafeSubscriber {
  /**
   * The call's key in the table: the caller uses its call number (the wire echo is the client's tag, `:` and
   * this number, so a Map of small integers routes replies); `0` until registered.
   */
  echo: number | string = 0;
  /** What the call is (action, codec, result mode); set when it starts. */
  route: Route = UNSTARTED;
  /** Params as the caller passed them (for error reports). */
  params: unknown = undefined;
  /** The frame text to write; emptied once written (nothing is ever written twice), so it is not kept in flight. */
  frame = '';
  timeout = 0;
  deadline = 0;
  /** Generation of the socket it was written on; -1 while unsent. */
  generation = -1;
  /** A stamped call's {@link CallMeta} (idempotency key, account, deadline); unset for an ordinary call. */
  meta: CallMeta | undefined = undefined;
  /** The backend profile the call was adapted for, when it rewrites replies ({@link BackendProfile.adaptReply}). */
  profile: BackendProfile | undefined = undefined;

  constructor(
    private readonly owner: CallOwner,
    observerOrNext?: ObserverArg,
    error?: ((error: unknown) => void) | null,
    complete?: (() => void) | null,
  ) {
    super(observerOrNext, error, complete);
  }

  get action(): string {
    return this.route.action;
  }

  get def(): ActionDef | undefined {
    return this.route.def;
  }

  get mode(): ResultMode {
    return this.route.mode;
  }

  get stream(): boolean {
    return this.route.stream;
  }

  /** Whether the frame was written. */
  get sent(): boolean {
    return this.generation >= 0;
  }

  /** Releases the call once, then ends the subscription as any subscriber does. */
  override unsubscribe(): void {
    if (this.closed) return;
    this.owner.release(this);
    super.unsubscribe();
  }
}


/**
 * Subscribes a call for `observerOrNext` as `Observable.subscribe` would: a subscriber (an operator's, or
 * `firstValueFrom`'s) is chained (its unsubscription ends the call, before anything is sent if it is already
 * closed); anything else is an observer. Returns the call, which is also the subscription.
 */
export function subscribeCall(
  owner: CallOwner,
  observerOrNext: ObserverArg,
  error: ((error: unknown) => void) | null | undefined,
  complete: (() => void) | null | undefined,
): PendingCall {
  const call = new PendingCall(owner, observerOrNext, error, complete);
  if (isSubscription(observerOrNext)) observerOrNext.add(call);
  return call;
}

/** A subscription (a downstream subscriber), duck-typed as RxJS does, so a second copy of RxJS chains too. */
function isSubscription(value: unknown): value is Subscription {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Partial<Subscription>;
  return 'closed' in s && typeof s.add === 'function' && typeof s.unsubscribe === 'function';
}
