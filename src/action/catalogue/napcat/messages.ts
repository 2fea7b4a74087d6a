import * as t from 'io-ts';
import { Id, IdParam } from '../../../codec/id';
import { action, NoParams, type ActionDef } from '../../define';
import { compat } from '../support';
import { NoResult, optional, struct } from '../shared';
import { NAPCAT_ONLY, NumberOrString } from './common';
import { KERNEL_NOTE, KernelResult } from '../kernel';
import { lazyRows } from '../../lazy-rows';

/**
 * Params of the mark-as-read actions: NapCat finds the conversation from `message_id`, else `user_id`,
 * else `group_id` (all three optional in its schema).
 */
export const MarkAsReadParams = struct(
  { message_id: optional(IdParam), user_id: optional(IdParam), group_id: optional(IdParam) },
  'MarkAsReadParams',
);
export interface MarkAsReadParams extends t.TypeOf<typeof MarkAsReadParams> {}

/** One conversation of `get_recent_contact`, with its last message already parsed by NapCat. */
export const RecentContact = struct(
  {
    lastestMsg: t.unknown,
    peerUin: Id,
    remark: t.string,
    msgTime: t.string,
    chatType: t.number,
    msgId: t.string,
    sendNickName: t.string,
    sendMemberName: t.string,
    peerName: t.string,
  },
  'RecentContact',
);
export interface RecentContact extends t.TypeOf<typeof RecentContact> {}

/** NapCat message extensions: read marks, single-message forwarding, recent chats, typing, bot buttons. */
export const NAPCAT_MESSAGE_ACTIONS = lazyRows({
  mark_msg_as_read: () => action({
    params: MarkAsReadParams,
    result: NoResult,
    origin: 'go-cqhttp',
    doc: 'Marks a conversation read, found from `message_id` (NapCat also takes `user_id` or `group_id`).',
    support: compat('supported', 'slight', 'supported'),
    note: 'go-cqhttp and Lagrange take only `message_id`.',
  }),
  mark_group_msg_as_read: () => action({
    params: MarkAsReadParams,
    result: NoResult,
    origin: 'napcat',
    doc: 'Marks a group conversation read (`group_id`, or the conversation of `message_id`).',
    support: NAPCAT_ONLY,
  }),
  mark_private_msg_as_read: () => action({
    params: MarkAsReadParams,
    result: NoResult,
    origin: 'napcat',
    doc: 'Marks a private conversation read (`user_id`, or the conversation of `message_id`).',
    support: NAPCAT_ONLY,
  }),
  _mark_all_as_read: () => action({
    params: NoParams,
    result: NoResult,
    origin: 'napcat',
    doc: 'Marks every conversation read.',
    support: NAPCAT_ONLY,
  }),
  forward_friend_single_msg: () => action({
    params: struct({ message_id: IdParam, user_id: IdParam }, 'ForwardFriendSingleMsgParams'),
    result: NoResult,
    origin: 'napcat',
    doc: 'Forwards one message, as itself (not as a forward card), to a friend.',
    support: NAPCAT_ONLY,
    note: "NapCat's schema leaves both targets optional and prefers `user_id`; this row requires `user_id`.",
  }),
  forward_group_single_msg: () => action({
    params: struct({ message_id: IdParam, group_id: IdParam }, 'ForwardGroupSingleMsgParams'),
    result: NoResult,
    origin: 'napcat',
    doc: 'Forwards one message, as itself (not as a forward card), to a group.',
    support: NAPCAT_ONLY,
    note: "NapCat's schema leaves both targets optional and prefers `user_id`; this row requires `group_id`.",
  }),
  get_recent_contact: () => action({
    params: struct({ count: optional(NumberOrString) }, 'GetRecentContactParams'),
    result: t.array(RecentContact, 'RecentContactList'),
    origin: 'napcat',
    doc: 'Lists the most recent conversations (`count`, default 10) with their last message.',
    support: NAPCAT_ONLY,
  }),
  set_input_status: () => action({
    params: struct({ user_id: IdParam, event_type: t.number }, 'SetInputStatusParams'),
    result: KernelResult,
    origin: 'napcat',
    doc: 'Shows a typing or speaking indicator to a friend (`event_type` picks which).',
    support: NAPCAT_ONLY,
    note: KERNEL_NOTE,
  }),
  click_inline_keyboard_button: () => action({
    params: struct(
      {
        group_id: IdParam,
        bot_appid: IdParam,
        button_id: optional(t.string),
        callback_data: optional(t.string),
        msg_seq: optional(IdParam),
      },
      'ClickInlineKeyboardButtonParams',
    ),
    result: KernelResult,
    origin: 'napcat',
    doc: "Clicks a button of an official bot's inline keyboard in a group.",
    support: NAPCAT_ONLY,
    note: KERNEL_NOTE,
  }),
} satisfies Record<string, () => ActionDef>);
