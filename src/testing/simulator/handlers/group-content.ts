import { readParams } from '../params';
import { groupOf, nicknameOf, perGroup, type Essence, type GroupNotice } from '../world';
import type { HandlerContext, HandlerTable } from './context';

function groupMessage(ctx: HandlerContext, messageId: number) {
  const message = ctx.world.messages.get(messageId);
  if (!message || message.group_id === undefined) throw new Error(`group message ${messageId} not found`);
  return { message, groupId: message.group_id };
}

function setEssence(ctx: HandlerContext, messageId: number): null {
  const { message, groupId } = groupMessage(ctx, messageId);
  const list = perGroup(ctx.world.essence, groupId, (): Essence[] => []);
  if (list.some((e) => e.message_id === messageId)) return null;
  list.push({
    msg_seq: message.seq,
    msg_random: message.message_id % 2_147_483_647,
    sender_id: message.user_id,
    sender_nick: nicknameOf(ctx.world, message.user_id, groupId),
    operator_id: ctx.world.selfId,
    operator_nick: ctx.world.nickname,
    message_id: messageId,
    operator_time: ctx.now(),
    content: message.segments,
  });
  ctx.emit(ctx.events.essence({ group_id: groupId, message_id: messageId, sender_id: message.user_id, operator_id: ctx.world.selfId }));
  return null;
}

function deleteEssence(ctx: HandlerContext, messageId: number): null {
  const entry = [...ctx.world.essence.entries()].find(([, list]) => list.some((e) => e.message_id === messageId));
  if (!entry) throw new Error(`message ${messageId} is not an essence message`);
  const [groupId, list] = entry;
  const index = list.findIndex((e) => e.message_id === messageId);
  const [removed] = list.splice(index, 1);
  ctx.emit(
    ctx.events.essence({
      group_id: groupId,
      message_id: messageId,
      sender_id: removed?.sender_id ?? 0,
      operator_id: ctx.world.selfId,
      sub_type: 'delete',
    }),
  );
  return null;
}

function publishNotice(ctx: HandlerContext, groupId: number, content: string, pinned: number, confirmRequired: number): null {
  groupOf(ctx.world, groupId);
  ctx.world.counters.notice += 1;
  const notice: GroupNotice = {
    notice_id: `sim-notice-${ctx.world.counters.notice}`,
    sender_id: ctx.world.selfId,
    publish_time: ctx.now(),
    message: { text: content, image: [], images: [] },
    settings: { is_show_edit_card: 0, remind_ts: 0, tip_window_type: 0, confirm_required: confirmRequired, pinned },
    read_num: 0,
  };
  perGroup(ctx.world.notices, groupId, (): GroupNotice[] => []).unshift(notice);
  return null;
}

/** Essence messages and group notices (announcements). */
export const GROUP_CONTENT_HANDLERS: HandlerTable = {
  set_essence_msg: (params, ctx) => setEssence(ctx, readParams(params, { message_id: 'id' }).message_id),
  delete_essence_msg: (params, ctx) => deleteEssence(ctx, readParams(params, { message_id: 'id' }).message_id),
  get_essence_msg_list: (params, { world }) => {
    const { group_id } = readParams(params, { group_id: 'id' });
    groupOf(world, group_id);
    return (world.essence.get(group_id) ?? []).map((e) => ({ ...e }));
  },
  _send_group_notice: (params, ctx) => {
    const p = readParams(params, { group_id: 'id', content: 'string', pinned: 'number?', confirm_required: 'number?' });
    return publishNotice(ctx, p.group_id, p.content, p.pinned ?? 0, p.confirm_required ?? 1);
  },
  _get_group_notice: (params, { world }) => {
    const { group_id } = readParams(params, { group_id: 'id' });
    groupOf(world, group_id);
    return (world.notices.get(group_id) ?? []).map((n) => ({ ...n }));
  },
  _del_group_notice: (params, { world }) => {
    const p = readParams(params, { group_id: 'id', notice_id: 'string' });
    const list = world.notices.get(p.group_id) ?? [];
    const index = list.findIndex((n) => n.notice_id === p.notice_id);
    if (index < 0) throw new Error(`notice ${p.notice_id} not found in group ${p.group_id}`);
    list.splice(index, 1);
    return null;
  },
};
