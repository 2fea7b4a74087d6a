import * as t from 'io-ts';
import { GroupRole, Sex } from '../account';
import { Id } from '../id';
import { MessageContent, eventBase } from './common';
import { type EventCodecOf, lean, nullable } from './lean';

export * from '../account';

/** A sender's role as backends report it: a {@link GroupRole}, or `'unknown'` (Lagrange, role not cached). */
export const SenderRole = t.keyof({ ...GroupRole.keys, unknown: null }, 'SenderRole');
/** A sender's role: `'owner' | 'admin' | 'member' | 'unknown'`. */
export type SenderRole = t.TypeOf<typeof SenderRole>;

/**
 * Who sent a message. OneBot 11 makes every field optional ("may be absent when the backend cannot get
 * it"); in practice `user_id` and `nickname` are there. Group messages add `card`, `role` (NapCat fills it
 * from its member cache; Lagrange may say `'unknown'`), `title`, `level` and `area` where the backend knows
 * them; NapCat sends `card: ''` for private messages too.
 */
export const Sender = lean(
  {},
  {
    user_id: Id,
    nickname: t.string,
    card: t.string,
    sex: Sex,
    age: t.number,
    area: t.string,
    /** Group level; a string in OneBot 11, a number on some backends. */
    level: t.union([t.string, t.number]),
    role: SenderRole,
    title: t.string,
    /** go-cqhttp: the group of a temporary session. */
    group_id: Id,
  },
  'Sender',
);
/** Who sent a message. */
export interface Sender extends t.TypeOf<typeof Sender> {}

/** The anonymous identity of a group message sent anonymously (`sub_type: 'anonymous'`). */
export const Anonymous = t.type({ id: Id, name: t.string, flag: t.string }, 'Anonymous');
/** The anonymous identity of a group message sent anonymously. */
export interface Anonymous extends t.TypeOf<typeof Anonymous> {}

/** Sub-types of a private message: a friend, a temporary session from a group, the bot to itself, other. */
export const PrivateMessageSubType = t.keyof(
  { friend: null, group: null, group_self: null, other: null },
  'PrivateMessageSubType',
);

/** Sub-types of a group message: ordinary, anonymous, or a system notice. */
export const GroupMessageSubType = t.keyof({ normal: null, anonymous: null, notice: null }, 'GroupMessageSubType');

/** How the backend posts `message`: a segment array or a CQ-code string (NapCat `message_format`). */
export const MessageFormat = t.keyof({ array: null, string: null }, 'MessageFormat');

const messageRequired = {
  ...eventBase,
  message_id: Id,
  user_id: Id,
  message: MessageContent,
  raw_message: t.string,
  sender: Sender,
} as const;

const messageOptional = {
  /** OneBot 11 font; NapCat always sends 14. */
  font: t.number,
  /** NapCat: `'array'` or `'string'`. */
  message_format: MessageFormat,
  /** NapCat: the same short ID as `message_id`. */
  message_seq: Id,
  /** NapCat: the same short ID as `message_id`. */
  real_id: Id,
  /** NapCat: the QQ-side message sequence, as a string. */
  real_seq: t.string,
  /** NapCat: the peer of a private message or of the bot's own message (the conversation it went to). */
  target_id: Id,
  /** NapCat: `'self'` on the bot's own messages. */
  message_sent_type: t.string,
} as const;

const privateRequired = {
  ...messageRequired,
  message_type: t.literal('private'),
  sub_type: PrivateMessageSubType,
} as const;

const privateOptional = {
  ...messageOptional,
  /** NapCat: the group of a temporary session (`sub_type: 'group'`). */
  group_id: Id,
  /** NapCat: where a temporary session came from (0 = a group). */
  temp_source: t.number,
} as const;

const groupRequired = {
  ...messageRequired,
  message_type: t.literal('group'),
  sub_type: GroupMessageSubType,
  group_id: Id,
} as const;

const groupOptional = {
  ...messageOptional,
  /** OneBot 11: the anonymous identity, `null` for a normal message. NapCat omits the field. */
  anonymous: nullable(Anonymous),
  /** NapCat: the group's name. */
  group_name: t.string,
} as const;

