import type { SchedulerLike } from 'rxjs';
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

/** The HTTP API transport, with events from the client's webhook (a server it runs, or a given receiver). */
function httpTransport(url: string, options: ClientOptions, logger: Logger): OpenTransport {
  const { webhook } = options;
  const receiver = webhook === undefined ? undefined : receiverFor(webhook);
  const token = options.accessToken === undefined ? {} : { accessToken: options.accessToken };
  return (generation, onRelease) => {
    const events$ =
      webhook === undefined || receiver === undefined
        ? undefined
        : isWebhookReceiver(webhook)
          ? receiverTexts(receiver)
          : serveWebhook(webhook, receiver, onRelease);
    return openHttpApi({ url, ...token, generation, onRelease, logger, ...(events$ === undefined ? {} : { events$ }) });
  };
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
