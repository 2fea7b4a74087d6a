import * as t from 'io-ts';
import { IdParam } from '../../codec/id';
import { action, type ActionDef } from '../define';
import { NoResult, optional, struct } from './shared';
import { compat, EVERYWHERE, NOWHERE } from './support';
import { lazyRows } from '../lazy-rows';

/** `add` (someone asks to join) or `invite` (the bot is invited): the kind of a group request. */
export const GroupRequestType = t.keyof({ add: null, invite: null }, 'GroupRequestType');
export type GroupRequestType = t.TypeOf<typeof GroupRequestType>;

/** OneBot 11 and go-cqhttp group moderation: kicks, bans, admins, names, titles, requests, avatar. */
export const GROUP_ADMIN_ACTIONS = lazyRows({
  set_group_kick: () => action({
    params: struct(
      { group_id: IdParam, user_id: IdParam, reject_add_request: optional(t.boolean) },
      'SetGroupKickParams',
    ),
    result: NoResult,
    origin: 'onebot11',
    doc: 'Removes a member from a group (`reject_add_request` also blocks them from asking again).',
    support: EVERYWHERE,
  }),
  set_group_ban: () => action({
    params: struct({ group_id: IdParam, user_id: IdParam, duration: optional(t.number) }, 'SetGroupBanParams'),
    result: NoResult,
    origin: 'onebot11',
    doc: 'Mutes a member for `duration` seconds; 0 lifts the mute.',
    support: EVERYWHERE,
    note: 'NapCat defaults `duration` to 0 (unmute); the OneBot 11 spec to 1800.',
  }),
  set_group_anonymous_ban: () => action({
    params: struct(
      {
        group_id: IdParam,
        anonymous: optional(t.UnknownRecord),
        anonymous_flag: optional(t.string),
        flag: optional(t.string),
        duration: optional(t.number),
      },
      'SetGroupAnonymousBanParams',
    ),
    result: NoResult,
    origin: 'onebot11',
    doc: 'Mutes an anonymous member.',
    support: NOWHERE,
    note: 'Anonymous chat no longer exists in QQ.',
  }),
  set_group_whole_ban: () => action({
    params: struct({ group_id: IdParam, enable: optional(t.boolean) }, 'SetGroupWholeBanParams'),
    result: NoResult,
    origin: 'onebot11',
    doc: 'Mutes (or unmutes) the whole group.',
    support: EVERYWHERE,
  }),
  set_group_admin: () => action({
    params: struct({ group_id: IdParam, user_id: IdParam, enable: optional(t.boolean) }, 'SetGroupAdminParams'),
    result: NoResult,
    origin: 'onebot11',
    doc: 'Makes a member an admin, or removes the role.',
    support: EVERYWHERE,
  }),
  set_group_anonymous: () => action({
    params: struct({ group_id: IdParam, enable: optional(t.boolean) }, 'SetGroupAnonymousParams'),
    result: NoResult,
    origin: 'onebot11',
    doc: 'Allows or forbids anonymous chat in a group.',
    support: NOWHERE,
    note: 'Anonymous chat no longer exists in QQ.',
  }),
  set_group_card: () => action({
    params: struct({ group_id: IdParam, user_id: IdParam, card: optional(t.string) }, 'SetGroupCardParams'),
    result: NoResult,
    origin: 'onebot11',
    doc: 'Sets a member\'s group card (display name); empty clears it.',
    support: EVERYWHERE,
  }),
  set_group_name: () => action({
    params: struct({ group_id: IdParam, group_name: t.string }, 'SetGroupNameParams'),
    result: NoResult,
    origin: 'onebot11',
    doc: 'Renames a group.',
    support: EVERYWHERE,
  }),
  set_group_leave: () => action({
    params: struct({ group_id: IdParam, is_dismiss: optional(t.boolean) }, 'SetGroupLeaveParams'),
    result: NoResult,
    origin: 'onebot11',
    doc: 'Leaves a group (`is_dismiss` disbands it when the bot owns it).',
    support: compat('supported', 'supported', 'slight'),
    note: 'Lagrange ignores `is_dismiss`: its adapter refuses `is_dismiss: true`.',
  }),
  set_group_special_title: () => action({
    params: struct(
      { group_id: IdParam, user_id: IdParam, special_title: optional(t.string), duration: optional(t.number) },
      'SetGroupSpecialTitleParams',
    ),
    result: NoResult,
    origin: 'onebot11',
    doc: 'Sets a member\'s special title (owner only); empty clears it.',
    support: compat('supported', 'supported', 'slight'),
    note: 'NapCat and Lagrange ignore `duration`: titles do not expire.',
  }),
  set_group_add_request: () => action({
    params: struct(
      {
        flag: t.string,
        sub_type: optional(GroupRequestType),
        type: optional(GroupRequestType),
        approve: optional(t.boolean),
        reason: optional(t.string),
      },
      'SetGroupAddRequestParams',
    ),
    result: NoResult,
    origin: 'onebot11',
    doc: 'Accepts or rejects a join request or an invitation by its `flag`.',
    support: compat('supported', 'slight', 'supported'),
    note: 'NapCat finds the request from `flag` alone and ignores `sub_type`.',
  }),
  set_group_portrait: () => action({
    params: struct({ group_id: IdParam, file: t.string, cache: optional(t.number) }, 'SetGroupPortraitParams'),
    result: NoResult,
    origin: 'go-cqhttp',
    doc: 'Sets a group\'s avatar from a path, URL or `base64://` string.',
    support: EVERYWHERE,
    note: 'NapCat answers `{ result, errMsg }`.',
  }),
} satisfies Record<string, () => ActionDef>);
