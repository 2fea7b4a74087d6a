import * as t from 'io-ts';
import { Id } from '../id';
import { eventBase, groupNoticeBase } from './common';
import { type EventCodecOf, lean } from './lean';

const notice = { ...eventBase, post_type: t.literal('notice') } as const;

/** A file uploaded to a group. go-cqhttp and Lagrange may add `url`. */
export const GroupFile = lean(
  { id: t.string, name: t.string, size: t.number, busid: t.number },
  { url: t.string },
  'GroupFile',
);
/** A file uploaded to a group. */
export interface GroupFile extends t.TypeOf<typeof GroupFile> {}

const GroupUploadNoticeCodec = t.type(
  { ...groupNoticeBase, notice_type: t.literal('group_upload'), file: GroupFile },
  'GroupUploadNotice',
);
/** A member uploaded a file to the group. */
export interface GroupUploadNotice extends t.TypeOf<typeof GroupUploadNoticeCodec> {}
/** A member uploaded a file to the group (`notice.group_upload`). */
export const GroupUploadNotice: EventCodecOf<GroupUploadNotice> = GroupUploadNoticeCodec;

/** Sub-types of `group_admin`: a member became admin, or stopped being one. */
export const GroupAdminSubType = t.keyof({ set: null, unset: null }, 'GroupAdminSubType');

const GroupAdminNoticeCodec = t.type(
  { ...groupNoticeBase, notice_type: t.literal('group_admin'), sub_type: GroupAdminSubType },
  'GroupAdminNotice',
);
/** A member became, or stopped being, a group admin. */
export interface GroupAdminNotice extends t.TypeOf<typeof GroupAdminNoticeCodec> {}
/** A member became, or stopped being, a group admin (`notice.group_admin.set | unset`). */
export const GroupAdminNotice: EventCodecOf<GroupAdminNotice> = GroupAdminNoticeCodec;

/** Sub-types of `group_decrease`: left, was kicked, the bot was kicked, the group was dissolved (NapCat). */
export const GroupDecreaseSubType = t.keyof(
  { leave: null, kick: null, kick_me: null, disband: null },
  'GroupDecreaseSubType',
);

const GroupDecreaseNoticeCodec = t.type(
  {
    ...groupNoticeBase,
    notice_type: t.literal('group_decrease'),
    sub_type: GroupDecreaseSubType,
    operator_id: Id,
  },
  'GroupDecreaseNotice',
);
/** A member left the group. */
export interface GroupDecreaseNotice extends t.TypeOf<typeof GroupDecreaseNoticeCodec> {}
/**
 * A member left the group (`notice.group_decrease.*`). `operator_id` is who kicked (the member itself on
 * `leave`; NapCat sends 0 when it cannot tell).
 */
export const GroupDecreaseNotice: EventCodecOf<GroupDecreaseNotice> = GroupDecreaseNoticeCodec;

/** Sub-types of `group_increase`: approved by an admin, or invited. */
export const GroupIncreaseSubType = t.keyof({ approve: null, invite: null }, 'GroupIncreaseSubType');

const GroupIncreaseNoticeCodec = t.type(
  {
    ...groupNoticeBase,
    notice_type: t.literal('group_increase'),
    sub_type: GroupIncreaseSubType,
    operator_id: Id,
  },
  'GroupIncreaseNotice',
);
/** A member joined the group. */
export interface GroupIncreaseNotice extends t.TypeOf<typeof GroupIncreaseNoticeCodec> {}
/** A member joined the group (`notice.group_increase.approve | invite`); `operator_id` approved or invited. */
export const GroupIncreaseNotice: EventCodecOf<GroupIncreaseNotice> = GroupIncreaseNoticeCodec;

/** Sub-types of `group_ban`: muted, or unmuted. */
export const GroupBanSubType = t.keyof({ ban: null, lift_ban: null }, 'GroupBanSubType');

const GroupBanNoticeCodec = t.type(
  {
    ...groupNoticeBase,
    notice_type: t.literal('group_ban'),
    sub_type: GroupBanSubType,
    operator_id: Id,
    duration: t.number,
  },
  'GroupBanNotice',
);
/** A member was muted or unmuted. */
export interface GroupBanNotice extends t.TypeOf<typeof GroupBanNoticeCodec> {}
/**
 * A member was muted or unmuted (`notice.group_ban.ban | lift_ban`); `duration` in seconds. NapCat: a
 * whole-group mute has `user_id: 0` and `duration: -1`.
 */
export const GroupBanNotice: EventCodecOf<GroupBanNotice> = GroupBanNoticeCodec;

const FriendAddNoticeCodec = t.type({ ...notice, notice_type: t.literal('friend_add'), user_id: Id }, 'FriendAddNotice');
/** A new friend was added. */
export interface FriendAddNotice extends t.TypeOf<typeof FriendAddNoticeCodec> {}
/** A new friend was added (`notice.friend_add`). */
export const FriendAddNotice: EventCodecOf<FriendAddNotice> = FriendAddNoticeCodec;

