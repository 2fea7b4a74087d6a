import { Observable, type Subscriber, type Subscription } from 'rxjs';
import { type ObserverArg, PendingCall } from './pending-call';
import type { CallOptions } from './types';

/** The caller a call belongs to: it starts each subscription. */
export interface CallStarter {
  /** Starts one subscription of `observable`: validates, registers and sends `call` (or fails it). */
  start(observable: CallObservable, call: PendingCall): void;
}

/**
 * The cold Observable of one call: its arguments as fields and the caller it belongs to, so making a call
 * allocates this object alone (no subscribe closure). Each subscription sends the call once; subscribing
 * makes one {@link PendingCall}, which is at once the RxJS subscriber, the returned subscription and the
 * call's entry in flight.
 */
export class CallObservable extends Observable<unknown> {
  constructor(
    private readonly caller: CallStarter,
    readonly action: string,
    readonly params: unknown,
    readonly options: CallOptions | undefined,
    readonly raw: boolean,
  ) {
    super();
  }

  /** One subscription: the call object, started unless the subscriber it chains to is already closed. */
  override subscribe(
    observerOrNext?: ObserverArg,
    error?: ((error: unknown) => void) | null,
    complete?: (() => void) | null,
  ): Subscription {
    const call = new PendingCall(observerOrNext, error, complete);
    if (call.closed) return call;
    try {
      this.caller.start(this, call);
    } catch (e) {
      call.error(e);
    }
    return call;
  }

  /** The subclass hook RxJS calls on some paths: the same as subscribing `subscriber`. */
  protected _subscribe(subscriber: Subscriber<unknown>): Subscription {
    return this.subscribe(subscriber);
  }
}
