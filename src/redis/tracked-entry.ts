import type { Delivery, DeliveryOutcome } from 'onebot-rx';
import type { Ownership } from './leases';
import { EVENT_FIELDS as E } from './wire';

/**
 * One entry handed to the client, until every claim on it settled; it is also the frame's `Delivery` (one
 * object per entry, not a tracker plus a delivery record plus a closure).
 */
export class Tracked implements Delivery {
  claims = 0;
  cancelled = false;
  delivering = true;
  finished = false;
  /** Whether it still counts against `readAhead` (until it finishes or its ownership ends). */
  counted = true;

  constructor(
    readonly ownership: Ownership,
    readonly entryId: string,
    /** The delivery id (the gateway's event id). */
    readonly id: string,
    readonly selfId: string,
    /** Called when a claim settles. */
    private readonly settled: (t: Tracked, outcome: DeliveryOutcome) => void,
  ) {}

  /** What the claims' holders do when the entry is taken back (its ownership ended): the first, then any others. */
  private revokeFirst: (() => void) | undefined;
  private revokeMore: Array<() => void> | undefined;

  claim(revoke?: () => void): (outcome: DeliveryOutcome) => void {
    if (revoke !== undefined) {
      if (this.revokeFirst === undefined) this.revokeFirst = revoke;
      else (this.revokeMore ??= []).push(revoke);
    }
    this.claims++;
    let done = false;
    return (outcome) => {
      if (done) return;
      done = true;
      this.claims--;
      this.settled(this, outcome);
    };
  }

  /** Takes the entry back from the handlings that claimed it: they are cancelled (and settle `'cancelled'`). */
  revoke(): void {
    const first = this.revokeFirst;
    const more = this.revokeMore;
    this.revokeFirst = this.revokeMore = undefined;
    first?.();
    if (more !== undefined) for (const r of more) r();
  }
}

/** The values of an event entry's fields (`i`, `f`, `s`) from its flat field/value list. */
export function eventFieldsOf(flat: readonly string[]): { id: string | undefined; frame: string; self: string } {
  let id: string | undefined;
  let frame = '';
  let self = '';
  for (let i = 0; i + 1 < flat.length; i += 2) {
    const name = flat[i];
    if (name === E.id) id = flat[i + 1];
    else if (name === E.frame) frame = flat[i + 1] as string;
    else if (name === E.self) self = flat[i + 1] as string;
  }
  return { id, frame, self };
}
