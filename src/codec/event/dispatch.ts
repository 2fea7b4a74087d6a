import * as t from 'io-ts';
import {
  ChannelCreatedNotice,
  ChannelDestroyedNotice,
  ChannelUpdatedNotice,
  GuildChannelRecallNotice,
  MessageReactionsUpdatedNotice,
} from './guild';
import {
  GroupMessageEvent,
  GroupMessageSentEvent,
  GroupMessageSubType,
  GuildMessageEvent,
  PrivateMessageEvent,
  PrivateMessageSentEvent,
  PrivateMessageSubType,
} from './message';
import { HeartbeatEvent, LifecycleEvent, LifecycleSubType } from './meta';
import {
  BotOfflineNotice,
  BotOnlineNotice,
  ClientStatusNotice,
  EssenceNotice,
  EssenceSubType,
  FriendAddNotice,
  FriendRecallNotice,
  GroupAdminNotice,
  GroupAdminSubType,
  GroupBanNotice,
  GroupBanSubType,
  GroupCardNotice,
  GroupDecreaseNotice,
  GroupDecreaseSubType,
  GroupIncreaseNotice,
  GroupIncreaseSubType,
  GroupMsgEmojiLikeNotice,
  GroupNameChangeNotice,
  GroupRecallNotice,
  GroupUploadNotice,
  OfflineFileNotice,
  OnlineFileReceiveNotice,
  OnlineFileReceiveSubType,
  OnlineFileSendNotice,
  OnlineFileSendSubType,
  ReactionNotice,
  ReactionSubType,
} from './notice';
import {
  GrayTipNotify,
  GroupNameNotify,
  HonorNotify,
  InputStatusNotify,
  LuckyKingNotify,
  PokeNotify,
  ProfileLikeNotify,
  TitleNotify,
} from './notify';
import { FriendRequest, GroupRequest, GroupRequestSubType } from './request';
import type { EventCodec } from './types';

/** Codecs by `sub_type`, for a level-2 type whose sub-types are known. */
export type SubTypeCodecs = Readonly<Record<string, EventCodec>>;

/** Codecs by level-2 key: one codec, or one per `sub_type`. */
export type Level2Codecs = Readonly<Record<string, EventCodec | SubTypeCodecs>>;

/** A lookup table without a prototype, so `'constructor'` or `'__proto__'` never finds anything. */
function table<T extends object>(entries: T): Readonly<T> {
  return Object.freeze(Object.assign(Object.create(null) as object, entries) as T);
}

/** The same codec under every sub-type its `sub_type` codec allows (typed as that codec, not widened). */
function bySubType<D extends Record<string, unknown>, C extends EventCodec>(
  subTypes: t.KeyofC<D>,
  codec: C,
): Readonly<Record<keyof D & string, C>> {
  const entries = {} as Record<keyof D & string, C>;
  for (const subType of Object.keys(subTypes.keys) as (keyof D & string)[]) entries[subType] = codec;
  return table(entries);
}

/** The field that holds the level-2 type, per `post_type`. */
export const LEVEL2_KEYS = table({
  message: 'message_type',
  message_sent: 'message_type',
  notice: 'notice_type',
  request: 'request_type',
  meta_event: 'meta_event_type',
} as const);

/**
 * Every known event's codec, as a tree: `post_type` → level-2 type → (`sub_type` →) codec. The leaves are
 * exactly the known events; a frame outside the tree is an unknown event.
 */
export const EVENT_CODECS = table({
  message: table({
    private: bySubType(PrivateMessageSubType, PrivateMessageEvent),
    group: bySubType(GroupMessageSubType, GroupMessageEvent),
    guild: table({ channel: GuildMessageEvent }),
  }),
  message_sent: table({
    private: bySubType(PrivateMessageSubType, PrivateMessageSentEvent),
    group: bySubType(GroupMessageSubType, GroupMessageSentEvent),
  }),
  notice: table({
    group_upload: GroupUploadNotice,
    group_admin: bySubType(GroupAdminSubType, GroupAdminNotice),
    group_decrease: bySubType(GroupDecreaseSubType, GroupDecreaseNotice),
    group_increase: bySubType(GroupIncreaseSubType, GroupIncreaseNotice),
    group_ban: bySubType(GroupBanSubType, GroupBanNotice),
    friend_add: FriendAddNotice,
    group_recall: GroupRecallNotice,
    friend_recall: FriendRecallNotice,
    group_card: GroupCardNotice,
    offline_file: OfflineFileNotice,
    client_status: ClientStatusNotice,
    essence: bySubType(EssenceSubType, EssenceNotice),
    group_msg_emoji_like: GroupMsgEmojiLikeNotice,
    bot_offline: BotOfflineNotice,
    online_file_send: bySubType(OnlineFileSendSubType, OnlineFileSendNotice),
    online_file_receive: bySubType(OnlineFileReceiveSubType, OnlineFileReceiveNotice),
    bot_online: BotOnlineNotice,
    group_name_change: GroupNameChangeNotice,
    reaction: bySubType(ReactionSubType, ReactionNotice),
    message_reactions_updated: MessageReactionsUpdatedNotice,
    guild_channel_recall: GuildChannelRecallNotice,
    channel_updated: ChannelUpdatedNotice,
    channel_created: ChannelCreatedNotice,
    channel_destroyed: ChannelDestroyedNotice,
    notify: table({
      poke: PokeNotify,
      lucky_king: LuckyKingNotify,
      honor: HonorNotify,
      title: TitleNotify,
      input_status: InputStatusNotify,
      profile_like: ProfileLikeNotify,
      group_name: GroupNameNotify,
      gray_tip: GrayTipNotify,
    }),
  }),
  request: table({
    friend: FriendRequest,
    group: bySubType(GroupRequestSubType, GroupRequest),
  }),
  meta_event: table({
    heartbeat: HeartbeatEvent,
    lifecycle: bySubType(LifecycleSubType, LifecycleEvent),
  }),
});

interface Route {
  readonly key: string;
  readonly codecs: Level2Codecs;
}

const ROUTES: Readonly<Record<string, Route>> = table(
  Object.fromEntries(
    Object.entries(EVENT_CODECS).map(([post, codecs]) => [
      post,
      { key: LEVEL2_KEYS[post as keyof typeof LEVEL2_KEYS], codecs: codecs as Level2Codecs },
    ]),
  ),
);

function isCodec(entry: EventCodec | SubTypeCodecs): entry is EventCodec {
  return entry instanceof t.Type;
}

/**
 * The codec for a parsed frame, found by its discriminants (`post_type` → level-2 key → `sub_type` where
 * it matters) in plain table lookups; `undefined` when no codec knows them (an unknown event). Allocates
 * nothing and never throws on any JSON object.
 *
 * @example
 * const codec = eventCodecFor(frame);
 * if (codec === undefined) unknown$.next(frame);
 * else if (codec.is(frame)) events$.next(frame);
 * else errors$.next(new DecodeError(text, explain(codec, frame)));
 */
export function eventCodecFor(frame: Record<string, unknown>): EventCodec | undefined {
  const post = frame.post_type;
  if (typeof post !== 'string') return undefined;
  const route = ROUTES[post];
  if (route === undefined) return undefined;
  const level2 = frame[route.key];
  if (typeof level2 !== 'string') return undefined;
  const entry = route.codecs[level2];
  if (entry === undefined || isCodec(entry)) return entry;
  const subType = frame.sub_type;
  return typeof subType === 'string' ? entry[subType] : undefined;
}