const GroupRecallNoticeCodec = t.type(
  { ...groupNoticeBase, notice_type: t.literal('group_recall'), operator_id: Id, message_id: Id },
  'GroupRecallNotice',
);
/** A group message was recalled. */
export interface GroupRecallNotice extends t.TypeOf<typeof GroupRecallNoticeCodec> {}
/** A group message was recalled (`notice.group_recall`): `user_id` sent it, `operator_id` recalled it. */
export const GroupRecallNotice: EventCodecOf<GroupRecallNotice> = GroupRecallNoticeCodec;

const FriendRecallNoticeCodec = t.type(
  { ...notice, notice_type: t.literal('friend_recall'), user_id: Id, message_id: Id },
  'FriendRecallNotice',
);
/** A friend recalled a private message. */
export interface FriendRecallNotice extends t.TypeOf<typeof FriendRecallNoticeCodec> {}
/** A friend recalled a private message (`notice.friend_recall`). */
export const FriendRecallNotice: EventCodecOf<FriendRecallNotice> = FriendRecallNoticeCodec;

const GroupCardNoticeCodec = t.type(
  { ...groupNoticeBase, notice_type: t.literal('group_card'), card_new: t.string, card_old: t.string },
  'GroupCardNotice',
);
/** A member's group card changed. */
export interface GroupCardNotice extends t.TypeOf<typeof GroupCardNoticeCodec> {}
/** A member's group card (display name) changed (`notice.group_card`). */
export const GroupCardNotice: EventCodecOf<GroupCardNotice> = GroupCardNoticeCodec;

/** A file received offline in a private chat (go-cqhttp). */
export const OfflineFile = t.type({ name: t.string, size: t.number, url: t.string }, 'OfflineFile');
/** A file received offline in a private chat. */
export interface OfflineFile extends t.TypeOf<typeof OfflineFile> {}

const OfflineFileNoticeCodec = t.type(
  { ...notice, notice_type: t.literal('offline_file'), user_id: Id, file: OfflineFile },
  'OfflineFileNotice',
);
/** A friend sent an offline file. */
export interface OfflineFileNotice extends t.TypeOf<typeof OfflineFileNoticeCodec> {}
/** A friend sent an offline file (`notice.offline_file`, go-cqhttp). */
export const OfflineFileNotice: EventCodecOf<OfflineFileNotice> = OfflineFileNoticeCodec;

/** Another client of the same account (go-cqhttp). */
export const ClientDevice = t.type({ app_id: Id, device_name: t.string, device_kind: t.string }, 'ClientDevice');
/** Another client of the same account. */
export interface ClientDevice extends t.TypeOf<typeof ClientDevice> {}

const ClientStatusNoticeCodec = t.type(
  { ...notice, notice_type: t.literal('client_status'), client: ClientDevice, online: t.boolean },
  'ClientStatusNotice',
);
/** Another client of the bot's account went online or offline. */
export interface ClientStatusNotice extends t.TypeOf<typeof ClientStatusNoticeCodec> {}
/** Another client of the bot's account went online or offline (`notice.client_status`, go-cqhttp). */
export const ClientStatusNotice: EventCodecOf<ClientStatusNotice> = ClientStatusNoticeCodec;

/** Sub-types of `essence`: a message was set as, or removed from, the group's essence messages. */
export const EssenceSubType = t.keyof({ add: null, delete: null }, 'EssenceSubType');

const EssenceNoticeCodec = lean(
  {
    ...notice,
    notice_type: t.literal('essence'),
    sub_type: EssenceSubType,
    group_id: Id,
    message_id: Id,
    sender_id: Id,
    operator_id: Id,
  },
  { user_id: Id },
  'EssenceNotice',
);
/** A message was added to or removed from the group's essence messages. */
export interface EssenceNotice extends t.TypeOf<typeof EssenceNoticeCodec> {}
/**
 * A message was added to or removed from the group's essence messages (`notice.essence.add | delete`):
 * `sender_id` wrote it, `operator_id` marked it. NapCat also sets `user_id` (= `sender_id`) and only emits `add`.
 */
export const EssenceNotice: EventCodecOf<EssenceNotice> = EssenceNoticeCodec;

/** One emoji reaction on a message: the face ID and how many reacted with it. */
export const EmojiLike = t.type({ emoji_id: t.string, count: t.number }, 'EmojiLike');
/** One emoji reaction on a message. */
export interface EmojiLike extends t.TypeOf<typeof EmojiLike> {}

const GroupMsgEmojiLikeNoticeCodec = lean(
  {
    ...groupNoticeBase,
    notice_type: t.literal('group_msg_emoji_like'),
    message_id: Id,
    likes: t.array(EmojiLike),
  },
  { is_add: t.boolean, message_seq: t.string },
  'GroupMsgEmojiLikeNotice',
);
/** Someone reacted to a group message with an emoji. */
export interface GroupMsgEmojiLikeNotice extends t.TypeOf<typeof GroupMsgEmojiLikeNoticeCodec> {}
/**
 * Someone reacted to a group message with an emoji (`notice.group_msg_emoji_like`, NapCat): `user_id`
 * reacted, `likes` lists the faces, `is_add` is false when a reaction was taken back.
 */
