import { type SimSegment, fromCq, toCq } from './cq';
import type { EventFactories, SimEvent, SimMessageInput } from './event-types';
import { nextFlag, nextMessageId, nextSeq, nicknameOf, type StoredMessage, type World } from './world';

const toSegments = (message: SimMessageInput): SimSegment[] =>
  typeof message === 'string' ? fromCq(message) : message.map((s) => ({ type: s.type, data: { ...s.data } }));

function base(world: World, now: number, post_type: string): SimEvent {
  return { time: now, self_id: world.selfId, post_type };
}

function senderOf(world: World, userId: number, groupId?: number): Record<string, unknown> {
  const member = groupId === undefined ? undefined : world.groups.get(groupId)?.members.get(userId);
  const sender: Record<string, unknown> = {
    user_id: userId,
    nickname: nicknameOf(world, userId, groupId),
    card: member?.card ?? '',
  };
  if (groupId !== undefined) sender['role'] = member?.role ?? 'member';
  return sender;
}

/** Builds and stores nothing: a new message record with fresh ids for a chat. */
export function newMessage(
  world: World,
  now: number,
  chat: { group_id?: number; peer_id: number; user_id: number; sub_type?: string },
  segments: SimSegment[],
): StoredMessage {
  const group = chat.group_id !== undefined;
  const key = group ? `group:${chat.group_id}` : `private:${chat.peer_id}`;
  return {
    message_id: nextMessageId(world),
    message_type: group ? 'group' : 'private',
    sub_type: chat.sub_type ?? (group ? 'normal' : 'friend'),
    ...(group ? { group_id: chat.group_id } : {}),
    peer_id: chat.peer_id,
    user_id: chat.user_id,
    time: now,
    seq: nextSeq(world, key),
    segments,
    sender: senderOf(world, chat.user_id, chat.group_id),
  };
}

/**
 * The OneBot 11 view of a stored message: the event NapCat pushes, and what `get_msg` answers
 * (`post_type` `message`, or `message_sent` for the account's own messages).
 */
export function messageView(world: World, msg: StoredMessage): SimEvent {
  const own = msg.user_id === world.selfId;
  const view: SimEvent = {
    self_id: world.selfId,
    user_id: msg.user_id,
    time: msg.time,
    message_id: msg.message_id,
    message_seq: msg.message_id,
    real_id: msg.message_id,
    real_seq: String(msg.seq),
    message_type: msg.message_type,
    sender: { ...msg.sender },
    raw_message: toCq(msg.segments),
    font: 14,
    sub_type: msg.sub_type,
    message: msg.segments.map((s) => ({ type: s.type, data: { ...s.data } })),
    message_format: 'array',
    post_type: own ? 'message_sent' : 'message',
  };
  if (own) view['message_sent_type'] = 'self';
  if (msg.group_id !== undefined) {
    view['group_id'] = msg.group_id;
    view['group_name'] = world.groups.get(msg.group_id)?.group_name ?? '';
  } else if (own) {
    view['target_id'] = msg.peer_id;
  }
  return view;
}

const num = (u: unknown): number | undefined => (typeof u === 'number' ? u : typeof u === 'string' && u !== '' ? Number(u) : undefined);

/** Reads a message event back into a stored message, so the world knows messages it emitted. */
export function storedFromEvent(event: Record<string, unknown>): StoredMessage | undefined {
  if (event['post_type'] !== 'message' && event['post_type'] !== 'message_sent') return undefined;
  const message_id = num(event['message_id']);
  const user_id = num(event['user_id']);
  if (message_id === undefined || user_id === undefined) return undefined;
  const group_id = num(event['group_id']);
  const raw = event['message'];
  const segments = typeof raw === 'string' ? fromCq(raw) : Array.isArray(raw) ? (raw as SimSegment[]) : [];
  return {
    message_id,
    message_type: event['message_type'] === 'group' ? 'group' : 'private',
    sub_type: String(event['sub_type'] ?? 'normal'),
    ...(event['message_type'] === 'group' && group_id !== undefined ? { group_id } : {}),
    peer_id: num(event['target_id']) ?? user_id,
    user_id,
    time: num(event['time']) ?? 0,
    seq: num(event['real_seq']) ?? message_id,
    segments,
    sender: (event['sender'] as Record<string, unknown> | undefined) ?? { user_id, nickname: '' },
  };
}


