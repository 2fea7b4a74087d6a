/**
 * A Node `http` server around a webhook receiver, open while subscribed.
 */
import { createServer } from 'node:http';
import { Observable } from 'rxjs';
import { DisconnectedError } from '../errors';
import { type WebhookEndpoint, webhookTexts } from './webhook-receiver';

/** Where a webhook server listens. */
export interface WebhookListen {
  /** TCP port (0: one the OS picks). */
  port: number;
  /** Interface to listen on (default `127.0.0.1`). */
  host?: string;
  /** Path the events are POSTed to (default `/`); other paths get 404. */
  path?: string;
}

/** Whether `webhook` is an existing receiver rather than the options of a new one. */
export function isWebhookReceiver<R extends WebhookEndpoint>(webhook: WebhookListen | R): webhook is R {
  return typeof (webhook as Partial<WebhookEndpoint>).handler === 'function';
}

/** The raw event texts of a receiver made by `createWebhook` (a `TypeError` for any other object). */
export function receiverTexts(receiver: WebhookEndpoint): Observable<string> {
  const texts = webhookTexts(receiver);
  if (texts === undefined) throw new TypeError('webhook: pass a receiver made by createWebhook()');
  return texts;
}

function samePath(url: string | undefined, path: string): boolean {
  const pathname = new URL(url ?? '/', 'http://onebot.invalid').pathname;
  return pathname.replace(/\/+$/, '') === path.replace(/\/+$/, '');
}

/**
 * The event texts POSTed to a webhook server that listens while subscribed. Listening starts on subscribe;
 * failing to listen errors with `DisconnectedError`; unsubscribing closes the server (`onRelease` receives a
 * Promise that settles once it is closed).
 *
 * @example
 * serveWebhook({ port: 8081, secret }, createWebhook({ secret })).subscribe((text) => console.log(text)); // createWebhook: client/webhook.ts
 */
export function serveWebhook(
  options: WebhookListen,
  receiver: WebhookEndpoint,
  onRelease?: (closed: Promise<void>) => void,
): Observable<string> {
  const host = options.host ?? '127.0.0.1';
  const path = options.path ?? '/';
  return new Observable<string>((subscriber) => {
    const server = createServer((req, res) => {
      if (samePath(req.url, path)) receiver.handler(req, res);
      else {
        res.writeHead(404).end();
        req.resume();
      }
    });
    const texts = receiverTexts(receiver).subscribe(subscriber);
    server.once('error', (error) => {
      subscriber.error(
        new DisconnectedError(`the webhook server could not listen on ${host}:${options.port}: ${error.message}`, { cause: error }),
      );
    });
    server.listen(options.port, host);
    return () => {
      texts.unsubscribe();
      server.closeAllConnections();
      onRelease?.(new Promise<void>((resolve) => server.close(() => resolve())));
    };
  });
}
