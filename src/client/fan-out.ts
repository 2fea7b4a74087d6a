import type { Observer, SubjectLike, Unsubscribable } from 'rxjs';
import { isSubscription } from '../action/pending-call';

const NOTHING: Unsubscribable = { unsubscribe: () => undefined };

/**
 * The multicast behind the client's one shared frame stream (`share({ connector })`): a `Subject` as
 * `share()` uses one, emitting with an indexed loop over a copy-on-write array of observers. RxJS's
 * `Subject.next` allocates a closure, an iterator and a result object per observer for every frame (its
 * CommonJS build is ES5), which is most of what a frame costs between the socket and the filters.
 *
 * Same semantics as `Subject` for `share()`: observers get each value in subscription order; one added during
 * an emission does not get that value, one removed during it no longer acts on it (it is closed); after
 * `error` / `complete` nothing more is emitted and a late observer is told the end at once.
 */
export class FanOut<T> implements SubjectLike<T> {
  private observers: readonly Observer<T>[] = [];
  private ended: { readonly error: unknown } | 'complete' | undefined;

  next(value: T): void {
    if (this.ended !== undefined) return;
    const observers = this.observers;
    for (let i = 0; i < observers.length; i++) (observers[i] as Observer<T>).next(value);
  }

  error(error: unknown): void {
    this.end({ error });
  }

  complete(): void {
    this.end('complete');
  }

  /** Adds `observer` until it (or the returned handle) is unsubscribed; a subscriber is released by its own unsubscription. */
  subscribe(observer: Partial<Observer<T>>): Unsubscribable {
    // A subscriber (what share() hands in) is a full observer; anything else is wrapped.
    const full: Observer<T> = isSubscription(observer)
      ? (observer as Observer<T>)
      : { next: (v) => observer.next?.(v), error: (e: unknown) => observer.error?.(e), complete: () => observer.complete?.() };
    const ended = this.ended;
    if (ended !== undefined) {
      if (ended === 'complete') full.complete();
      else full.error(ended.error);
      return NOTHING;
    }
    this.observers = [...this.observers, full];
    let removed = false;
    const handle: Unsubscribable = {
      unsubscribe: () => {
        if (removed) return;
        removed = true;
        this.observers = this.observers.filter((o) => o !== full);
      },
    };
    if (isSubscription(observer)) observer.add(handle);
    return handle;
  }

  private end(how: { readonly error: unknown } | 'complete'): void {
    if (this.ended !== undefined) return;
    this.ended = how;
    const observers = this.observers;
    this.observers = [];
    for (let i = 0; i < observers.length; i++) {
      const observer = observers[i] as Observer<T>;
      if (how === 'complete') observer.complete();
      else observer.error(how.error);
    }
  }
}
