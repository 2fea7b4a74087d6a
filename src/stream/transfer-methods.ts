import type { SchedulerLike } from 'rxjs';
import type { CallAction } from '../action/types';
import type { Logger, SocketOpen } from '../transport/types';

/** NapCat Stream API transfers on the client. (Stub: filled in by the Stream API work.) */
export interface TransferMethods {}

/** What the transfer methods are built from. */
export interface TransferDeps {
  /** The call primitive (validated, correlated, multi-frame aware). */
  readonly call: CallAction;
  /** The open socket, if any (for pausing reads while disk writes lag). */
  readonly socket: () => SocketOpen | undefined;
  readonly scheduler: SchedulerLike;
  readonly logger: Logger;
  readonly defaultTimeout: number;
}

/** Builds the client's Stream API methods. */
export function bindTransferMethods(_deps: TransferDeps): TransferMethods {
  return {};
}
