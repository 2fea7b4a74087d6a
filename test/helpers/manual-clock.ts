import { VirtualAction, VirtualTimeScheduler } from 'rxjs';

/**
 * A scheduler whose time moves only when the test says so. Hand it to a client, socket or operator as its
 * `scheduler` while real sockets carry the frames: every timer of the code under test (timeouts, idle grace,
 * reconnect delays, pings, heartbeat watchdogs) then fires at {@link ManualClock.advance}, never on its own,
 * so a loaded machine cannot make a deadline pass early or late.
 *
 * @example
 * const clock = new ManualClock();
 * const client = createClient({ url, scheduler: clock });
 * const failed = firstValueFrom(client.api.get_status(undefined, { timeout: 50 })).catch((e) => e);
 * await server.request(1); // the request is out: now let its timeout pass
 * clock.advance(50);
 */
export class ManualClock extends VirtualTimeScheduler {
  constructor() {
    super(VirtualAction, 0);
  }

  /** Moves time forward by `ms`, running every action due by then in time order (also those they schedule). */
  advance(ms: number): void {
    const target = this.now() + ms;
    this.maxFrames = target;
    this.flush();
    this.frame = target;
  }

  /** The number of timers waiting for a later {@link ManualClock.advance}. */
  get pending(): number {
    return this.actions.length;
  }
}
