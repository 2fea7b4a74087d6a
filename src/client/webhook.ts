/**
 * The public webhook receiver: the transport's HTTP handler with the client's frame decoder, so a POST is
 * decoded once, emitted on `events$`, and answered with the quick operation `respond` chooses.
 */
import { type Observable, Subject } from 'rxjs';
import type { OneBotEvent, UnknownEvent } from '../codec/event';
import { decodeFrame } from '../codec/frame';
import { type QuickAnswer, type WebhookRequest, type WebhookResponse, registerTexts, webhookHandler } from '../transport/webhook-receiver';
import { type WebhookListen, isWebhookReceiver } from '../transport/webhook-server';

/** Options of {@link createWebhook}. */
export interface WebhookReceiverOptions {
  /** HMAC-SHA1 secret; when set, POSTs need `X-Signature: sha1=<hex>` over the raw body. */
  secret?: string;
  /** Chooses the quick operation for an event (none: 204). */
  respond?: (event: OneBotEvent | UnknownEvent) => QuickAnswer;
  /** Largest accepted body in bytes (default 16 MiB; bigger ones get 413). */
  maxBody?: number;
}


/** A webhook receiver: mount `handler` in any Node `http` server; `events$` carries the decoded events. */
export interface WebhookReceiver {
  /**
   * A `(req, res)` handler for `http.createServer` or express (mount it before any body parser).
   *
   * @example
   * http.createServer(receiver.handler).listen(8081, '127.0.0.1');
   */
  readonly handler: (req: WebhookRequest, res: WebhookResponse) => void;
  /** Every accepted known event, hot. */
  readonly events$: Observable<OneBotEvent>;
}

/** Where a client's own webhook receiver listens (`createClient({ url: 'http://…', webhook })`). */
export interface WebhookOptions extends WebhookReceiverOptions, WebhookListen {}

/**
 * Creates a webhook receiver for OneBot 11 HTTP POST events.
 *
 * With a `secret`, a POST without `X-Signature` gets 401 and a wrong one 403 (compared in constant time over
 * the raw body bytes). A body that is not an event gets 400. An accepted event is emitted on `events$`, then
 * `respond` (if any) chooses the answer: 200 with the quick operation's JSON, or 204 when there is none.
 *
 * @example
 * const receiver = createWebhook({ secret, respond: (e) => (e.post_type === 'message' ? { reply: 'hi' } : undefined) });
 * http.createServer(receiver.handler).listen(8081, '127.0.0.1');
 * receiver.events$.subscribe((event) => console.log(event.post_type));
 */
export function createWebhook(options: WebhookReceiverOptions = {}): WebhookReceiver {
  const events = new Subject<OneBotEvent>();
  const raw = new Subject<string>();
  const { respond } = options;
  const handler = webhookHandler({
    secret: options.secret,
    maxBody: options.maxBody,
    accept: (text) => {
      const frame = decodeFrame(text);
      if (frame instanceof Error || frame.kind === 'reply') return false;
      if (frame.kind === 'event') events.next(frame.event);
      raw.next(text);
      return () => respond?.(frame.event);
    },
  });
  const receiver: WebhookReceiver = { handler, events$: events.asObservable() };
  registerTexts(receiver, raw.asObservable());
  return receiver;
}

/** A receiver for `webhook` options (made once per client), or the receiver given. */
export function receiverFor(webhook: WebhookOptions | WebhookReceiver): WebhookReceiver {
  return isWebhookReceiver(webhook) ? webhook : createWebhook(webhook);
}
