import { DecodeError, ProtocolError } from '../errors';
import { parse as parseCq } from './cq-code';
import type { Segment } from './segment';
import { eventCodecFor, type OneBotEvent, type UnknownEvent } from './event';
import { mayHoldUnsafeInteger, parseLossless } from './lossless-json';
import { explain } from './report';
import { isRecord } from '../is-record';

/** A reply frame to an action, as the server sent it (NapCat, go-cqhttp and Lagrange fields). */
export interface ActionReply {
  readonly status: string;
  readonly retcode: number;
  readonly data: unknown;
  readonly message?: string;
  /** go-cqhttp's name for `message`. */
  readonly msg?: string;
  readonly wording?: string;
  readonly echo?: unknown;
  /** NapCat: `normal-action` or `stream-action`. */
  readonly stream?: string;
}

/** A known event, decoded and typed; `text` is the raw frame (for recordings: `recordFrames`). */
export interface EventFrame {
  readonly kind: 'event';
  readonly event: OneBotEvent;
  readonly text: string;
}

/** A well-formed event no codec knows (a new post, notice, request or meta type), fields intact, and its raw text. */
export interface UnknownEventFrame {
  readonly kind: 'unknown-event';
  readonly event: UnknownEvent;
  readonly text: string;
}

/** A reply to an action; `text` is the raw frame, kept to re-read 64-bit IDs losslessly when needed. */
export interface ReplyFrame {
  readonly kind: 'reply';
  readonly reply: ActionReply;
  readonly text: string;
}

/** Every decoded inbound frame. */
export type InboundFrame = EventFrame | UnknownEventFrame | ReplyFrame;

/** What decoding one text frame gives: a frame, or the error that explains why it is not one. */
export type DecodeResult = InboundFrame | DecodeError | ProtocolError;

const MESSAGE_POSTS: Readonly<Record<string, true>> = { message: true, message_sent: true };

/** Replaces a CQ-string `message` (string-format backends) by its segments; `raw_message` keeps the text. */
function normaliseMessage(event: Record<string, unknown>): void {
  if (MESSAGE_POSTS[event.post_type as string] === true && typeof event.message === 'string') {
    (event as { message: Segment[] }).message = parseCq(event.message);
  }
}

function decodeEvent(frame: Record<string, unknown>, text: string): DecodeResult {
  const codec = eventCodecFor(frame);
  if (codec === undefined) return unknownEvent(frame, text);
  if (codec.is(frame)) {
    normaliseMessage(frame);
    return { kind: 'event', event: frame as OneBotEvent, text };
  }
  if (mayHoldUnsafeInteger(text)) {
    const lossless = parseLossless(text);
    if (isRecord(lossless) && codec.is(lossless)) {
      normaliseMessage(lossless);
      return { kind: 'event', event: lossless as OneBotEvent, text };
    }
  }
  return new DecodeError(text, explain(codec, frame));
}

/** An event no codec knows, with 64-bit integers kept as exact digit strings like known events' IDs. */
function unknownEvent(frame: Record<string, unknown>, text: string): UnknownEventFrame {
  if (!mayHoldUnsafeInteger(text)) return { kind: 'unknown-event', event: frame as UnknownEvent, text };
  const lossless = parseLossless(text);
  return { kind: 'unknown-event', event: (isRecord(lossless) ? lossless : frame) as UnknownEvent, text };
}


/**
 * Decodes one inbound text frame: JSON, then event (dispatched on its discriminants, checked with `.is()`)
 * or action reply. Never throws: a frame that is not valid returns a `DecodeError` (bad JSON, fields of the
 * wrong type) or a `ProtocolError` (neither event nor reply).
 */
export function decodeFrame(text: string): DecodeResult {
  let frame: unknown;
  try {
    frame = JSON.parse(text);
  } catch (e) {
    return new DecodeError(text, `invalid JSON: ${(e as Error).message}`);
  }
  if (!isRecord(frame)) return new ProtocolError('a frame that is not a JSON object', { raw: text });
  if (typeof frame.post_type === 'string') return decodeEvent(frame, text);
  if (typeof frame.retcode === 'number' || typeof frame.status === 'string' || 'echo' in frame) {
    if (typeof frame.retcode !== 'number' && typeof frame.status !== 'string') {
      return new DecodeError(text, 'reply: expected a numeric retcode or a status');
    }
    return { kind: 'reply', reply: frame as unknown as ActionReply, text };
  }
  return new ProtocolError('a frame that is neither an event nor an action reply', { raw: text });
}
