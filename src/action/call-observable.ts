import { Observable, type Subscriber, type TeardownLogic } from 'rxjs';
import type { CallOptions } from './types';

/** What starts one subscription of a call. */
export type Start = (call: CallObservable, subscriber: Subscriber<unknown>) => TeardownLogic;

/**
 * The cold Observable of one call: its arguments as fields and the caller's one shared {@link Start}, so making
 * a call allocates this object alone (no subscribe closure). Each subscription sends the call once.
 */
export class CallObservable extends Observable<unknown> {
  constructor(
    private readonly begin: Start,
    readonly action: string,
    readonly params: unknown,
    readonly options: CallOptions | undefined,
    readonly raw: boolean,
  ) {
    super();
  }

  /** Called by RxJS once per subscription (the subclass hook `Subject` uses too). */
  protected _subscribe(subscriber: Subscriber<unknown>): TeardownLogic {
    return this.begin(this, subscriber);
  }
}
