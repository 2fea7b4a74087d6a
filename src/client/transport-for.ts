import type { SchedulerLike } from 'rxjs';
import { openSocket } from '../transport/open-socket';
import type { Logger } from '../transport/types';
import type { OpenTransport } from './connection';
import { CLIENT_DEFAULTS, type ClientOptions } from './options';

/** Picks the transport `createClient` options ask for (forward WebSocket for a `ws://` / `wss://` url). */
export function transportFor(options: ClientOptions, scheduler: SchedulerLike, logger: Logger): OpenTransport {
  const socket = {
    url: options.url,
    ...(options.accessToken === undefined ? {} : { accessToken: options.accessToken }),
    ...(options.tokenIn === undefined ? {} : { tokenIn: options.tokenIn }),
    ...(options.WebSocket === undefined ? {} : { WebSocket: options.WebSocket }),
    pingInterval: options.pingInterval ?? CLIENT_DEFAULTS.pingInterval,
    maxPayload: options.maxPayload ?? CLIENT_DEFAULTS.maxPayload,
    scheduler,
    logger,
  };
  return (generation, onRelease) => openSocket({ ...socket, generation, onRelease });
}
