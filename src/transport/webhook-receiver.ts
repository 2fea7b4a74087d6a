/**
 * The HTTP POST receiver of OneBot 11 events, as a transport: a Node `http` handler that reads the body,
 * checks its signature, hands the text on and answers what it is told. It decodes nothing (the client does:
 * `client/webhook.ts`).
 */
import { type Observable, firstValueFrom, isObservable } from 'rxjs';
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

/** Anything that serves webhook POSTs: a `(req, res)` handler (a `WebhookReceiver` is one). */
export interface WebhookEndpoint {
  readonly handler: (req: WebhookRequest, res: WebhookResponse) => void;
}

const DEFAULT_MAX_BODY = 16 * 1024 * 1024;

/** The raw text of every accepted event, per receiver (what a client built on the receiver decodes). */
const texts = new WeakMap<WebhookEndpoint, Observable<string>>();

/** The raw text of every event `receiver` accepts; `undefined` for an object `createWebhook` did not make. */
export function webhookTexts(receiver: WebhookEndpoint): Observable<string> | undefined {
  return texts.get(receiver);
}

/** Records the raw texts of a receiver (by `createWebhook`), for {@link webhookTexts}. */
export function registerTexts(receiver: WebhookEndpoint, raw: Observable<string>): void {
  texts.set(receiver, raw);
}

/**
 * What a webhook does with one accepted body (size and signature checked): `false` when it is not an event
 * (400), else a function that chooses the answer (none: 204).
 */
export type WebhookAccept = (text: string) => false | (() => QuickAnswer);

/** Settings of {@link webhookHandler}. */
export interface WebhookHandling {
  readonly secret?: string | undefined;
  readonly maxBody?: number | undefined;
  readonly accept: WebhookAccept;
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
 * A `(req, res)` handler for OneBot 11 HTTP POSTs: 405 for other methods, 413 over `maxBody`, 401/403 for a
 * missing or wrong signature (constant time, over the raw bytes), then `accept(text)` decides: 400, 204, or
 * 200 with the quick operation's JSON (500 when choosing it throws or rejects).
 */
export function webhookHandler(handling: WebhookHandling): (req: WebhookRequest, res: WebhookResponse) => void {
  const limit = handling.maxBody ?? DEFAULT_MAX_BODY;

  const accept = (body: Buffer, res: WebhookResponse): void => {
    const choose = handling.accept(body.toString('utf8'));
    if (choose === false) {
      end(res, 400);
      return;
    }
    let answer: QuickAnswer;
    try {
      answer = choose();
    } catch {
      end(res, 500);
      return;
    }
    quickOperationOf(answer).then(
      (operation) => (operation === undefined ? end(res, 204) : end(res, 200, JSON.stringify(operation))),
      () => end(res, 500),
    );
  };

  return (req, res) => {
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
      const status = handling.secret ? checkSignature(Array.isArray(header) ? header[0] : header, handling.secret, body) : 200;
      if (status !== 200) end(res, status);
      else accept(body, res);
    });
  };
}
