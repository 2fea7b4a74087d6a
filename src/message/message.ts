import * as t from 'io-ts';
import { Segment } from '../codec/segment';

/** PLACEHOLDER (to be replaced by the message work): what a caller may pass wherever a message goes. */
export type Message = string | Segment | Segment[];

/** Turns a {@link Message} into the segment array that goes on the wire. */
export function toSegments(message: Message): Segment[] {
  if (typeof message === 'string') return [{ type: 'text', data: { text: message } }];
  return Array.isArray(message) ? message : [message];
}

const isMessage = (u: unknown): u is Message =>
  typeof u === 'string' || Segment.is(u) || (Array.isArray(u) && u.every((s) => Segment.is(s)));

/** Params codec of a message: accepts a {@link Message}, writes a segment array. */
export const MessageParam = new t.Type<Message, Segment[], unknown>(
  'Message',
  isMessage,
  (u, c) => (isMessage(u) ? t.success(u) : t.failure(u, c, 'a string, a segment, or an array of segments')),
  toSegments,
);
