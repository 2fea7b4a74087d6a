import type { SimSegment } from './cq';
import type { FriendSeed, GroupSeed, MemberRole, MemberSeed, Sex, WorldSeed } from './types';

/** A friend as `get_friend_list` answers it on NapCat. */
export interface Friend {
  user_id: number;
  nickname: string;
  remark: string;
  sex: Sex;
  age: number;
  level: number;
}

/** A group member as `get_group_member_info` answers it on NapCat. */
export interface Member {
  group_id: number;
  user_id: number;
  nickname: string;
  card: string;
  sex: Sex;
  age: number;
  area: string;
  level: string;
  qq_level: number;
  join_time: number;
  last_sent_time: number;
  title_expire_time: number;
  unfriendly: boolean;
  card_changeable: boolean;
  is_robot: boolean;
  shut_up_timestamp: number;
  role: MemberRole;
  title: string;
}

/** A group's own fields (its `member_count` is derived from `members`). */
export interface GroupState {
  group_id: number;
  group_name: string;
  group_remark: string;
  max_member_count: number;
  /** -1 while the whole group is muted, as NapCat reports it. */
  group_all_shut: number;
  members: Map<number, Member>;
}

/** A message kept by the world: sent by the account or emitted as an event. */
export interface StoredMessage {
  message_id: number;
  message_type: 'group' | 'private';
  sub_type: string;
  /** The group, for group messages. */
  group_id?: number;
  /** The other side of a private chat. */
  peer_id: number;
  /** The sender. */
  user_id: number;
  time: number;
  /** Per-chat sequence number (NapCat's `real_seq`). */
  seq: number;
  segments: SimSegment[];
  sender: Record<string, unknown>;
}

/** One essence entry as `get_essence_msg_list` answers it. */
export interface Essence {
  msg_seq: number;
  msg_random: number;
  sender_id: number;
  sender_nick: string;
  operator_id: number;
  operator_nick: string;
  message_id: number;
  operator_time: number;
  content: SimSegment[];
}

/** One group notice (announcement) as `_get_group_notice` answers it. */
export interface GroupNotice {
  notice_id: string;
  sender_id: number;
  publish_time: number;
  message: { text: string; image: unknown[]; images: unknown[] };
  settings: Record<string, number>;
  read_num: number;
}

/** A group file as `get_group_root_files` answers it, plus the folder it lives in. */
export interface GroupFile {
  group_id: number;
  file_id: string;
  file_name: string;
  busid: number;
  size: number;
  file_size: number;
  upload_time: number;
  dead_time: number;
  modify_time: number;
  download_times: number;
  uploader: number;
  uploader_name: string;
  /** `/` for the root folder (internal: not part of NapCat's answer). */
  folder_id: string;
  /** Local path of the uploaded bytes, served at the file's URL (internal). */
  source?: string;
}

/** A group folder as `get_group_root_files` answers it. */
export interface GroupFolder {
  group_id: number;
  folder_id: string;
  folder: string;
  folder_name: string;
  create_time: number;
  creator: number;
  creator_name: string;
  total_file_count: number;
}

/** A friend or group request waiting for `set_friend_add_request` / `set_group_add_request`. */
export interface PendingRequest {
  flag: string;
  request_type: 'friend' | 'group';
  sub_type: string;
  user_id: number;
  group_id?: number;
  comment: string;
}

/** The simulator's whole mutable state. */
export interface World {
  readonly selfId: number;
  nickname: string;
  friends: Map<number, Friend>;
  groups: Map<number, GroupState>;
  messages: Map<number, StoredMessage>;
  essence: Map<number, Essence[]>;
  notices: Map<number, GroupNotice[]>;
  folders: Map<number, Map<string, GroupFolder>>;
  files: Map<number, Map<string, GroupFile>>;
  requests: Map<string, PendingRequest>;
  /** Likes given by the account, per user. */
  likes: Map<number, number>;
  /** Monotonic counters for ids the world hands out. */
  counters: { message: number; file: number; notice: number; flag: number; seq: Map<string, number> };
}

/**
 * The simulator's default world, used for whatever `createSimulator({ selfId, world })` leaves out: the bot is
 * account 10000 ("onebot-rx sim"); its friends are Alice (20001) and Bob (20002); it is an admin of group 300001
 * ("onebot-rx test group"), whose owner is Alice and where Bob is a member.
 *
 * @example sim.emit(sim.events.groupMessage({ group_id: 300001, user_id: 20001, message: 'ping' }));
 */
export const DEFAULT_WORLD: Readonly<Required<WorldSeed> & { selfId: number }> = {
  selfId: 10000,
  nickname: 'onebot-rx sim',
  friends: [
    { user_id: 20001, nickname: 'Alice' },
    { user_id: 20002, nickname: 'Bob' },
  ],
  groups: [
    {
      group_id: 300001,
      group_name: 'onebot-rx test group',
      members: [
        { user_id: 20001, nickname: 'Alice', role: 'owner' },
        { user_id: 20002, nickname: 'Bob' },
      ],
    },
  ],
};