export type { EventFactories, SimEvent, SimMessageInput } from './event-types';

/** Binds the event factories to a world and a clock (Unix seconds). */
export function createEventFactories(world: World, now: () => number): EventFactories {
  const notice = (notice_type: string, fields: Record<string, unknown>): SimEvent => ({
    ...base(world, now(), 'notice'),
    notice_type,
    ...fields,
  });
  const self = world.selfId;
  return {
    groupMessage: ({ group_id, user_id, message, sub_type }) =>
      messageView(world, newMessage(world, now(), { group_id, peer_id: group_id, user_id, sub_type: sub_type ?? 'normal' }, toSegments(message))),
    privateMessage: ({ user_id, message, sub_type }) =>
      messageView(world, newMessage(world, now(), { peer_id: user_id, user_id, sub_type: sub_type ?? 'friend' }, toSegments(message))),
    groupRecall: ({ group_id, user_id, message_id, operator_id }) =>
      notice('group_recall', { group_id, user_id, operator_id: operator_id ?? user_id, message_id }),
    friendRecall: ({ user_id, message_id }) => notice('friend_recall', { user_id, message_id }),
    groupIncrease: ({ group_id, user_id, operator_id, sub_type }) =>
      notice('group_increase', { group_id, user_id, operator_id: operator_id ?? 0, sub_type: sub_type ?? 'approve' }),
    groupDecrease: ({ group_id, user_id, operator_id, sub_type }) =>
      notice('group_decrease', { group_id, user_id, sub_type: sub_type ?? 'leave', operator_id: operator_id ?? 0 }),
    groupBan: ({ group_id, user_id, duration, operator_id }) =>
      notice('group_ban', {
        group_id,
        user_id,
        operator_id: operator_id ?? self,
        duration,
        sub_type: duration > 0 || duration === -1 ? 'ban' : 'lift_ban',
      }),
    groupAdmin: ({ group_id, user_id, sub_type }) => notice('group_admin', { group_id, user_id, sub_type }),
    groupCard: ({ group_id, user_id, card_new, card_old }) =>
      notice('group_card', { group_id, user_id, card_new, card_old: card_old ?? '' }),
    groupUpload: ({ group_id, user_id, file }) =>
      notice('group_upload', { group_id, user_id, file: { busid: 102, ...file } }),
    essence: ({ group_id, message_id, sender_id, operator_id, sub_type }) =>
      notice('essence', {
        group_id,
        user_id: sender_id,
        message_id,
        sender_id,
        operator_id: operator_id ?? self,
        sub_type: sub_type ?? 'add',
      }),
    groupPoke: ({ group_id, user_id, target_id }) =>
      notice('notify', { sub_type: 'poke', target_id, user_id, group_id, raw_info: [] }),
    friendPoke: ({ user_id, target_id, sender_id }) =>
      notice('notify', { sub_type: 'poke', target_id: target_id ?? self, user_id, sender_id: sender_id ?? user_id, raw_info: [] }),
    groupName: ({ group_id, user_id, name_new }) => notice('notify', { group_id, user_id, sub_type: 'group_name', name_new }),
    groupTitle: ({ group_id, user_id, title }) => notice('notify', { group_id, user_id, sub_type: 'title', title }),
    friendAdd: ({ user_id }) => notice('friend_add', { user_id }),
    friendRequest: ({ user_id, comment, flag }) => ({
      ...base(world, now(), 'request'),
      request_type: 'friend',
      user_id,
      comment: comment ?? '',
      flag: flag ?? nextFlag(world),
    }),
    groupRequest: ({ group_id, user_id, sub_type, comment, flag }) => ({
      ...base(world, now(), 'request'),
      request_type: 'group',
      group_id,
      user_id,
      sub_type: sub_type ?? 'add',
      comment: comment ?? '',
      flag: flag ?? nextFlag(world),
    }),
    heartbeat: (interval) => ({
      ...base(world, now(), 'meta_event'),
      meta_event_type: 'heartbeat',
      status: { online: true, good: true },
      interval,
    }),
    lifecycle: (sub_type) => ({ ...base(world, now(), 'meta_event'), meta_event_type: 'lifecycle', sub_type }),
  };
}
