import type * as t from 'io-ts';
import { isLeft } from 'fp-ts/lib/Either.js';
import type { ActionDef } from 'onebot-rx';
import type { CatalogueRows } from './catalogue';
import { failedFrame, okFrame, RETCODE, streamErrorFrame, streamFrame, type ResponseFrame } from './frames';
import { StreamAnswer, type Handler, type HandlerContext, type HandlerTable } from './handlers';
import { ParamError, type Params } from './params';
import { sampleOf } from './sample';
import type { ReplyFrames } from './send-frames';

/** A parsed action request. */
export interface ActionRequest {
  action: string;
  params: Params;
  /** The echo exactly as received (`undefined` when absent). */
  echo: unknown;
}

/** Parses a request frame; a frame that is not a JSON object is answered with retcode 1400 and echo null. */
export function parseRequest(text: string): { request: ActionRequest } | { reply: ResponseFrame } {
  let frame: unknown;
  try {
    frame = JSON.parse(text);
  } catch {
    return { reply: failedFrame(RETCODE.badParams, 'request is not valid JSON', null) };
  }
  if (typeof frame !== 'object' || frame === null) {
    return { reply: failedFrame(RETCODE.badParams, 'request is not a JSON object', null) };
  }
  const { action, params, echo } = frame as Record<string, unknown>;
  const isObject = typeof params === 'object' && params !== null && !Array.isArray(params);
  return { request: { action: String(action ?? ''), params: isObject ? (params as Params) : {}, echo } };
}

const SUFFIXES = ['_async', '_rate_limited'] as const;

/** The name a request maps to: NapCat answers `<name>_async` / `<name>_rate_limited` with `<name>`. */
export function resolveName(action: string, known: (name: string) => boolean): string | undefined {
  if (known(action)) return action;
  const suffix = SUFFIXES.find((s) => action.endsWith(s));
  const plain = suffix === undefined ? undefined : action.slice(0, -suffix.length);
  return plain !== undefined && known(plain) ? plain : undefined;
}

function describeErrors(errors: t.Errors): string {
  return errors
    .map((e) => {
      const path = e.context
        .map((c) => c.key)
        .filter((k) => k !== '')
        .join('.');
      const expected = e.context[e.context.length - 1]?.type.name ?? 'value';
      return `Key: ${path || '(root)'}, Message: ${e.message ?? `Expected ${expected}`}`;
    })
    .join('\n');
}

/** A handler that checks params against a catalogue row and answers a sample of its result codec. */
export function sampledHandler(row: ActionDef): Handler {
  return (params) => {
    const decoded = row.params.decode(params);
    if (isLeft(decoded)) throw new ParamError(describeErrors(decoded.left));
    return sampleOf(row.result);
  };
}

/** Where a request is answered from: a stateful handler first, then a catalogue sample. */
export interface Answerers {
  handlers: HandlerTable;
  catalogue: CatalogueRows;
}

/** The handler answering `action`, if any (with the `_async` / `_rate_limited` suffixes mapped). */
export function handlerFor(action: string, { handlers, catalogue }: Answerers): Handler | undefined {
  const known = (name: string): boolean => Object.hasOwn(handlers, name) || Object.hasOwn(catalogue, name);
  const name = resolveName(action, known);
  if (name === undefined) return undefined;
  const handler = handlers[name];
  if (handler) return handler;
  const row = catalogue[name];
  return row ? sampledHandler(row) : undefined;
}

function streamFrames(answer: StreamAnswer, echo: unknown): ReplyFrames {
  if (answer.rest !== undefined) return lazyStreamFrames(answer, answer.rest, echo);
  const frames = answer.packets.map((packet) => streamFrame(packet, echo));
  return answer.error ? [...frames, streamErrorFrame(answer.error.retcode, answer.error.message, echo)] : frames;
}

/** The frames of a Stream API answer with a lazy `rest`, produced as they are pulled. */
async function* lazyStreamFrames(answer: StreamAnswer, rest: AsyncIterable<object>, echo: unknown): AsyncGenerator<ResponseFrame> {
  for (const packet of answer.packets) yield streamFrame(packet, echo);
  try {
    for await (const packet of rest) yield streamFrame(packet, echo);
  } catch (error) {
    yield streamErrorFrame(RETCODE.failed, error instanceof Error ? error.message : String(error), echo);
    return;
  }
  if (answer.error) yield streamErrorFrame(answer.error.retcode, answer.error.message, echo);
}

/**
 * Answers one request like NapCat: `ok / 0 / data`, 1400 for params, 1200 when the handler throws, 1404 for
 * an unknown action; Stream API handlers answer several `stream-action` frames (produced lazily for downloads).
 * NapCat echoes `''` for handled requests without an echo and `null` for unknown actions.
 */
export async function answer(request: ActionRequest, answerers: Answerers, ctx: HandlerContext): Promise<ReplyFrames> {
  const handler = handlerFor(request.action, answerers);
  if (!handler) {
    return [failedFrame(RETCODE.unknownAction, `不支持的API ${request.action}`, request.echo ?? null)];
  }
  const echo = request.echo ?? '';
  try {
    const data = await handler(request.params, ctx);
    if (data instanceof StreamAnswer) return streamFrames(data, echo);
    return [okFrame(data === undefined ? null : data, echo)];
  } catch (error) {
    if (error instanceof ParamError) return [failedFrame(RETCODE.badParams, error.message, echo)];
    return [failedFrame(RETCODE.failed, error instanceof Error ? error.message : String(error), echo)];
  }
}
