import * as t from 'io-ts';
import { Id } from '../id';
import { eventBase } from './common';
import { type EventCodecOf, lean } from './lean';

/**
 * Fields of every go-cqhttp guild (频道) notice: guild, channel and operator as digit-string tiny IDs,
 * `self_tiny_id` the bot's own tiny ID, `user_id` the operator again as a number.
 */
const guildNotice = {
  ...eventBase,
  post_type: t.literal('notice'),
  guild_id: Id,
  channel_id: Id,
  operator_id: Id,
} as const;

const guildOptional = { self_tiny_id: Id, user_id: Id } as const;

/** One face reacting to a guild message, with how many reacted and whether the bot did. */
export const GuildReaction = lean(
  { emoji_id: t.union([t.string, t.number]), count: t.number },
  { emoji_index: t.number, emoji_type: t.number, emoji_name: t.string, clicked: t.boolean },
  'GuildReaction',
);
/** One face reacting to a guild message. */
export interface GuildReaction extends t.TypeOf<typeof GuildReaction> {}

const MessageReactionsUpdatedNoticeCodec = lean(
  {
    ...guildNotice,
    notice_type: t.literal('message_reactions_updated'),
    message_id: t.string,
    current_reactions: t.array(GuildReaction),
  },
  guildOptional,
  'MessageReactionsUpdatedNotice',
);
/** The reactions on a guild message changed (go-cqhttp). */
export interface MessageReactionsUpdatedNotice extends t.TypeOf<typeof MessageReactionsUpdatedNoticeCodec> {}
/**
 * The reactions on a guild message changed (`notice.message_reactions_updated`, go-cqhttp);
 * `current_reactions` is the whole new list.
 */
export const MessageReactionsUpdatedNotice: EventCodecOf<MessageReactionsUpdatedNotice> = MessageReactionsUpdatedNoticeCodec;

const GuildChannelRecallNoticeCodec = lean(
  { ...guildNotice, notice_type: t.literal('guild_channel_recall'), message_id: t.string },
  guildOptional,
  'GuildChannelRecallNotice',
);
/** A guild channel message was recalled (go-cqhttp). */
export interface GuildChannelRecallNotice extends t.TypeOf<typeof GuildChannelRecallNoticeCodec> {}
/** A guild channel message was recalled (`notice.guild_channel_recall`, go-cqhttp). */
export const GuildChannelRecallNotice: EventCodecOf<GuildChannelRecallNotice> = GuildChannelRecallNoticeCodec;

/** A guild channel's settings as go-cqhttp reports them (also the result row of `get_guild_channel_list`). */
export const ChannelInfo = lean(
  { channel_id: Id, channel_type: t.number, channel_name: t.string },
  {
    owner_guild_id: Id,
    creator_tiny_id: Id,
    create_time: t.number,
    current_slow_mode: t.number,
    talk_permission: t.number,
    visible_type: t.number,
    slow_modes: t.array(t.UnknownRecord),
  },
  'ChannelInfo',
);
/** A guild channel's settings. */
export interface ChannelInfo extends t.TypeOf<typeof ChannelInfo> {}

const ChannelUpdatedNoticeCodec = lean(
  { ...guildNotice, notice_type: t.literal('channel_updated'), old_info: ChannelInfo, new_info: ChannelInfo },
  guildOptional,
  'ChannelUpdatedNotice',
);
/** A guild channel's settings changed (go-cqhttp). */
export interface ChannelUpdatedNotice extends t.TypeOf<typeof ChannelUpdatedNoticeCodec> {}
/** A guild channel's settings changed (`notice.channel_updated`, go-cqhttp): before and after. */
export const ChannelUpdatedNotice: EventCodecOf<ChannelUpdatedNotice> = ChannelUpdatedNoticeCodec;

const ChannelCreatedNoticeCodec = lean(
  { ...guildNotice, notice_type: t.literal('channel_created'), channel_info: ChannelInfo },
  guildOptional,
  'ChannelCreatedNotice',
);
/** A guild channel was created (go-cqhttp). */
export interface ChannelCreatedNotice extends t.TypeOf<typeof ChannelCreatedNoticeCodec> {}
/** A guild channel was created (`notice.channel_created`, go-cqhttp). */
export const ChannelCreatedNotice: EventCodecOf<ChannelCreatedNotice> = ChannelCreatedNoticeCodec;

const ChannelDestroyedNoticeCodec = lean(
  { ...guildNotice, notice_type: t.literal('channel_destroyed'), channel_info: ChannelInfo },
  guildOptional,
  'ChannelDestroyedNotice',
);
/** A guild channel was deleted (go-cqhttp). */
export interface ChannelDestroyedNotice extends t.TypeOf<typeof ChannelDestroyedNoticeCodec> {}
/** A guild channel was deleted (`notice.channel_destroyed`, go-cqhttp). */
export const ChannelDestroyedNotice: EventCodecOf<ChannelDestroyedNotice> = ChannelDestroyedNoticeCodec;
