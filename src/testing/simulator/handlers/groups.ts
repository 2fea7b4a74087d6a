import { readParams } from '../params';
import type { MemberRole } from '../types';
import { groupInfo, groupOf, makeMember, memberOf, nicknameOf, type Member } from '../world';
import type { HandlerContext, HandlerTable } from './context';

function approveGroupRequest(ctx: HandlerContext, flag: string, approve: boolean): null {
  const { world } = ctx;
  const request = world.requests.get(flag);
  if (!request || request.request_type !== 'group' || request.group_id === undefined) {
    throw new Error(`no pending group request with flag ${flag}`);
  }
  world.requests.delete(flag);
  if (!approve) return null;
  const groupId = request.group_id;
  if (request.sub_type === 'invite') {
    if (!world.groups.has(groupId)) {
      world.groups.set(groupId, {
        group_id: groupId,
        group_name: `group${groupId}`,
        group_remark: '',
        max_member_count: 500,
        group_all_shut: 0,
        members: new Map([[world.selfId, makeMember(groupId, { user_id: world.selfId, nickname: world.nickname }, ctx.now())]]),
      });
    }
    ctx.emit(ctx.events.groupIncrease({ group_id: groupId, user_id: world.selfId, operator_id: request.user_id, sub_type: 'invite' }));
    return null;
  }
  const group = groupOf(world, groupId);
  group.members.set(
    request.user_id,
    makeMember(groupId, { user_id: request.user_id, nickname: nicknameOf(world, request.user_id) }, ctx.now()),
  );
  ctx.emit(ctx.events.groupIncrease({ group_id: groupId, user_id: request.user_id, operator_id: world.selfId }));
  return null;
}

function poke(ctx: HandlerContext, groupId: number | undefined, userId: number, targetId: number | undefined): null {
  const target = targetId ?? userId;
  ctx.emit(
    groupId === undefined
      ? ctx.events.friendPoke({ user_id: userId, sender_id: ctx.world.selfId, target_id: target })
      : ctx.events.groupPoke({ group_id: groupOf(ctx.world, groupId).group_id, user_id: ctx.world.selfId, target_id: target }),
  );
  return null;
}

const MEMBER = { group_id: 'id', user_id: 'id' } as const;

/** QQ's numeric member roles, as its raw member records carry them. */
const RAW_ROLE: Readonly<Record<MemberRole, number>> = { owner: 4, admin: 3, member: 2 };

/** A muted member as `get_group_shut_list` answers it: QQ's raw member record (a subset of its fields). */
function shutRecord(member: Member): Record<string, unknown> {
  return {
    uid: `u_sim${member.user_id}`,
    uin: String(member.user_id),
    nick: member.nickname,
    cardName: member.card,
    role: RAW_ROLE[member.role],
    memberSpecialTitle: member.title,
    joinTime: member.join_time,
    lastSpeakTime: member.last_sent_time,
    shutUpTime: member.shut_up_timestamp,
  };
}