export const GroupMsgEmojiLikeNotice: EventCodecOf<GroupMsgEmojiLikeNotice> = GroupMsgEmojiLikeNoticeCodec;

const BotOfflineNoticeCodec = lean(
  { ...notice, notice_type: t.literal('bot_offline'), tag: t.string, message: t.string },
  { user_id: Id },
  'BotOfflineNotice',
);
/** The bot's account was logged out. */
export interface BotOfflineNotice extends t.TypeOf<typeof BotOfflineNoticeCodec> {}
/**
 * The bot's account was logged out (`notice.bot_offline`, NapCat and Lagrange): `tag` is the reason's title,
 * `message` its text; NapCat adds `user_id` (the bot), Lagrange leaves it out.
 */
export const BotOfflineNotice: EventCodecOf<BotOfflineNotice> = BotOfflineNoticeCodec;

/** Sub-types of `online_file_send`: the peer accepted (`receive`) or refused the bot's online file. */
export const OnlineFileSendSubType = t.keyof({ receive: null, refuse: null }, 'OnlineFileSendSubType');

const OnlineFileSendNoticeCodec = t.type(
  { ...notice, notice_type: t.literal('online_file_send'), sub_type: OnlineFileSendSubType, peer_id: Id },
  'OnlineFileSendNotice',
);
/** The peer accepted or refused an online file the bot sent. */
export interface OnlineFileSendNotice extends t.TypeOf<typeof OnlineFileSendNoticeCodec> {}
/** The peer accepted or refused an online file the bot sent (`notice.online_file_send.*`, NapCat). */
export const OnlineFileSendNotice: EventCodecOf<OnlineFileSendNotice> = OnlineFileSendNoticeCodec;

/** Sub-types of `online_file_receive`: the sender cancelled the transfer (or turned it into an offline file). */
export const OnlineFileReceiveSubType = t.keyof({ cancel: null }, 'OnlineFileReceiveSubType');

const OnlineFileReceiveNoticeCodec = t.type(
  {
    ...notice,
    notice_type: t.literal('online_file_receive'),
    sub_type: OnlineFileReceiveSubType,
    peer_id: Id,
  },
  'OnlineFileReceiveNotice',
);
/** The peer cancelled an online file transfer to the bot. */
export interface OnlineFileReceiveNotice extends t.TypeOf<typeof OnlineFileReceiveNoticeCodec> {}
/** The peer cancelled an online file transfer to the bot (`notice.online_file_receive.cancel`, NapCat). */
export const OnlineFileReceiveNotice: EventCodecOf<OnlineFileReceiveNotice> = OnlineFileReceiveNoticeCodec;

const BotOnlineNoticeCodec = t.type(
  { ...notice, notice_type: t.literal('bot_online'), reason: t.string },
  'BotOnlineNotice',
);
/** The bot's account logged in (Lagrange). */
export interface BotOnlineNotice extends t.TypeOf<typeof BotOnlineNoticeCodec> {}
/**
 * The bot's account logged in (`notice.bot_online`, Lagrange): `reason` is `'Login'` or `'Reconnect'` (kept a
 * string for newer reasons).
 */
export const BotOnlineNotice: EventCodecOf<BotOnlineNotice> = BotOnlineNoticeCodec;

const GroupNameChangeNoticeCodec = t.type(
  { ...notice, notice_type: t.literal('group_name_change'), group_id: Id, name: t.string },
  'GroupNameChangeNotice',
);
/** A group was renamed (Lagrange). */
export interface GroupNameChangeNotice extends t.TypeOf<typeof GroupNameChangeNoticeCodec> {}
/** A group was renamed (`notice.group_name_change`, Lagrange): `name` is the new name. */
export const GroupNameChangeNotice: EventCodecOf<GroupNameChangeNotice> = GroupNameChangeNoticeCodec;

/** Sub-types of Lagrange's `reaction`: a reaction was added, or taken back. */
export const ReactionSubType = t.keyof({ add: null, remove: null }, 'ReactionSubType');

const ReactionNoticeCodec = t.type(
  {
    ...notice,
    notice_type: t.literal('reaction'),
    sub_type: ReactionSubType,
    group_id: Id,
    message_id: Id,
    operator_id: Id,
    code: t.string,
    count: t.number,
  },
  'ReactionNotice',
);
/** Someone reacted to a group message with a face (Lagrange). */
export interface ReactionNotice extends t.TypeOf<typeof ReactionNoticeCodec> {}
/**
 * Someone reacted to a group message with a face (`notice.reaction.add | remove`, Lagrange): `operator_id`
 * reacted, `code` is the face ID, `count` how many now react with it.
 */
export const ReactionNotice: EventCodecOf<ReactionNotice> = ReactionNoticeCodec;
