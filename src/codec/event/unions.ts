/**
 * The event unions, derived from the event codec tree (`tree.ts`): a leaf added to the tree joins its union,
 * and no union names an event the dispatcher cannot decode.
 */
import type * as t from 'io-ts';
import type { EVENT_CODECS } from './tree';

/** The events a branch of the codec tree decodes: the union of its leaves' types (their named interfaces). */
export type EventsOf<T> =
  T extends t.Decoder<unknown, infer A> ? A : T extends object ? { [K in keyof T]: EventsOf<T[K]> }[keyof T] : never;

type Tree = typeof EVENT_CODECS;

/** The level-2 keys of the go-cqhttp guild notices. */
type GuildNoticeType =
  | 'message_reactions_updated'
  | 'guild_channel_recall'
  | 'channel_updated'
  | 'channel_created'
  | 'channel_destroyed';

/** A message to the bot (`post_type: 'message'`): private or group. */
export type MessageEvent = EventsOf<Omit<Tree['message'], 'guild'>>;

/** A message the bot itself sent (`post_type: 'message_sent'`): private or group. */
export type MessageSentEvent = EventsOf<Tree['message_sent']>;

/** Every known `notice_type: 'notify'` event, told apart by `sub_type`. */
export type NotifyNotice = EventsOf<Tree['notice']['notify']>;

/** Every known go-cqhttp guild notice. */
export type GuildNotice = EventsOf<Pick<Tree['notice'], GuildNoticeType>>;

/** Every known notice (`post_type: 'notice'`), `notify` sub-types included. */
export type NoticeEvent = EventsOf<Tree['notice']>;

/** Every known request (`post_type: 'request'`). */
export type RequestEvent = EventsOf<Tree['request']>;

/** Every known meta event (`post_type: 'meta_event'`). */
export type MetaEvent = EventsOf<Tree['meta_event']>;

/**
 * Every event a codec knows: a discriminated union on `post_type`, then the level-2 key (`message_type |
 * notice_type | request_type | meta_event_type`), then `sub_type`, all literal types.
 *
 * @example
 * type Poke = Extract<OneBotEvent, { notice_type: 'notify'; sub_type: 'poke' }>; // PokeNotify
 */
export type OneBotEvent = EventsOf<Tree>;
