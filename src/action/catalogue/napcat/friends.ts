import * as t from 'io-ts';
import { DoubtFriendRequest } from '../kernel-lists';
import { IdParam } from '../../../codec/id';
import { action, NoParams, type ActionDef } from '../../define';
import { FriendInfo, NoResult, optional, struct } from '../shared';
import { NAPCAT_ONLY, NumberOrString, UserIdParams } from './common';
import { KERNEL_NOTE, KernelResult } from '../kernel';
import { lazyRows } from '../../lazy-rows';

/** One friend category ("group" in QQ's UI) with its friends. */
export const FriendCategory = struct(
  { categoryId: t.number, categoryName: t.string, categoryMbCount: t.number, buddyList: t.array(FriendInfo) },
  'FriendCategory',
);
export interface FriendCategory extends t.TypeOf<typeof FriendCategory> {}

/** `get_profile_like` reply: profile likes received (`favoriteInfo`) and given (`voteInfo`), QQ's raw shape. */
export const ProfileLike = struct(
  {
    uid: t.string,
    time: t.union([t.string, t.number]),
    favoriteInfo: struct(
      { userInfos: t.array(t.unknown), total_count: t.number, last_time: t.number, today_count: t.number },
      'ProfileLikeFavorites',
    ),
    voteInfo: struct(
      {
        userInfos: t.array(t.unknown),
        total_count: t.number,
        new_count: t.number,
        new_nearby_count: t.number,
        last_visit_time: t.number,
      },
      'ProfileLikeVotes',
    ),
  },
  'ProfileLike',
);
export interface ProfileLike extends t.TypeOf<typeof ProfileLike> {}

/** `nc_get_user_status` reply: QQ's online status code and its extended status code. */
export const UserStatus = struct({ status: t.number, ext_status: t.number }, 'UserStatus');
export interface UserStatus extends t.TypeOf<typeof UserStatus> {}

/** NapCat's friend extensions: categories, remarks, profile likes, online status, suspicious requests. */
export const NAPCAT_FRIEND_ACTIONS = lazyRows({
  get_friends_with_category: () => action({
    params: NoParams,
    result: t.array(FriendCategory, 'FriendCategoryList'),
    origin: 'napcat',
    doc: "Lists the bot's friends grouped by category.",
    support: NAPCAT_ONLY,
  }),
  set_friend_remark: () => action({
    params: struct({ user_id: IdParam, remark: t.string }, 'SetFriendRemarkParams'),
    result: NoResult,
    origin: 'napcat',
    doc: "Sets the bot's remark for a friend.",
    support: NAPCAT_ONLY,
  }),
  get_profile_like: () => action({
    params: struct(
      { user_id: optional(IdParam), start: optional(NumberOrString), count: optional(NumberOrString) },
      'GetProfileLikeParams',
    ),
    result: ProfileLike,
    origin: 'napcat',
    doc: "Reads the profile likes of a user (the bot's own when `user_id` is left out), paged by `start` / `count`.",
    support: NAPCAT_ONLY,
  }),
  nc_get_user_status: () => action({
    params: UserIdParams,
    result: UserStatus,
    origin: 'napcat',
    doc: "Reads a user's online status.",
    support: NAPCAT_ONLY,
  }),
  get_doubt_friends_add_request: () => action({
    params: struct({ count: optional(t.number) }, 'GetDoubtFriendsAddRequestParams'),
    result: t.array(DoubtFriendRequest, 'DoubtFriendRequestList'),
    origin: 'napcat',
    doc: 'Lists the friend requests QQ filtered out as suspicious (`count`, default 50).',
    support: NAPCAT_ONLY,
    note: "NapCat's schema is Any; typed from the list its handler builds.",
  }),
  set_doubt_friends_add_request: () => action({
    params: struct({ flag: t.string, approve: optional(t.boolean) }, 'SetDoubtFriendsAddRequestParams'),
    result: KernelResult,
    origin: 'napcat',
    doc: 'Accepts a suspicious friend request by its `flag` (NapCat ignores `approve`: it always accepts).',
    support: NAPCAT_ONLY,
    note: KERNEL_NOTE,
  }),
} satisfies Record<string, () => ActionDef>);
