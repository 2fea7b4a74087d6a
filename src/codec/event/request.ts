import * as t from 'io-ts';
import { Id } from '../id';
import { eventBase } from './common';
import { type EventCodecOf, lean, nullable } from './lean';

const request = { ...eventBase, post_type: t.literal('request') } as const;

const FriendRequestCodec = lean(
  { ...request, request_type: t.literal('friend'), user_id: Id, flag: t.string },
  { /** The requester's message (`null` or absent on some backends when empty). */ comment: nullable(t.string) },
  'FriendRequest',
);
/** Someone asks to be the bot's friend. */
export interface FriendRequest extends t.TypeOf<typeof FriendRequestCodec> {}
/**
 * Someone asks to be the bot's friend (`request.friend`). Answer with `set_friend_add_request` and this
 * `flag` (NapCat: the request's time stamp as a string).
 */
export const FriendRequest: EventCodecOf<FriendRequest> = FriendRequestCodec;

/** Sub-types of a group request: someone asks to join (`add`), or the bot is invited (`invite`). */
export const GroupRequestSubType = t.keyof({ add: null, invite: null }, 'GroupRequestSubType');

const GroupRequestCodec = lean(
  {
    ...request,
    request_type: t.literal('group'),
    sub_type: GroupRequestSubType,
    group_id: Id,
    user_id: Id,
    flag: t.string,
  },
  {
    /** The requester's message; Lagrange sends `null` when there is none. */
    comment: nullable(t.string),
    /** go-cqhttp and Lagrange: who invited the requester (0 when nobody). */
    invitor_id: Id,
  },
  'GroupRequest',
);
/** A request to join a group, or an invitation of the bot to one. */
export interface GroupRequest extends t.TypeOf<typeof GroupRequestCodec> {}
/**
 * A request to join a group, or an invitation of the bot to one (`request.group.add | invite`). Answer with
 * `set_group_add_request` and this `flag` (NapCat: the group notification's sequence). `comment` may be
 * `null` (Lagrange). NapCat also reports
 * a member inviting someone else as `add`, with `user_id` the invitee.
 */
export const GroupRequest: EventCodecOf<GroupRequest> = GroupRequestCodec;
