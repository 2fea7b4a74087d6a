import * as t from 'io-ts';
import { Id, IdParam } from '../../codec/id';
import { action, type ActionDef } from '../define';
import { NoResult, optional, struct } from './shared';
import { compat, EVERYWHERE } from './support';
import { KERNEL_NOTE, KernelResult } from './kernel';
import { lazyRows } from '../lazy-rows';

/** One essence (pinned highlight) message of `get_essence_msg_list`. */
export const EssenceMessage = struct(
  {
    sender_id: Id,
    sender_nick: optional(t.string),
    sender_time: optional(t.number),
    operator_id: optional(Id),
    operator_nick: optional(t.string),
    operator_time: optional(t.number),
    message_id: Id,
    content: optional(t.array(t.unknown)),
  },
  'EssenceMessage',
);
export interface EssenceMessage extends t.TypeOf<typeof EssenceMessage> {}

/** One announcement of `_get_group_notice`. */
export const GroupNotice = struct(
  {
    notice_id: optional(t.string),
    sender_id: Id,
    publish_time: t.number,
    message: struct(
      { text: t.string, images: optional(t.array(t.unknown)), image: optional(t.array(t.unknown)) },
      'GroupNoticeContent',
    ),
    settings: optional(t.unknown),
    read_num: optional(t.number),
  },
  'GroupNotice',
);
export interface GroupNotice extends t.TypeOf<typeof GroupNotice> {}

/** A 0/1 switch of `_send_group_notice`. */
const Flag = t.union([t.literal(0), t.literal(1)], 'Flag');

const MessageIdParams = struct({ message_id: IdParam }, 'MessageIdParams');

/** go-cqhttp group extras: essence messages, announcements, check-in. */
export const GROUP_BOARD_ACTIONS = lazyRows({
  set_essence_msg: () => action({
    params: MessageIdParams,
    result: KernelResult,
    origin: 'go-cqhttp',
    doc: 'Marks a group message as essence.',
    support: EVERYWHERE,
    note: KERNEL_NOTE,
  }),
  delete_essence_msg: () => action({
    params: MessageIdParams,
    result: KernelResult,
    origin: 'go-cqhttp',
    doc: 'Removes a message from the group\'s essence list.',
    support: EVERYWHERE,
    note: `${KERNEL_NOTE}. NapCat also takes \`group_id\` + \`msg_seq\` + \`msg_random\` instead of \`message_id\`.`,
  }),
  get_essence_msg_list: () => action({
    params: struct({ group_id: IdParam }, 'GetEssenceMsgListParams'),
    result: t.array(EssenceMessage, 'EssenceMessageList'),
    origin: 'go-cqhttp',
    doc: 'Lists a group\'s essence messages.',
    support: compat('supported', 'slight', 'slight'),
    note: 'NapCat adds `content` (the message segments) and `msg_seq` / `msg_random`.',
  }),
  send_group_sign: () => action({
    params: struct({ group_id: IdParam }, 'SendGroupSignParams'),
    result: NoResult,
    origin: 'go-cqhttp',
    doc: 'Checks the bot in to a group (daily sign-in).',
    support: compat('supported', 'supported', 'unsupported'),
  }),
  _get_group_notice: () => action({
    params: struct({ group_id: IdParam }, 'GetGroupNoticeParams'),
    result: t.array(GroupNotice, 'GroupNoticeList'),
    origin: 'go-cqhttp',
    doc: 'Lists a group\'s announcements.',
    support: EVERYWHERE,
  }),
  _send_group_notice: () => action({
    params: struct(
      {
        group_id: IdParam,
        content: t.string,
        image: optional(t.string),
        pinned: optional(Flag),
        type: optional(t.number),
        confirm_required: optional(Flag),
        is_show_edit_card: optional(Flag),
        tip_window_type: optional(t.number),
      },
      'SendGroupNoticeParams',
    ),
    result: NoResult,
    origin: 'go-cqhttp',
    doc: 'Publishes a group announcement (text, optional image).',
    support: compat('supported', 'slight', 'supported'),
    note: 'NapCat adds `pinned`, `type`, `confirm_required`, `is_show_edit_card`, `tip_window_type`.',
  }),
  _del_group_notice: () => action({
    params: struct({ group_id: IdParam, notice_id: t.string }, 'DelGroupNoticeParams'),
    result: KernelResult,
    origin: 'go-cqhttp',
    doc: 'Deletes a group announcement.',
    support: EVERYWHERE,
    note: KERNEL_NOTE,
  }),
} satisfies Record<string, () => ActionDef>);
