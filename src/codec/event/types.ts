import type * as t from 'io-ts';
import type { Id } from '../id';
import type { OneBotEvent } from './unions';

/**
 * A well-formed event no codec knows (a new post, notice, request or meta type, or an unknown sub-type),
 * with all its fields as received.
 */
export interface UnknownEvent {
  post_type: string;
  /** Unix time in seconds, when present. */
  time?: number;
  /** The bot's own QQ number, when present. */
  self_id?: Id;
  [key: string]: unknown;
}

/**
 * The codec of one known event, as `eventCodecFor` returns it: `.is()` on the hot path, `.decode()`
 * only to explain a failure (it never transforms, so a success returns the same object).
 */
export interface EventCodec extends t.Decoder<unknown, OneBotEvent> {
  is(u: unknown): u is OneBotEvent;
}
