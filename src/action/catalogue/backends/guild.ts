import * as t from 'io-ts';
import { ChannelInfo } from '../../../codec/event/guild';
import { Id, IdParam } from '../../../codec/id';
import { MessageParam } from '../../../message/message-param';
import { action, type ActionDef } from '../../define';
import { NoResult, optional, struct } from '../shared';
import { compat } from '../support';
import { lazyRows } from '../../lazy-rows';

/** Support of a go-cqhttp guild (QQ channel) action: neither NapCat nor Lagrange.OneBot has channels. */
const GO_CQHTTP_ONLY = compat('supported', 'unsupported', 'unsupported');

/** A guild's public metadata (`get_guild_meta_by_guest`). */
export const GuildMeta = struct(
  {
    guild_id: Id,
    guild_name: t.string,
    guild_profile: optional(t.string),
    create_time: optional(t.number),
    max_member_count: optional(t.number),
    max_robot_count: optional(t.number),
    max_admin_count: optional(t.number),
    member_count: optional(t.number),
    owner_id: optional(Id),
  },
  'GuildMeta',
);
export interface GuildMeta extends t.TypeOf<typeof GuildMeta> {}

/** A guild member in a member list. */
export const GuildMember = struct(
  { tiny_id: Id, title: optional(t.string), nickname: t.string, role_id: optional(Id), role_name: optional(t.string) },
  'GuildMember',
);
export interface GuildMember extends t.TypeOf<typeof GuildMember> {}

/** One page of `get_guild_member_list`: pass `next_token` back for the next page until `finished`. */
export const GuildMemberPage = struct(
  { members: t.array(GuildMember), finished: t.boolean, next_token: t.union([t.string, t.null]) },
  'GuildMemberPage',
);
export interface GuildMemberPage extends t.TypeOf<typeof GuildMemberPage> {}

/** A guild role. */
export const GuildRole = struct(
  {
    role_id: Id,
    role_name: t.string,
    argb_color: optional(t.number),
    independent: optional(t.boolean),
    member_count: optional(t.number),
    max_count: optional(t.number),
    owned: optional(t.boolean),
    disabled: optional(t.boolean),
  },
  'GuildRole',
);
export interface GuildRole extends t.TypeOf<typeof GuildRole> {}

/** A member's guild profile (`get_guild_member_profile`). */
export const GuildMemberProfile = struct(
  {
    tiny_id: Id,
    nickname: t.string,
    avatar_url: optional(t.string),
    join_time: optional(t.number),
    roles: optional(t.array(struct({ role_id: Id, role_name: t.string }, 'GuildMemberRole'))),
  },
  'GuildMemberProfile',
);
export interface GuildMemberProfile extends t.TypeOf<typeof GuildMemberProfile> {}

const guildId = { guild_id: IdParam } as const;
const userList = t.array(IdParam);

