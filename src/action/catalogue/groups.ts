import * as t from 'io-ts';
import { Id, IdParam } from '../../codec/id';
import { action, type ActionDef } from '../define';
import { GroupInfo, GroupMemberInfo, optional, struct } from './shared';
import { compat } from './support';
import { lazyRows } from '../lazy-rows';

/** The honour lists `get_group_honor_info` can read. */
export const HonorType = t.keyof(
  { all: null, talkative: null, performer: null, legend: null, strong_newbie: null, emotion: null },
  'HonorType',
);
export type HonorType = t.TypeOf<typeof HonorType>;

/** `get_group_honor_info` reply: the current dragon king and each honour's holders. */
export const GroupHonorInfo = struct(
  {
    group_id: Id,
    current_talkative: optional(t.unknown),
    talkative_list: optional(t.array(t.unknown)),
    performer_list: optional(t.array(t.unknown)),
    legend_list: optional(t.array(t.unknown)),
    strong_newbie_list: optional(t.array(t.unknown)),
    emotion_list: optional(t.array(t.unknown)),
  },
  'GroupHonorInfo',
);
export interface GroupHonorInfo extends t.TypeOf<typeof GroupHonorInfo> {}

/** `get_group_at_all_remain` reply: whether and how often the bot may still mention `@everyone` today. */
export const AtAllRemain = struct(
  {
    can_at_all: t.boolean,
    remain_at_all_count_for_group: t.number,
    remain_at_all_count_for_uin: t.number,
  },
  'AtAllRemain',
);
export interface AtAllRemain extends t.TypeOf<typeof AtAllRemain> {}

/** One pending invitation or join request in `get_group_system_msg`. */
export const GroupSystemRequest = struct(
  {
    request_id: Id,
    group_id: Id,
    group_name: optional(t.string),
    checked: optional(t.boolean),
    actor: optional(Id),
    invitor_uin: optional(Id),
    invitor_nick: optional(t.string),
    requester_uin: optional(Id),
    requester_nick: optional(t.string),
    message: optional(t.string),
  },
  'GroupSystemRequest',
);
export interface GroupSystemRequest extends t.TypeOf<typeof GroupSystemRequest> {}

/** `get_group_system_msg` reply: pending invitations and join requests (`null` lists when empty on go-cqhttp). */
export const GroupSystemMsg = struct(
  {
    invited_requests: optional(t.union([t.array(GroupSystemRequest), t.null])),
    join_requests: optional(t.union([t.array(GroupSystemRequest), t.null])),
  },
  'GroupSystemMsg',
);
export interface GroupSystemMsg extends t.TypeOf<typeof GroupSystemMsg> {}

const GroupIdParams = struct({ group_id: IdParam }, 'GroupIdParams');

/** OneBot 11 and go-cqhttp group reads: info, lists, members, honours, @everyone quota, requests. */
export const GROUP_ACTIONS = lazyRows({
  get_group_info: () => action({
    params: struct({ group_id: IdParam, no_cache: optional(t.boolean) }, 'GetGroupInfoParams'),
    result: GroupInfo,
    origin: 'onebot11',
    doc: 'Reads one group\'s name and member counts.',
    support: compat('supported', 'slight', 'supported'),
    note: 'NapCat ignores `no_cache` and adds `group_remark`, `group_all_shut`.',
  }),
  get_group_list: () => action({
    params: struct({ no_cache: optional(t.boolean) }, 'GetGroupListParams'),
    result: t.array(GroupInfo, 'GroupList'),
    origin: 'onebot11',
    doc: 'Lists the groups the bot is in.',
    support: compat('supported', 'slight', 'supported'),
  }),
  get_group_member_info: () => action({
    params: struct(
      { group_id: IdParam, user_id: IdParam, no_cache: optional(t.boolean) },
      'GetGroupMemberInfoParams',
    ),
    result: GroupMemberInfo,
    origin: 'onebot11',
    doc: 'Reads one member of a group.',
    support: compat('supported', 'slight', 'slight'),
  }),
  get_group_member_list: () => action({
    params: struct({ group_id: IdParam, no_cache: optional(t.boolean) }, 'GetGroupMemberListParams'),
    result: t.array(GroupMemberInfo, 'GroupMemberList'),
    origin: 'onebot11',
    doc: 'Lists a group\'s members.',
    support: compat('supported', 'slight', 'slight'),
    note: 'NapCat\'s schema types the entries as Any; they are its group-member objects.',
  }),
  get_group_honor_info: () => action({
    params: struct({ group_id: IdParam, type: optional(HonorType) }, 'GetGroupHonorInfoParams'),
    result: GroupHonorInfo,
    origin: 'onebot11',
    doc: 'Reads a group\'s honours (`type` selects one list, `all` every list).',
    support: compat('supported', 'slight', 'slight'),
    note: 'NapCat defaults `type` to `all`; the OneBot 11 spec requires it: the go-cqhttp and Lagrange adapters send `all` when it is left out (Lagrange fails without it, go-cqhttp answers no list).',
  }),
  get_group_at_all_remain: () => action({
    params: GroupIdParams,
    result: AtAllRemain,
    origin: 'go-cqhttp',
    doc: 'Reads how many @everyone mentions the bot has left today.',
    support: compat('supported', 'supported', 'unsupported'),
  }),
  get_group_system_msg: () => action({
    params: struct({ count: optional(t.number) }, 'GetGroupSystemMsgParams'),
    result: GroupSystemMsg,
    origin: 'go-cqhttp',
    doc: 'Lists pending group invitations and join requests.',
    support: compat('supported', 'serious', 'unsupported'),
    note: 'NapCat takes `count` (default 50) and fills entries from its own notify shape (`invitor_uin`, `requester_nick` …), plus an `InvitedRequest` copy; its adapter names the requester of a join request `requester_uin` and drops the copy.',
  }),
} satisfies Record<string, () => ActionDef>);