const PrivateMessageEventCodec = lean(
  { post_type: t.literal('message'), ...privateRequired },
  privateOptional,
  'PrivateMessageEvent',
);
/** A private message to the bot. */
export interface PrivateMessageEvent extends t.TypeOf<typeof PrivateMessageEventCodec> {}
/**
 * A private message to the bot (`message.private.*`): from a friend, a temporary group session, or other.
 *
 * @example
 * client.on('message.private.friend').subscribe((e) => console.log(e.sender.nickname, e.raw_message));
 */
export const PrivateMessageEvent: EventCodecOf<PrivateMessageEvent> = PrivateMessageEventCodec;

const GroupMessageEventCodec = lean(
  { post_type: t.literal('message'), ...groupRequired },
  groupOptional,
  'GroupMessageEvent',
);
/** A message in a group the bot is in. */
export interface GroupMessageEvent extends t.TypeOf<typeof GroupMessageEventCodec> {}
/**
 * A message in a group the bot is in (`message.group.*`).
 *
 * @example
 * client.on('message.group.normal').subscribe((e) => console.log(e.group_id, e.sender.card, e.raw_message));
 */
export const GroupMessageEvent: EventCodecOf<GroupMessageEvent> = GroupMessageEventCodec;

const PrivateMessageSentEventCodec = lean(
  { post_type: t.literal('message_sent'), ...privateRequired },
  privateOptional,
  'PrivateMessageSentEvent',
);
/** A private message the bot itself sent. */
export interface PrivateMessageSentEvent extends t.TypeOf<typeof PrivateMessageSentEventCodec> {}
/**
 * A private message the bot itself sent (`message_sent.private.*`; NapCat with `reportSelfMessage`).
 * `target_id` is the peer it went to.
 */
export const PrivateMessageSentEvent: EventCodecOf<PrivateMessageSentEvent> = PrivateMessageSentEventCodec;

const GroupMessageSentEventCodec = lean(
  { post_type: t.literal('message_sent'), ...groupRequired },
  groupOptional,
  'GroupMessageSentEvent',
);
/** A group message the bot itself sent. */
export interface GroupMessageSentEvent extends t.TypeOf<typeof GroupMessageSentEventCodec> {}
/** A group message the bot itself sent (`message_sent.group.*`; NapCat with `reportSelfMessage`). */
export const GroupMessageSentEvent: EventCodecOf<GroupMessageSentEvent> = GroupMessageSentEventCodec;

/** Who sent a guild channel message (go-cqhttp): `tiny_id` is the guild-wide account ID (a digit string). */
export const GuildSender = lean({}, { user_id: Id, tiny_id: Id, nickname: t.string }, 'GuildSender');
/** Who sent a guild channel message. */
export interface GuildSender extends t.TypeOf<typeof GuildSender> {}

const GuildMessageEventCodec = lean(
  {
    ...eventBase,
    post_type: t.literal('message'),
    message_type: t.literal('guild'),
    sub_type: t.literal('channel'),
    guild_id: Id,
    channel_id: Id,
    message_id: t.string,
    user_id: Id,
    message: MessageContent,
    sender: GuildSender,
  },
  { self_tiny_id: Id, raw_message: t.string },
  'GuildMessageEvent',
);
/** A message in a QQ guild channel (go-cqhttp). */
export interface GuildMessageEvent extends t.TypeOf<typeof GuildMessageEventCodec> {}
/**
 * A message in a QQ guild (频道) channel (`message.guild.channel`, go-cqhttp). IDs are guild-wide tiny IDs
 * as digit strings; `message_id` is go-cqhttp's opaque (base64) guild message ID; there is no
 * `raw_message`. Not on `messages$` (whose operators assume groups and users): use `on('message.guild')`.
 *
 * @example
 * client.on('message.guild').subscribe((e) => console.log(e.guild_id, e.channel_id, e.sender.nickname));
 */
export const GuildMessageEvent: EventCodecOf<GuildMessageEvent> = GuildMessageEventCodec;
