/**
 * The text frames an HTTP API exchange turns into: the request frame taken apart, and HTTP answers put back
 * together as the reply frames a WebSocket would have carried.
 */
import { isRecord } from '../is-record';

/** A request frame `{ action, params, echo }` taken apart; `params` is the exact JSON text of the params. */
export interface HttpRequestParts {
  readonly action: string;
  readonly params: string;
  readonly echo: unknown;
}

/** Retcode of the reply synthesised for HTTP 404 (NapCat's "unknown action"). */
export const UNKNOWN_ACTION_RETCODE = 1404;

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes a request frame apart. The params keep their exact text (64-bit IDs are written as bare integers,
 * which a parse would round); `undefined` for a frame that is not a request.
 *
 * @example
 * requestParts('{"action":"get_status","params":{},"echo":"a:1"}') // { action: 'get_status', params: '{}', echo: 'a:1' }
 */
export function requestParts(text: string): HttpRequestParts | undefined {
  const frame = parseObject(text);
  if (frame === undefined || typeof frame.action !== 'string') return undefined;
  const { action, echo } = frame;
  const head = `{"action":${JSON.stringify(action)},"params":`;
  const tail = echo === undefined ? '}' : `,"echo":${JSON.stringify(echo)}}`;
  const exact = text.startsWith(head) && text.endsWith(tail) && text.length > head.length + tail.length;
  const params = exact ? text.slice(head.length, text.length - tail.length) : JSON.stringify(frame.params ?? {});
  return { action, params, echo };
}

/** A failed reply frame with this retcode and message, carrying `echo` (none when `undefined`). */
export function failedReply(retcode: number, message: string, echo: unknown): string {
  return JSON.stringify({ status: 'failed', retcode, data: null, message, wording: message, echo });
}

/**
 * The reply frame for an HTTP API answer: a 2xx JSON object gets `echo` appended to its own text (so 64-bit
 * IDs keep their digits); a 2xx with an empty body or the JSON `null` (servers answer both for actions that
 * return nothing) is the same `ok` reply with `data: null`; anything else is a failed reply whose retcode is
 * the HTTP status (1404 for 404).
 *
 * @example
 * replyFrame(200, '{"status":"ok","retcode":0,"data":1}', 'a:1') // '{"status":"ok","retcode":0,"data":1,"echo":"a:1"}'
 */
export function replyFrame(status: number, body: string, echo: unknown): string {
  const json = parseObject(body);
  if (status >= 200 && status < 300) {
    if (isNothing(body)) return JSON.stringify({ status: 'ok', retcode: 0, data: null, echo });
    if (json === undefined) return failedReply(status, `the HTTP API answered ${status} with a body that is not a JSON object`, echo);
    return withEcho(body, Object.keys(json).length === 0, echo);
  }
  const retcode = status === 404 ? UNKNOWN_ACTION_RETCODE : status;
  return failedReply(retcode, messageOf(json) ?? `the HTTP API answered ${status}`, echo);
}

/** An answer that carries nothing: an empty (or blank) body, or the JSON `null`. */
function isNothing(body: string): boolean {
  const trimmed = body.trim();
  return trimmed === '' || trimmed === 'null';
}

function withEcho(body: string, empty: boolean, echo: unknown): string {
  const trimmed = body.trimEnd();
  const open = trimmed.slice(0, -1);
  return `${open}${empty ? '' : ','}"echo":${JSON.stringify(echo ?? null)}}`;
}

function messageOf(json: Record<string, unknown> | undefined): string | undefined {
  const message = json?.message ?? json?.msg ?? json?.wording;
  return typeof message === 'string' && message !== '' ? message : undefined;
}
