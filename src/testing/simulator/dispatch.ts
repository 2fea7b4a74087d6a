import type * as t from 'io-ts';
import { isLeft } from 'fp-ts/lib/Either.js';
import type { ActionDef } from 'onebot-rx';
import type { CatalogueRows } from './catalogue';
import { failedFrame, okFrame, RETCODE, streamErrorFrame, streamFrame, type ResponseFrame } from './frames';
import { StreamAnswer, type Handler, type HandlerContext, type HandlerTable } from './handlers';
import { ParamError, type Params } from './params';
import { personaOf, type Persona } from './personas';
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

/** Whether the simulator has an answer for a handler name: a stateful handler or a catalogue row. */
export function knownTo({ handlers, catalogue }: Answerers): (name: string) => boolean {
  return (name) => Object.hasOwn(handlers, name) || Object.hasOwn(catalogue, name);
}

/** The handler answering a routed name; a name the backend routes but nothing answers gets `null` data. */
export function handlerFor(name: string, { handlers, catalogue }: Answerers): Handler {
  const handler = Object.hasOwn(handlers, name) ? handlers[name] : undefined;
  if (handler) return handler;
  const row = Object.hasOwn(catalogue, name) ? catalogue[name] : undefined;
  return row ? sampledHandler(row) : () => null;
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
 * Answers one request as `persona` does (NapCat by default: `ok / 0 / data`, 1400 for params, 1200 when the
 * handler throws, 1404 for an unknown action); Stream API handlers answer several `stream-action` frames
 * (produced lazily for downloads). The frames keep NapCat's fields; the persona's `wire` shapes them when
 * they are written.
 */
export async function answer(
  request: ActionRequest,
  answerers: Answerers,
  ctx: HandlerContext,
  persona: Persona = personaOf('napcat'),
): Promise<ReplyFrames> {
  const routed = persona.route(request.action, request.params, knownTo(answerers));
  if (!routed) {
    const { message, wording } = persona.unknownAction(request.action);
    return [failedFrame(persona.retcodes.unknownAction, message, persona.echo(request.echo, false), wording)];
  }
  const echo = persona.echo(request.echo, true);
  const fail = (retcode: number, cause: string): ReplyFrames => {
    const { message, wording } = persona.failure(cause);
    return [failedFrame(retcode, message, echo, wording)];
  };
  try {
    const data = await handlerFor(routed.name, answerers)(routed.params, ctx);
    if (data instanceof StreamAnswer) return streamFrames(data, echo);
    return [okFrame(data === undefined ? null : data, echo)];
  } catch (error) {
    if (error instanceof ParamError) return fail(persona.retcodes.badParams, error.message);
    return fail(persona.retcodes.failed, error instanceof Error ? error.message : String(error));
  }
}