/** go-cqhttp's guild (QQ channel) actions, read from its `coolq/api.go` (param names as its router reads them). */
export const GUILD_ACTIONS = lazyRows({
  get_guild_meta_by_guest: () => action({
    params: struct(guildId, 'GuildIdParams'),
    result: GuildMeta,
    origin: 'go-cqhttp',
    doc: "A guild's metadata as a guest sees it.",
    support: GO_CQHTTP_ONLY,
  }),
  get_guild_channel_list: () => action({
    params: struct({ ...guildId, no_cache: optional(t.boolean) }, 'GetGuildChannelListParams'),
    result: t.array(ChannelInfo, 'ChannelInfoList'),
    origin: 'go-cqhttp',
    doc: "A guild's channels.",
    support: GO_CQHTTP_ONLY,
  }),
  get_guild_member_list: () => action({
    params: struct({ ...guildId, next_token: optional(t.string) }, 'GetGuildMemberListParams'),
    result: GuildMemberPage,
    origin: 'go-cqhttp',
    doc: "One page of a guild's members.",
    support: GO_CQHTTP_ONLY,
  }),
  get_guild_member_profile: () => action({
    params: struct({ ...guildId, user_id: IdParam }, 'GetGuildMemberProfileParams'),
    result: GuildMemberProfile,
    origin: 'go-cqhttp',
    doc: "A guild member's profile and roles (`user_id` is the tiny ID).",
    support: GO_CQHTTP_ONLY,
  }),
  get_guild_roles: () => action({
    params: struct(guildId, 'GuildIdParams'),
    result: t.array(GuildRole, 'GuildRoleList'),
    origin: 'go-cqhttp',
    doc: "A guild's roles.",
    support: GO_CQHTTP_ONLY,
  }),
  create_guild_role: () => action({
    params: struct(
      { ...guildId, name: t.string, color: optional(t.number), independent: optional(t.boolean), initial_users: optional(userList) },
      'CreateGuildRoleParams',
    ),
    result: struct({ role_id: Id }, 'CreatedGuildRole'),
    origin: 'go-cqhttp',
    doc: 'Creates a guild role, optionally given to `initial_users` at once.',
    support: GO_CQHTTP_ONLY,
  }),
  delete_guild_role: () => action({
    params: struct({ ...guildId, role_id: IdParam }, 'DeleteGuildRoleParams'),
    result: NoResult,
    origin: 'go-cqhttp',
    doc: 'Deletes a guild role.',
    support: GO_CQHTTP_ONLY,
  }),
  set_guild_member_role: () => action({
    params: struct({ ...guildId, set: optional(t.boolean), role_id: IdParam, users: optional(userList) }, 'SetGuildMemberRoleParams'),
    result: NoResult,
    origin: 'go-cqhttp',
    doc: 'Gives (`set: true`) or takes a role from `users`.',
    support: GO_CQHTTP_ONLY,
  }),
  update_guild_role: () => action({
    params: struct(
      { ...guildId, role_id: IdParam, name: optional(t.string), color: optional(t.number), indepedent: optional(t.boolean) },
      'UpdateGuildRoleParams',
    ),
    result: NoResult,
    origin: 'go-cqhttp',
    doc: 'Renames or recolours a guild role.',
    support: GO_CQHTTP_ONLY,
    note: 'go-cqhttp reads the independence flag as `indepedent` (sic).',
  }),
  get_topic_channel_feeds: () => action({
    params: struct({ ...guildId, channel_id: IdParam }, 'GetTopicChannelFeedsParams'),
    result: t.array(t.UnknownRecord, 'TopicChannelFeeds'),
    origin: 'go-cqhttp',
    doc: "The posts of a topic (forum) channel, each as go-cqhttp's feed object.",
    support: GO_CQHTTP_ONLY,
  }),
  send_guild_channel_msg: () => action({
    params: struct(
      { ...guildId, channel_id: IdParam, message: MessageParam, auto_escape: optional(t.boolean) },
      'SendGuildChannelMsgParams',
    ),
    result: struct({ message_id: t.string }, 'GuildMessageIdResult'),
    origin: 'go-cqhttp',
    doc: 'Sends a message to a guild channel; answers its guild message ID.',
    support: GO_CQHTTP_ONLY,
  }),
  get_guild_msg: () => action({
    params: struct({ message_id: t.string, no_cache: optional(t.boolean) }, 'GetGuildMsgParams'),
    result: struct(
      {
        message_id: t.string,
        message_source: t.string,
        message_seq: optional(t.number),
        guild_id: Id,
        channel_id: optional(Id),
        time: optional(t.number),
        sender: optional(t.UnknownRecord),
        message: optional(t.unknown),
        reactions: optional(t.array(t.unknown)),
      },
      'GuildMessageDetail',
    ),
    origin: 'go-cqhttp',
    doc: 'Reads a guild message back by its guild message ID.',
    support: GO_CQHTTP_ONLY,
  }),
} satisfies Record<string, () => ActionDef>);
