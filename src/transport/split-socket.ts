/**
 * Forward WebSocket with split endpoints (go-cqhttp's `/api` + `/event`): two sockets, one session.
 */
import { Observable, type Subscription } from 'rxjs';
import { type OpenSocketOptions, openSocket } from './open-socket';
import { isSocketOpen as isOpen, type SocketOpen, type TransportSignal } from './types';

type Frame = Exclude<TransportSignal, SocketOpen>;

/** The two URLs of a split forward WebSocket. */
export interface SplitUrls {
  /** Actions and their replies, e.g. `ws://127.0.0.1:3001/api`. */
  readonly api: string;
  /** Events, e.g. `ws://127.0.0.1:3001/event`. */
  readonly event: string;
}

/** {@link OpenSocketOptions} with the two endpoints in place of `url`. */
export interface OpenSplitSocketOptions extends Omit<OpenSocketOptions, 'url'> {
  readonly urls: SplitUrls;
}

/**
 * Opens the `api` and `event` sockets together as one session.
 *
 * Emits one `SocketOpen` (its `send` writes on the `api` socket) once both sockets are open, then the
 * inbound frames of both in arrival order (frames that arrive before both are open follow the `SocketOpen`). Errors as soon as either socket fails, closing the other; unsubscribing closes both.
 *
 * @example
 * openSplitSocket({ urls: { api: 'ws://h:3001/api', event: 'ws://h:3001/event' }, accessToken, generation: 1 })
 */
export function openSplitSocket(options: OpenSplitSocketOptions): Observable<TransportSignal> {
  const { urls, ...shared } = options;
  return new Observable<TransportSignal>((subscriber) => {
    let api: SocketOpen | undefined;
    let eventOpen = false;
    let announced = false;
    const early: Frame[] = [];
    const announce = (): void => {
      if (api === undefined || !eventOpen) return;
      announced = true;
      subscriber.next({ type: 'open', generation: options.generation, send: api.send });
      for (const text of early.splice(0)) subscriber.next(text);
    };
    const deliver = (text: Frame): void => {
      if (announced) subscriber.next(text);
      else early.push(text);
    };
    const fail = (error: unknown): void => subscriber.error(error);

    const subscriptions: Subscription[] = [
      openSocket({ ...shared, url: urls.api }).subscribe({
        next: (signal) => {
          if (isOpen(signal)) {
            api = signal;
            announce();
          } else deliver(signal);
        },
        error: fail,
      }),
      openSocket({ ...shared, url: urls.event }).subscribe({
        next: (signal) => {
          if (isOpen(signal)) {
            eventOpen = true;
            announce();
          } else deliver(signal);
        },
        error: fail,
      }),
    ];
    return () => {
      for (const subscription of subscriptions) subscription.unsubscribe();
    };
  });
}
