/**
 * The io-ts codec of a message parameter, apart from `message.ts` (which a browser page's first chunk holds
 * without io-ts): the catalogue's send actions check their `message` with it.
 */
import * as t from 'io-ts';
import { Segment, SegmentArray } from '../codec/segment';
import { type Message, toSegments } from './message';

function isMessage(u: unknown): u is Message {
  return typeof u === 'string' || SegmentArray.is(u) || Segment.is(u);
}

/**
 * Params codec of a message: accepts a {@link Message} and writes a segment array ({@link toSegments}).
 * Anything else fails with the path of the offending segment or field.
 *
 * @example
 * MessageParam.encode('hi'); // [{ type: 'text', data: { text: 'hi' } }]
 */
export const MessageParam = /*#__PURE__*/ new t.Type<Message, Segment[], unknown>(
  'Message',
  isMessage,
  (u, c) => {
    if (isMessage(u)) return t.success(u);
    if (Array.isArray(u)) return SegmentArray.validate(u, c);
    if (typeof u === 'object' && u !== null) return Segment.validate(u, c);
    return t.failure(u, c, 'a message must be a string, a segment { type, data }, or an array of segments');
  },
  toSegments,
);
