/**
 * The HTTP POST receiver of OneBot 11 events: a Node `http` handler that checks signatures, decodes events and
 * answers quick operations.
 */
import { type Observable, Subject, firstValueFrom, isObservable } from 'rxjs';
import type { OneBotEvent, UnknownEvent } from '../codec/event';
import { decodeFrame } from '../codec/frame';
import { checkSignature } from './signature';

/** A quick operation answered to the event's POST (e.g. `{ reply: 'hi' }` for a message). */
export type QuickOperation = Readonly<Record<string, unknown>>;

/** What `respond` may return: nothing, a quick operation, a Promise of one, or an Observable (first value). */
export type QuickAnswer =
  | QuickOperation
  | null
  | undefined
  | void
  | PromiseLike<QuickOperation | null | undefined | void>
  | Observable<QuickOperation | null | undefined | void>;

/** Options of {@link createWebhook}. */
export interface WebhookReceiverOptions {
  /** HMAC-SHA1 secret; when set, POSTs need `X-Signature: sha1=<hex>` over the raw body. */
  secret?: string;
  /** Chooses the quick operation for an event (none: 204). */
  respond?: (event: OneBotEvent | UnknownEvent) => QuickAnswer;
  /** Largest accepted body in bytes (default 16 MiB; bigger ones get 413). */
  maxBody?: number;
}

/**
 * The part of Node's `http.IncomingMessage` a webhook handler reads. Declared here so the SDK's typings need
 * no `@types/node`; an `IncomingMessage` (or an express request) fits it.
 */
export interface WebhookRequest {
  readonly method?: string | undefined;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  on(event: 'data', listener: (chunk: Uint8Array) => void): unknown;
  once(event: 'end' | 'error', listener: () => void): unknown;
  resume(): unknown;
}

/** The part of Node's `http.ServerResponse` a webhook handler writes; a `ServerResponse` fits it. */
export interface WebhookResponse {
  writeHead(status: number, headers?: Record<string, string>): { end(body?: string): unknown };
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

const DEFAULT_MAX_BODY = 16 * 1024 * 1024;

/** The raw text of every accepted event, per receiver (what a client built on the receiver decodes). */
const texts = new WeakMap<WebhookReceiver, Observable<string>>();

/** The raw text of every event `receiver` accepts; `undefined` for an object {@link createWebhook} did not make. */
export function webhookTexts(receiver: WebhookReceiver): Observable<string> | undefined {
  return texts.get(receiver);
}

function readBody(req: WebhookRequest, limit: number, done: (body: Buffer | undefined) => void): void {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let finished = false;
  const finish = (body: Buffer | undefined): void => {
    if (finished) return;
    finished = true;
    done(body);
  };
  req.on('data', (chunk) => {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
  });
  req.once('end', () => finish(size <= limit ? Buffer.concat(chunks) : undefined));
  req.once('error', () => finish(undefined));
}

async function quickOperationOf(answer: QuickAnswer): Promise<QuickOperation | undefined> {
  const value = isObservable(answer) ? await firstValueFrom(answer, { defaultValue: undefined }) : await answer;
  return value === null || value === undefined ? undefined : value;
}

function end(res: WebhookResponse, status: number, body?: string): void {
  if (body === undefined) res.writeHead(status).end();
  else res.writeHead(status, { 'Content-Type': 'application/json' }).end(body);
}

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
  const limit = options.maxBody ?? DEFAULT_MAX_BODY;

  const accept = (body: Buffer, res: WebhookResponse): void => {
    const text = body.toString('utf8');
    const frame = decodeFrame(text);
    if (frame instanceof Error || frame.kind === 'reply') {
      end(res, 400);
      return;
    }
    if (frame.kind === 'event') events.next(frame.event);
    raw.next(text);
    if (options.respond === undefined) {
      end(res, 204);
      return;
    }
    let answer: QuickAnswer;
    try {
      answer = options.respond(frame.event);
    } catch {
      end(res, 500);
      return;
    }
    quickOperationOf(answer).then(
      (operation) => (operation === undefined ? end(res, 204) : end(res, 200, JSON.stringify(operation))),
      () => end(res, 500),
    );
  };

  const handler = (req: WebhookRequest, res: WebhookResponse): void => {
    if (req.method !== 'POST') {
      res.writeHead(405, { Allow: 'POST' }).end();
      req.resume();
      return;
    }
    readBody(req, limit, (body) => {
      if (body === undefined) {
        end(res, 413);
        return;
      }
      const header = req.headers['x-signature'];
      const status = options.secret ? checkSignature(Array.isArray(header) ? header[0] : header, options.secret, body) : 200;
      if (status !== 200) end(res, status);
      else accept(body, res);
    });
  };

  const receiver: WebhookReceiver = { handler, events$: events.asObservable() };
  texts.set(receiver, raw.asObservable());
  return receiver;
}
