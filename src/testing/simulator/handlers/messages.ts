import type { SimSegment } from '../cq';
import { messageView, newMessage } from '../events';
import { ParamError, readParams } from '../params';
import { groupOf, type StoredMessage } from '../world';
import type { HandlerContext, HandlerTable } from './context';

type Target = { group_id: number } | { user_id: number };

function send(ctx: HandlerContext, target: Target, segments: SimSegment[]): { message_id: number } {
  if (segments.length === 0) throw new Error('message is empty: no segment could be sent');
  const { world } = ctx;
  const chat =
    'group_id' in target
      ? { group_id: groupOf(world, target.group_id).group_id, peer_id: target.group_id, user_id: world.selfId }
      : { peer_id: target.user_id, user_id: world.selfId };
  const message = newMessage(world, ctx.now(), chat, segments);
  world.messages.set(message.message_id, message);
  if (ctx.messageSent) ctx.emit(messageView(world, message));
  return { message_id: message.message_id };
}

function targetOf(p: { message_type?: string | undefined; group_id?: number | undefined; user_id?: number | undefined }): Target {
  const type = p.message_type ?? (p.group_id !== undefined ? 'group' : 'private');
  if (type === 'group' && p.group_id !== undefined) return { group_id: p.group_id };
  if (type === 'private' && p.user_id !== undefined) return { user_id: p.user_id };
  throw new ParamError(`Key: ${type === 'group' ? 'group_id' : 'user_id'}, Message: Expected required property`);
}

function stored(ctx: HandlerContext, messageId: number): StoredMessage {
  const message = ctx.world.messages.get(messageId);
  if (!message) throw new Error(`message ${messageId} not found or already recalled`);
  return message;
}

const HISTORY_SPEC = { message_seq: 'id?', count: 'number?', reverse_order: 'boolean?', reverseOrder: 'boolean?' } as const;

function history(
  ctx: HandlerContext,
  inChat: (m: StoredMessage) => boolean,
  p: { message_seq?: number | undefined; count?: number | undefined; reverse_order?: boolean | undefined; reverseOrder?: boolean | undefined },
): { messages: unknown[] } {
  const chat = [...ctx.world.messages.values()].filter(inChat);
  const start = p.message_seq ? chat.findIndex((m) => m.message_id === p.message_seq) : chat.length - 1;
  const count = p.count ?? 20;
  const slice = start < 0 ? [] : chat.slice(Math.max(0, start + 1 - count), start + 1);
  if (slice.length === 0) throw new Error(`no message at or before ${p.message_seq ?? 'the latest'}`);
  const ordered = p.reverse_order || p.reverseOrder ? slice.reverse() : slice;
  return { messages: ordered.map((m) => messageView(ctx.world, m)) };
}

const markRead = (): null => null;

/** Sending, reading, listing and recalling messages. */
export const MESSAGE_HANDLERS: HandlerTable = {
  send_msg: (params, ctx) => {
    const p = readParams(params, { message_type: 'string?', group_id: 'id?', user_id: 'id?', message: 'message' });
    return send(ctx, targetOf(p), p.message);
  },
  send_group_msg: (params, ctx) => {
    const p = readParams(params, { group_id: 'id', message: 'message' });
    return send(ctx, { group_id: p.group_id }, p.message);
  },
  send_private_msg: (params, ctx) => {
    const p = readParams(params, { user_id: 'id', message: 'message' });
    return send(ctx, { user_id: p.user_id }, p.message);
  },
  get_msg: (params, ctx) => {
    const { message_id } = readParams(params, { message_id: 'id' });
    return { ...messageView(ctx.world, stored(ctx, message_id)), emoji_likes_list: [] };
  },
  delete_msg: (params, ctx) => {
    const { message_id } = readParams(params, { message_id: 'id' });
    const message = stored(ctx, message_id);
    ctx.world.messages.delete(message_id);
    ctx.emit(
      message.group_id === undefined
        ? ctx.events.friendRecall({ user_id: message.peer_id, message_id })
        : ctx.events.groupRecall({
            group_id: message.group_id,
            user_id: message.user_id,
            operator_id: ctx.world.selfId,
            message_id,
          }),
    );
    return null;
  },
  get_group_msg_history: (params, ctx) => {
    const p = readParams(params, { group_id: 'id', ...HISTORY_SPEC });
    return history(ctx, (m) => m.group_id === p.group_id, p);
  },
  get_friend_msg_history: (params, ctx) => {
    const p = readParams(params, { user_id: 'id', ...HISTORY_SPEC });
    return history(ctx, (m) => m.message_type === 'private' && m.peer_id === p.user_id, p);
  },
  mark_msg_as_read: markRead,
  mark_group_msg_as_read: markRead,
  mark_private_msg_as_read: markRead,
  _mark_all_as_read: markRead,
};
