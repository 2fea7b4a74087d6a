import { ActionTimeoutError, DisconnectedError, InvalidParamsError, type RequestFailed, UnsupportedActionError } from 'onebot-rx';

/** The fields of a reply the gateway pushes (a failure's extra fields: see `failureOutcome` in gateway-actions). */
interface GatewayReply {
  readonly post_type?: unknown;
  readonly status?: unknown;
  readonly retcode?: unknown;
  readonly wording?: unknown;
  readonly message?: unknown;
  readonly echo?: unknown;
  readonly action?: unknown;
  readonly sent?: unknown;
  readonly timeout?: unknown;
  readonly report?: unknown;
  readonly backend?: unknown;
  readonly param?: unknown;
}

const text = (value: unknown, otherwise = ''): string => (typeof value === 'string' ? value : otherwise);

/** The typed error a worker raises for each gateway-side failure, by the error name in the reply's `wording`. */
const TYPED: Readonly<Record<string, (r: GatewayReply) => Error>> = {
  ActionTimeoutError: (r) => new ActionTimeoutError(text(r.action), Number(r.timeout) || 0, r.sent !== false),
  DisconnectedError: (r) => new DisconnectedError(text(r.message, "the gateway's connection dropped"), { action: text(r.action), sent: r.sent === true }),
  InvalidParamsError: (r) => new InvalidParamsError(text(r.action), undefined, text(r.report, text(r.message))),
  UnsupportedActionError: (r) => new UnsupportedActionError(text(r.action), text(r.backend, "the gateway's backend"), typeof r.param === 'string' ? r.param : undefined),
};

/** What a worker does with one text of its reply stream: hand it to the client (as is, or as a typed failure), or drop it. */
export type ReplyListItem = { readonly pass: string | RequestFailed } | { readonly drop: string };

/**
 * Reads one text of a worker's reply stream. Only replies to this worker's calls belong there: an event frame
 * (it would be handled outside any partition, unacknowledged) and a reply without an echo (the client takes
 * an echo-less 1403 as a fatal auth failure) are dropped. A gateway-side failure that names a typed call error
 * (`ActionTimeoutError`, `DisconnectedError`, `InvalidParamsError`, `UnsupportedActionError`) becomes a
 * `RequestFailed` carrying that error, so the worker's call fails as it would in one process. Anything else
 * (undecodable text included: the client reports it on `errors$`) passes as it is.
 */
export function readReply(raw: string): ReplyListItem {
  let frame: unknown;
  try {
    frame = JSON.parse(raw);
  } catch {
    return { pass: raw };
  }
  if (typeof frame !== 'object' || frame === null || Array.isArray(frame)) return { pass: raw };
  const reply = frame as GatewayReply;
  if (typeof reply.post_type === 'string') return { drop: 'an event frame' };
  if (typeof reply.echo !== 'string' || reply.echo === '') return { drop: 'a reply without an echo' };
  const name = text(reply.wording);
  if (reply.status !== 'failed' || typeof reply.retcode !== 'number' || reply.retcode >= 0 || !Object.hasOwn(TYPED, name)) return { pass: raw };
  return { pass: { type: 'failed', echo: reply.echo, error: TYPED[name]!(reply), relayed: true } };
}