const DEFAULT_SEED: Required<WorldSeed> = DEFAULT_WORLD;

/** Builds a member record with NapCat's default field values. */
export function makeMember(groupId: number, seed: MemberSeed, now: number): Member {
  return {
    group_id: groupId,
    user_id: seed.user_id,
    nickname: seed.nickname,
    card: seed.card ?? '',
    sex: seed.sex ?? 'unknown',
    age: seed.age ?? 0,
    area: '',
    level: seed.level ?? '1',
    qq_level: 0,
    join_time: seed.join_time ?? now,
    last_sent_time: 0,
    title_expire_time: 0,
    unfriendly: false,
    card_changeable: true,
    is_robot: false,
    shut_up_timestamp: 0,
    role: seed.role ?? 'member',
    title: seed.title ?? '',
  };
}

function makeFriend(seed: FriendSeed): Friend {
  return {
    user_id: seed.user_id,
    nickname: seed.nickname,
    remark: seed.remark ?? seed.nickname,
    sex: seed.sex ?? 'unknown',
    age: seed.age ?? 0,
    level: 1,
  };
}

function makeGroup(seed: GroupSeed, selfId: number, nickname: string, now: number): GroupState {
  const members = new Map<number, Member>();
  for (const m of seed.members ?? []) members.set(m.user_id, makeMember(seed.group_id, m, now));
  if (!members.has(selfId)) members.set(selfId, makeMember(seed.group_id, { user_id: selfId, nickname, role: 'admin' }, now));
  return {
    group_id: seed.group_id,
    group_name: seed.group_name,
    group_remark: '',
    max_member_count: seed.max_member_count ?? 500,
    group_all_shut: 0,
    members,
  };
}

/** Creates the world from a seed (`now` in Unix seconds fills join times). */
export function createWorld(seed: WorldSeed | undefined, selfId: number, now: number): World {
  const full = { ...DEFAULT_SEED, ...seed };
  const groups = full.groups.map((g) => makeGroup(g, selfId, full.nickname, now));
  return {
    selfId,
    nickname: full.nickname,
    friends: new Map(full.friends.map((f) => [f.user_id, makeFriend(f)])),
    groups: new Map(groups.map((g) => [g.group_id, g])),
    messages: new Map(),
    essence: new Map(),
    notices: new Map(),
    folders: new Map(),
    files: new Map(),
    requests: new Map(),
    likes: new Map(),
    counters: { message: 1_000_000, file: 0, notice: 0, flag: 0, seq: new Map() },
  };
}

/** Hands out the next message id. */
export function nextMessageId(world: World): number {
  world.counters.message += 1;
  return world.counters.message;
}

/** Hands out the next sequence number of a chat (`group:<id>` or `private:<id>`). */
export function nextSeq(world: World, chat: string): number {
  const seq = (world.counters.seq.get(chat) ?? 0) + 1;
  world.counters.seq.set(chat, seq);
  return seq;
}

/** Hands out the next request flag. */
export function nextFlag(world: World): string {
  world.counters.flag += 1;
  return `sim-flag-${world.counters.flag}`;
}

/** The group, or an Error NapCat-style (the handler then answers retcode 1200). */
export function groupOf(world: World, groupId: number): GroupState {
  const group = world.groups.get(groupId);
  if (!group) throw new Error(`Group ${groupId} not found`);
  return group;
}

/** The member of a group, or an Error. */
export function memberOf(world: World, groupId: number, userId: number): Member {
  const member = groupOf(world, groupId).members.get(userId);
  if (!member) throw new Error(`Member ${userId} not found in group ${groupId}`);
  return member;
}

/** The group's public info, as `get_group_info` answers it. */
export function groupInfo(group: GroupState): Record<string, unknown> {
  return {
    group_all_shut: group.group_all_shut,
    group_remark: group.group_remark,
    group_id: group.group_id,
    group_name: group.group_name,
    member_count: group.members.size,
    max_member_count: group.max_member_count,
  };
}

/** A display name for a user: member card or nickname, friend nickname, or a made-up one. */
export function nicknameOf(world: World, userId: number, groupId?: number): string {
  if (userId === world.selfId) return world.nickname;
  const member = groupId === undefined ? undefined : world.groups.get(groupId)?.members.get(userId);
  return member?.nickname ?? world.friends.get(userId)?.nickname ?? `user${userId}`;
}

/** The map of a per-group collection, created on first use. */
export function perGroup<V>(map: Map<number, V>, groupId: number, create: () => V): V {
  const existing = map.get(groupId);
  if (existing !== undefined) return existing;
  const created = create();
  map.set(groupId, created);
  return created;
}
