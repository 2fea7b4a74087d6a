import * as t from 'io-ts';
import { IdParam } from '../../../codec/id';
import { action, type ActionDef } from '../../define';
import { NoResult, optional, struct } from '../shared';
import { NAPCAT_ONLY } from './common';
import { lazyRows } from '../../lazy-rows';

/** Who may invite new members: nobody, members with admin approval, members freely, freely below 100 members. */
export const MemberInvitePolicy = t.keyof(
  { disabled: null, require_approval: null, no_approval: null, no_approval_under_100: null },
  'MemberInvitePolicy',
);
export type MemberInvitePolicy = t.TypeOf<typeof MemberInvitePolicy>;

/** NapCat's group settings: joining, search, members' rights, remark, and bulk kick. */
export const NAPCAT_GROUP_SETTING_ACTIONS = lazyRows({
  set_group_add_option: () => action({
    params: struct(
      {
        group_id: IdParam,
        add_type: t.number,
        group_question: optional(t.string),
        group_answer: optional(t.string),
      },
      'SetGroupAddOptionParams',
    ),
    result: NoResult,
    origin: 'napcat',
    doc: 'Sets how people join a group (`add_type`, QQ\'s code), with a question and answer where it needs them.',
    support: NAPCAT_ONLY,
  }),
  set_group_robot_add_option: () => action({
    params: struct(
      { group_id: IdParam, robot_member_switch: optional(t.number), robot_member_examine: optional(t.number) },
      'SetGroupRobotAddOptionParams',
    ),
    result: NoResult,
    origin: 'napcat',
    doc: 'Sets whether bots may join a group and whether they need approval.',
    support: NAPCAT_ONLY,
  }),
  set_group_search: () => action({
    params: struct(
      { group_id: IdParam, no_code_finger_open: optional(t.number), no_finger_open: optional(t.number) },
      'SetGroupSearchParams',
    ),
    result: NoResult,
    origin: 'napcat',
    doc: 'Sets whether a group can be found by search (QQ\'s two search flags).',
    support: NAPCAT_ONLY,
  }),
  set_group_remark: () => action({
    params: struct({ group_id: IdParam, remark: t.string }, 'SetGroupRemarkParams'),
    result: NoResult,
    origin: 'napcat',
    doc: "Sets the bot's private remark for a group.",
    support: NAPCAT_ONLY,
  }),
  set_group_kick_members: () => action({
    params: struct(
      { group_id: IdParam, user_id: t.array(IdParam), reject_add_request: optional(t.boolean) },
      'SetGroupKickMembersParams',
    ),
    result: NoResult,
    origin: 'napcat',
    doc: 'Removes several members from a group at once, optionally refusing their future requests.',
    support: NAPCAT_ONLY,
  }),
  set_group_member_invite_policy: () => action({
    params: struct({ group_id: IdParam, policy: MemberInvitePolicy }, 'SetGroupMemberInvitePolicyParams'),
    result: NoResult,
    origin: 'napcat',
    doc: 'Sets whether and how members may invite others to a group.',
    support: NAPCAT_ONLY,
  }),
  set_group_member_permissions: () => action({
    params: struct(
      {
        group_id: IdParam,
        allow_member_upload_album: optional(t.boolean),
        allow_member_temporary_session: optional(t.boolean),
        allow_member_create_group: optional(t.boolean),
      },
      'SetGroupMemberPermissionsParams',
    ),
    result: NoResult,
    origin: 'napcat',
    doc: "Sets members' rights to upload to the album, start temporary chats, and start new groups.",
    support: NAPCAT_ONLY,
    note: 'NapCat fails the call unless at least one permission is given.',
  }),
  set_group_new_member_history_visibility: () => action({
    params: struct({ group_id: IdParam, visible: t.boolean }, 'SetGroupNewMemberHistoryVisibilityParams'),
    result: NoResult,
    origin: 'napcat',
    doc: 'Sets whether new members see the recent chat history.',
    support: NAPCAT_ONLY,
  }),
} satisfies Record<string, () => ActionDef>);
