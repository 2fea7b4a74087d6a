/**
 * The event codec tree: every known event's codec by its discriminants. The event unions (`unions.ts`) and
 * the dispatch (`dispatch.ts`) both read it.
 */
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
import { table } from './level2';

export { LEVEL2_KEYS, table } from './level2';


/** The same codec under every sub-type its `sub_type` codec allows (typed as that codec, not widened). */
function bySubType<D extends Record<string, unknown>, C extends t.Mixed>(
  subTypes: t.KeyofC<D>,
  codec: C,
): Readonly<Record<keyof D & string, C>> {
  const entries = {} as Record<keyof D & string, C>;
  for (const subType of Object.keys(subTypes.keys) as (keyof D & string)[]) entries[subType] = codec;
  return table(entries);
}


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
