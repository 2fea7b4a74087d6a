import type { Observable, SchedulerLike } from 'rxjs';
import { openHttpApi } from '../transport/http-api';
import { openSocket } from '../transport/open-socket';
import { openSplitSocket } from '../transport/split-socket';
import type { Logger } from '../logger';
import type { OpenTransport, SocketOptions } from '../transport/types';
import { isWebhookReceiver, receiverTexts, serveWebhook } from '../transport/webhook-server';
import { receiverFor } from './webhook';
import { CLIENT_DEFAULTS, type ClientOptions } from './options';

const isHttp = (url: string): boolean => /^https?:\/\//i.test(url);

/** The forward WebSocket options `createClient` options imply (everything but the URL). */
function socketOptions(options: ClientOptions, scheduler: SchedulerLike, logger: Logger): Omit<SocketOptions, 'url'> {
  return {
    ...(options.accessToken === undefined ? {} : { accessToken: options.accessToken }),
    ...(options.tokenIn === undefined ? {} : { tokenIn: options.tokenIn }),
    ...(options.WebSocket === undefined ? {} : { WebSocket: options.WebSocket }),
    pingInterval: options.pingInterval ?? CLIENT_DEFAULTS.pingInterval,
    maxPayload: options.maxPayload ?? CLIENT_DEFAULTS.maxPayload,
    scheduler,
    logger,
  };
}

/** The HTTP API transport (actions only: its events come from {@link webhookFor}, which outlives its sessions). */
function httpTransport(url: string, options: ClientOptions, logger: Logger): OpenTransport {
  const token = options.accessToken === undefined ? {} : { accessToken: options.accessToken };
  return (generation, onRelease) => openHttpApi({ url, ...token, generation, onRelease, logger });
}

/**
 * The event texts of an HTTP client's `webhook` (a server it runs, or a given receiver), made once per client.
 * The connection listens to them while it is live, across HTTP API sessions: a server that restarts or is
 * unreachable never closes the webhook, so events POSTed meanwhile are still delivered. `undefined` when the
 * client has no webhook or is not an HTTP client.
 *
 * @example
 * webhookFor({ url: 'http://127.0.0.1:3000', webhook: { port: 8081 } })?.(() => undefined).subscribe(console.log)
 */
export function webhookFor(options: ClientOptions): ((onRelease: (closed: Promise<void>) => void) => Observable<string>) | undefined {
  const { url, webhook } = options;
  if (webhook === undefined || typeof url !== 'string' || !isHttp(url)) return undefined;
  const receiver = receiverFor(webhook);
  return (onRelease) => (isWebhookReceiver(webhook) ? receiverTexts(receiver) : serveWebhook(webhook, receiver, onRelease));
}

/**
 * Picks the transport `createClient` options ask for: forward WebSocket for a `ws://` / `wss://` url, both
 * sockets of `{ api, event }` split endpoints, or the HTTP API (plus `webhook` events) for `http(s)://`.
 */
export function transportFor(options: ClientOptions, scheduler: SchedulerLike, logger: Logger): OpenTransport {
  const { url } = options;
  const socket = socketOptions(options, scheduler, logger);
  if (typeof url !== 'string') return (generation, onRelease) => openSplitSocket({ ...socket, urls: url, generation, onRelease });
  if (isHttp(url)) return httpTransport(url, options, logger);
  return (generation, onRelease) => openSocket({ ...socket, url, generation, onRelease });
}
