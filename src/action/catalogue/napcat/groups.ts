import * as t from 'io-ts';
import { Id, IdParam } from '../../../codec/id';
import { action, NoParams, type ActionDef } from '../../define';
import { GroupInfo, NoResult, optional, struct } from '../shared';
import { GroupIdParams, GroupNotice, NAPCAT_ONLY } from './common';
import { GroupExtInfo, KERNEL_NOTE, ShutUpMember } from '../kernel';
import { lazyRows } from '../../lazy-rows';

/** Params of the group to-do actions: the message by `message_seq`, or by `message_id` when no seq is given. */
export const GroupTodoParams = struct(
  { group_id: IdParam, message_id: optional(IdParam), message_seq: optional(IdParam) },
  'GroupTodoParams',
);
export interface GroupTodoParams extends t.TypeOf<typeof GroupTodoParams> {}

/** One member who checked in today (`rank` 1 is the first). */
export const GroupSignedMember = struct(
  { user_id: Id, nick: t.string, time: t.number, rank: t.number },
  'GroupSignedMember',
);
export interface GroupSignedMember extends t.TypeOf<typeof GroupSignedMember> {}

/** `get_group_ignored_notifies` reply: the filtered ("ignored") join requests and invitations. */
export const IgnoredGroupNotices = struct(
  {
    invited_requests: t.array(GroupNotice),
    InvitedRequest: t.array(GroupNotice),
    join_requests: t.array(GroupNotice),
  },
  'IgnoredGroupNotices',
);
export interface IgnoredGroupNotices extends t.TypeOf<typeof IgnoredGroupNotices> {}

/** NapCat's group extensions: to-dos, check-ins, extra info, mute list, ignored requests. */
export const NAPCAT_GROUP_ACTIONS = lazyRows({
  set_group_todo: () => action({
    params: GroupTodoParams,
    result: NoResult,
    origin: 'napcat',
    doc: "Makes a message the group's to-do.",
    support: NAPCAT_ONLY,
  }),
  complete_group_todo: () => action({
    params: GroupTodoParams,
    result: NoResult,
    origin: 'napcat',
    doc: "Marks the group's to-do (set from a message) as done.",
    support: NAPCAT_ONLY,
  }),
  cancel_group_todo: () => action({
    params: GroupTodoParams,
    result: NoResult,
    origin: 'napcat',
    doc: "Removes the group's to-do (set from a message).",
    support: NAPCAT_ONLY,
  }),
  set_group_sign: () => action({
    params: GroupIdParams,
    result: NoResult,
    origin: 'napcat',
    doc: 'Checks the bot in to a group for today (NapCat name of `send_group_sign`).',
    support: NAPCAT_ONLY,
  }),
  get_group_signed_list: () => action({
    params: GroupIdParams,
    result: t.array(GroupSignedMember, 'GroupSignedList'),
    origin: 'napcat',
    doc: "Lists today's check-ins of a group.",
    support: NAPCAT_ONLY,
  }),
  get_group_detail_info: () => action({
    params: GroupIdParams,
    result: GroupInfo,
    origin: 'napcat',
    doc: 'Reads a group\'s details: the `get_group_info` fields plus QQ\'s raw group detail fields.',
    support: NAPCAT_ONLY,
  }),
  get_group_info_ex: () => action({
    params: GroupIdParams,
    result: GroupExtInfo,
    origin: 'napcat',
    doc: "Reads a group's extended info as QQ reports it.",
    support: NAPCAT_ONLY,
    note: KERNEL_NOTE,
  }),
  get_group_shut_list: () => action({
    params: GroupIdParams,
    result: t.array(ShutUpMember, 'ShutUpMemberList'),
    origin: 'napcat',
    doc: 'Lists the muted members of a group (QQ\'s raw member records).',
    support: NAPCAT_ONLY,
    note: KERNEL_NOTE,
  }),
  get_group_ignore_add_request: () => action({
    params: NoParams,
    result: t.array(GroupNotice, 'GroupNoticeList'),
    origin: 'napcat',
    doc: 'Lists the join requests QQ filtered out as suspicious.',
    support: NAPCAT_ONLY,
  }),
  get_group_ignored_notifies: () => action({
    params: NoParams,
    result: IgnoredGroupNotices,
    origin: 'napcat',
    doc: 'Lists the join requests and invitations QQ filtered out, by kind.',
    support: NAPCAT_ONLY,
  }),
} satisfies Record<string, () => ActionDef>);
