import * as t from 'io-ts';
import { Id, IdParam } from '../../codec/id';
import { action, type ActionDef } from '../define';
import { FriendInfo, NoResult, optional, StrangerInfo, struct } from './shared';
import { compat } from './support';
import { lazyRows } from '../lazy-rows';

/** One entry of `get_unidirectional_friend_list`: someone who has the bot as a friend but not back. */
export const UnidirectionalFriend = struct(
  { user_id: optional(Id), uin: optional(Id), nickname: optional(t.string), nick_name: optional(t.string), source: optional(t.string) },
  'UnidirectionalFriend',
);
export interface UnidirectionalFriend extends t.TypeOf<typeof UnidirectionalFriend> {}

/** OneBot 11 and go-cqhttp friend actions: likes, requests, lists, deletion. */
export const FRIEND_ACTIONS = lazyRows({
  send_like: () => action({
    params: struct({ user_id: IdParam, times: optional(t.number) }, 'SendLikeParams'),
    result: NoResult,
    origin: 'onebot11',
    doc: 'Sends profile likes to a user (`times`, default 1).',
    support: compat('unsupported', 'supported', 'supported'),
  }),
  set_friend_add_request: () => action({
    params: struct(
      { flag: t.string, approve: optional(t.boolean), remark: optional(t.string) },
      'SetFriendAddRequestParams',
    ),
    result: NoResult,
    origin: 'onebot11',
    doc: 'Accepts or rejects a friend request by its `flag`.',
    support: compat('supported', 'supported', 'slight'),
    note: 'Lagrange has no `remark`: its adapter refuses one.',
  }),
  get_stranger_info: () => action({
    params: struct({ user_id: IdParam, no_cache: optional(t.boolean) }, 'GetStrangerInfoParams'),
    result: StrangerInfo,
    origin: 'onebot11',
    doc: 'Reads any user\'s public profile.',
    support: compat('supported', 'slight', 'slight'),
    note: 'NapCat and Lagrange add fields (`long_nick`, `qid`, `login_days`, VIP flags …).',
  }),
  get_friend_list: () => action({
    params: struct({ no_cache: optional(t.boolean) }, 'GetFriendListParams'),
    result: t.array(FriendInfo, 'FriendList'),
    origin: 'onebot11',
    doc: 'Lists the bot\'s friends.',
    support: compat('supported', 'slight', 'slight'),
  }),
  get_unidirectional_friend_list: () => action({
    params: struct({}, 'GetUnidirectionalFriendListParams'),
    result: t.array(UnidirectionalFriend, 'UnidirectionalFriendList'),
    origin: 'go-cqhttp',
    doc: 'Lists one-way friends.',
    support: compat('supported', 'slight', 'unsupported'),
    note: 'NapCat names the fields `uin` / `nick_name`, go-cqhttp `user_id` / `nickname`: the NapCat adapter adds the go-cqhttp names.',
  }),
  delete_friend: () => action({
    params: struct(
      {
        user_id: IdParam,
        temp_block: optional(t.boolean),
        temp_both_del: optional(t.boolean),
      },
      'DeleteFriendParams',
    ),
    result: NoResult,
    origin: 'go-cqhttp',
    doc: 'Deletes a friend.',
    support: compat('supported', 'serious', 'serious'),
    note:
      'NapCat also takes `friend_id`, and `temp_block` / `temp_both_del` (block, delete on both sides); its `{ valid: false }` reply fails the call. Lagrange reads `temp_block` as `block` and has no `temp_both_del`, go-cqhttp neither: the adapters refuse what a backend lacks.',
  }),
  delete_unidirectional_friend: () => action({
    params: struct({ user_id: IdParam }, 'DeleteUnidirectionalFriendParams'),
    result: NoResult,
    origin: 'go-cqhttp',
    doc: 'Deletes a one-way friend.',
    support: compat('supported', 'unsupported', 'unsupported'),
  }),
} satisfies Record<string, () => ActionDef>);