/** Group lists and info, members, and the admin actions that change them (each emits its notice). */
export const GROUP_HANDLERS: HandlerTable = {
  get_group_list: (_params, { world }) => [...world.groups.values()].map(groupInfo),
  get_group_info: (params, { world }) => groupInfo(groupOf(world, readParams(params, { group_id: 'id' }).group_id)),
  get_group_detail_info: (params, { world }) => groupInfo(groupOf(world, readParams(params, { group_id: 'id' }).group_id)),
  set_group_remark: (params, { world }) => {
    const p = readParams(params, { group_id: 'id', remark: 'string' });
    groupOf(world, p.group_id).group_remark = p.remark;
    return null;
  },
  get_group_shut_list: (params, ctx) => {
    const { group_id } = readParams(params, { group_id: 'id' });
    const muted = [...groupOf(ctx.world, group_id).members.values()].filter((m) => m.shut_up_timestamp > ctx.now());
    return muted.map(shutRecord);
  },
  get_group_member_list: (params, { world }) => [
    ...groupOf(world, readParams(params, { group_id: 'id' }).group_id).members.values(),
  ].map((m) => ({ ...m })),
  get_group_member_info: (params, { world }) => {
    const p = readParams(params, MEMBER);
    return { ...memberOf(world, p.group_id, p.user_id) };
  },
  set_group_card: (params, ctx) => {
    const p = readParams(params, { ...MEMBER, card: 'string?' });
    const member = memberOf(ctx.world, p.group_id, p.user_id);
    const card_old = member.card;
    member.card = p.card ?? '';
    ctx.emit(ctx.events.groupCard({ group_id: p.group_id, user_id: p.user_id, card_new: member.card, card_old }));
    return null;
  },
  set_group_admin: (params, ctx) => {
    const p = readParams(params, { ...MEMBER, enable: 'boolean?' });
    const member = memberOf(ctx.world, p.group_id, p.user_id);
    const enable = p.enable ?? true;
    if (member.role === 'owner') throw new Error('cannot change the role of the group owner');
    member.role = enable ? 'admin' : 'member';
    ctx.emit(ctx.events.groupAdmin({ group_id: p.group_id, user_id: p.user_id, sub_type: enable ? 'set' : 'unset' }));
    return null;
  },
  set_group_ban: (params, ctx) => {
    const p = readParams(params, { ...MEMBER, duration: 'number?' });
    const member = memberOf(ctx.world, p.group_id, p.user_id);
    const duration = p.duration ?? 0;
    member.shut_up_timestamp = duration > 0 ? ctx.now() + duration : 0;
    ctx.emit(ctx.events.groupBan({ group_id: p.group_id, user_id: p.user_id, duration, operator_id: ctx.world.selfId }));
    return null;
  },
  set_group_whole_ban: (params, ctx) => {
    const p = readParams(params, { group_id: 'id', enable: 'boolean?' });
    const enable = p.enable ?? true;
    groupOf(ctx.world, p.group_id).group_all_shut = enable ? -1 : 0;
    ctx.emit(ctx.events.groupBan({ group_id: p.group_id, user_id: 0, duration: enable ? -1 : 0, operator_id: ctx.world.selfId }));
    return null;
  },
  set_group_name: (params, ctx) => {
    const p = readParams(params, { group_id: 'id', group_name: 'string' });
    groupOf(ctx.world, p.group_id).group_name = p.group_name;
    ctx.emit(ctx.events.groupName({ group_id: p.group_id, user_id: ctx.world.selfId, name_new: p.group_name }));
    return null;
  },
  set_group_special_title: (params, ctx) => {
    const p = readParams(params, { ...MEMBER, special_title: 'string?' });
    const member = memberOf(ctx.world, p.group_id, p.user_id);
    member.title = p.special_title ?? '';
    ctx.emit(ctx.events.groupTitle({ group_id: p.group_id, user_id: p.user_id, title: member.title }));
    return null;
  },
  set_group_kick: (params, ctx) => {
    const p = readParams(params, { ...MEMBER, reject_add_request: 'boolean?' });
    memberOf(ctx.world, p.group_id, p.user_id);
    groupOf(ctx.world, p.group_id).members.delete(p.user_id);
    ctx.emit(ctx.events.groupDecrease({ group_id: p.group_id, user_id: p.user_id, operator_id: ctx.world.selfId, sub_type: 'kick' }));
    return null;
  },
  set_group_leave: (params, ctx) => {
    const p = readParams(params, { group_id: 'id', is_dismiss: 'boolean?' });
    groupOf(ctx.world, p.group_id);
    ctx.world.groups.delete(p.group_id);
    ctx.emit(
      ctx.events.groupDecrease({
        group_id: p.group_id,
        user_id: ctx.world.selfId,
        operator_id: ctx.world.selfId,
        sub_type: p.is_dismiss ? 'disband' : 'leave',
      }),
    );
    return null;
  },
  set_group_add_request: (params, ctx) => {
    const p = readParams(params, { flag: 'string', approve: 'boolean?', reason: 'string?' });
    return approveGroupRequest(ctx, p.flag, p.approve ?? true);
  },
  group_poke: (params, ctx) => {
    const p = readParams(params, { group_id: 'id', user_id: 'id', target_id: 'id?' });
    return poke(ctx, p.group_id, p.user_id, p.target_id);
  },
  send_poke: (params, ctx) => {
    const p = readParams(params, { group_id: 'id?', user_id: 'id', target_id: 'id?' });
    return poke(ctx, p.group_id, p.user_id, p.target_id);
  },
};
