import type * as t from 'io-ts';
import type { Id } from '../id';
import type { GuildMessageEvent, MessageEvent, MessageSentEvent } from './message';
import type { MetaEvent } from './meta';
import type { NoticeEvent } from './notice';
import type { RequestEvent } from './request';

/**
 * Every event a codec knows: a discriminated union on `post_type`, then the level-2 key (`message_type |
 * notice_type | request_type | meta_event_type`), then `sub_type`, all literal types.
 *
 * @example
 * type Poke = Extract<OneBotEvent, { notice_type: 'notify'; sub_type: 'poke' }>; // PokeNotify
 */
export type OneBotEvent =
  | MessageEvent
  | GuildMessageEvent
  | MessageSentEvent
  | NoticeEvent
  | RequestEvent
  | MetaEvent;

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
