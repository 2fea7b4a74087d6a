import * as t from 'io-ts';
import { Id, IdParam } from '../../codec/id';
import { MessageParam } from '../../message/message-param';
import { action, type ActionDef } from '../define';
import { MessageDetail, MessageIdResult, MessageList, NoResult, optional, type StructC, struct } from './shared';
import { compat, EVERYWHERE } from './support';
import { lazyRows } from '../lazy-rows';

/** `private` or `group`: where `send_msg` goes when both IDs could apply. */
export const MessageType = t.keyof({ private: null, group: null }, 'MessageType');

/**
 * A send params codec whose string `message` goes out as the string itself when `auto_escape: false` (CQ
 * code, parsed by the backend), and as one text segment otherwise (plain text on every backend, so user
 * input cannot inject CQ codes).
 */
function cqAware<P extends t.Props & { message: typeof MessageParam; auto_escape: t.Mixed }>(
  codec: StructC<P>,
): StructC<P> {
  const encode = (params: t.TypeOf<StructC<P>>): t.OutputOf<StructC<P>> => {
    const wire = codec.encode(params);
    const { message, auto_escape } = params as { message?: unknown; auto_escape?: unknown };
    return auto_escape === false && typeof message === 'string' ? { ...wire, message } : wire;
  };
  return new t.InterfaceType(codec.name, codec.is, codec.validate, encode, codec.props);
}

/**
 * `send_msg` params: `group_id` or `user_id` picks the conversation; `message_type` forces one. A string
 * `message` with `auto_escape: false` is sent as CQ code.
 *
 * @example
 * client.sendMessage({ group_id: 1, message: 'x[CQ:face,id=14]y', auto_escape: false }); // a face between x and y
 */
export const SendMsgParams = cqAware(
  struct(
    {
      message_type: optional(MessageType),
      user_id: optional(IdParam),
      group_id: optional(IdParam),
      message: MessageParam,
      auto_escape: optional(t.boolean),
    },
    'SendMsgParams',
  ),
);

/** The reply of the forward-message senders: NapCat adds the forward's `res_id` / `forward_id`. */
export const ForwardSendResult = struct(
  { message_id: Id, res_id: optional(t.string), forward_id: optional(t.string) },
  'ForwardSendResult',
);
export interface ForwardSendResult extends t.TypeOf<typeof ForwardSendResult> {}

/** `get_forward_msg` reply: the forward's nodes (message events or `node` segments, by backend). */
export const ForwardContent = struct({ messages: optional(t.array(t.unknown)) }, 'ForwardContent');
export interface ForwardContent extends t.TypeOf<typeof ForwardContent> {}

const MessageIdParams = struct({ message_id: IdParam }, 'MessageIdParams');

const historyFields = {
  message_seq: optional(IdParam),
  count: optional(t.number),
  reverse_order: optional(t.boolean),
  disable_get_url: optional(t.boolean),
  parse_mult_msg: optional(t.boolean),
  quick_reply: optional(t.boolean),
};

/** OneBot 11 and go-cqhttp message actions: send, recall, read back, forward, history. */
export const MESSAGE_ACTIONS = lazyRows({
  send_msg: () => action({
    params: SendMsgParams,
    result: MessageIdResult,
    origin: 'onebot11',
    doc: 'Sends a message to a group or a user.',
    support: EVERYWHERE,
    sends: 'conversation',
  }),
  send_private_msg: () => action({
    params: cqAware(
      struct({ user_id: IdParam, message: MessageParam, auto_escape: optional(t.boolean) }, 'SendPrivateMsgParams'),
    ),
    result: MessageIdResult,
    origin: 'onebot11',
    doc: 'Sends a private message.',
    support: EVERYWHERE,
    sends: 'private',
  }),
  send_group_msg: () => action({
    params: cqAware(
      struct({ group_id: IdParam, message: MessageParam, auto_escape: optional(t.boolean) }, 'SendGroupMsgParams'),
    ),
    result: MessageIdResult,
    origin: 'onebot11',
    doc: 'Sends a group message.',
    support: EVERYWHERE,
    sends: 'group',
  }),
  delete_msg: () => action({
    params: MessageIdParams,
    result: NoResult,
    origin: 'onebot11',
    doc: 'Recalls a message.',
    support: EVERYWHERE,
  }),
  get_msg: () => action({
    params: MessageIdParams,
    result: MessageDetail,
    origin: 'onebot11',
    doc: 'Reads one stored message back by its ID.',
    support: EVERYWHERE,
  }),
  get_forward_msg: () => action({
    params: struct({ id: optional(t.string), message_id: optional(IdParam) }, 'GetForwardMsgParams'),
    result: ForwardContent,
    origin: 'onebot11',
    doc: 'Reads the content of a forwarded-messages bundle.',
    support: EVERYWHERE,
    note: 'OneBot 11 and go-cqhttp take `id`; NapCat takes `id` or `message_id`.',
  }),
  send_forward_msg: () => action({
    params: struct(
      {
        message_type: optional(MessageType),
        user_id: optional(IdParam),
        group_id: optional(IdParam),
        messages: MessageParam,
      },
      'SendForwardMsgParams',
    ),
    result: ForwardSendResult,
    origin: 'go-cqhttp',
    doc: 'Sends a forward (a list of `node` segments) to a group or a user.',
    support: compat('supported', 'supported', 'serious'),
    note: "Lagrange's own `send_forward_msg` only uploads the forward and answers its `res_id`: its adapter sends to the target through `send_group_forward_msg` / `send_private_forward_msg` (without a target, the upload).",
    sends: 'conversation',
  }),
  send_group_forward_msg: () => action({
    params: struct({ group_id: IdParam, messages: MessageParam }, 'SendGroupForwardMsgParams'),
    result: ForwardSendResult,
    origin: 'go-cqhttp',
    doc: 'Sends a forward (a list of `node` segments) to a group.',
    support: EVERYWHERE,
    sends: 'group',
  }),
  send_private_forward_msg: () => action({
    params: struct({ user_id: IdParam, messages: MessageParam }, 'SendPrivateForwardMsgParams'),
    result: ForwardSendResult,
    origin: 'go-cqhttp',
    doc: 'Sends a forward (a list of `node` segments) to a user.',
    support: EVERYWHERE,
    sends: 'private',
  }),
  get_group_msg_history: () => action({
    params: struct({ group_id: IdParam, ...historyFields }, 'GetGroupMsgHistoryParams'),
    result: MessageList,
    origin: 'go-cqhttp',
    doc: 'Reads a group\'s message history, `count` messages from `message_seq` (latest when omitted).',
    support: compat('supported', 'slight', 'serious'),
    note: 'NapCat adds `count` (default 20), `reverse_order` and parsing flags; go-cqhttp has no `count`.',
  }),
  get_friend_msg_history: () => action({
    params: struct({ user_id: IdParam, ...historyFields }, 'GetFriendMsgHistoryParams'),
    result: MessageList,
    origin: 'go-cqhttp',
    doc: 'Reads a private conversation\'s history, `count` messages from `message_seq`.',
    support: compat('unsupported', 'extension', 'extension'),
    note: 'A community extension: go-cqhttp does not have it.',
  }),
} satisfies Record<string, () => ActionDef>);
