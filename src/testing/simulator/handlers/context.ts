import type { EventFactories, SimEvent } from '../events';
import type { Params } from '../params';
import type { Transfers } from '../transfers';
import type { World } from '../world';

/** What a handler may use: the world, the clock, and a queue of events written after its reply. */
export interface HandlerContext {
  readonly world: World;
  /** The simulator's clock in Unix seconds. */
  now(): number;
  readonly events: EventFactories;
  /** Queues an event; the simulator writes it to every client right after the reply. */
  emit(event: SimEvent): void;
  /** Emit `message_sent` events for the account's own sends. */
  readonly messageSent: boolean;
  /** The `data` answered by `get_version_info` (the simulated backend's). */
  readonly versionInfo: Readonly<Record<string, unknown>>;
  /** `http://host:port` of the simulator, for file URLs it serves. */
  readonly httpBase: string;
  /** Stream API uploads, temp files and one-shot transfer faults. */
  readonly transfers: Transfers;
}

/**
 * What a Stream API handler returns: the `data` of each frame in order (all `stream: 'stream-action'`), an
 * optional terminal error frame, and optionally `rest`: further packets produced one at a time after
 * `packets` (a large download), so that only the frame being written is in memory. A failure while
 * producing `rest` ends the reply with a 1200 error frame.
 */
export class StreamAnswer {
  constructor(
    readonly packets: readonly object[],
    readonly error?: { retcode: number; message: string },
    readonly rest?: AsyncIterable<object>,
  ) {}
}

/** One action handler: returns the reply's `data`; throws `ParamError` for 1400, anything else for 1200. */
export type Handler = (params: Params, ctx: HandlerContext) => unknown;

/** A themed table of handlers, keyed by action name. */
export type HandlerTable = Readonly<Record<string, Handler>>;
