import type { ActionReply } from '../codec/frame';
import type { BackendName } from './define';

/**
 * A mechanical difference of one backend for one action: another wire name, params it needs filled, params it
 * reads under another name, one action per conversation type, params it does not implement, or a reply in
 * another shape.
 */
export interface Adapter {
  /** The name the backend registers the action under. */
  readonly action?: string;
  /** Params fields the backend requires, sent when the caller left them out. */
  readonly defaults?: Readonly<Record<string, unknown>>;
  /** Params the backend reads under another name: standard name → the backend's (the caller's own value wins). */
  readonly rename?: Readonly<Record<string, string>>;
  /**
   * The backend has one action per conversation type: the call goes out under the one its target selects
   * (`message_type`, else `group_id`, else `user_id`), without `message_type` and the other target's ID.
   */
  readonly byTarget?: { readonly group: string; readonly private: string };
  /**
   * Params the backend does not implement, each with the values that mean "not used": a call giving any other
   * value fails with `UnsupportedActionError` (naming the param) instead of being silently half-done.
   */
  readonly lacks?: Readonly<Record<string, readonly unknown[]>>;
  /** Rewrites the backend's reply into the standard one: the row's typed result, or a failure it hid in `data`. */
  readonly reply?: (reply: ActionReply) => ActionReply;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** NapCat's `_handle` returning `{ valid: false, message }`: an `ok` reply that is a failure. */
function napcatInvalid(reply: ActionReply): ActionReply {
  const { data } = reply;
  if (!isRecord(data) || data.valid !== false) return reply;
  return { ...reply, status: 'failed', data: null, message: typeof data.message === 'string' ? data.message : '' };
}

/** NapCat's `get_online_clients` answers a bare (always empty) array, not go-cqhttp's `{ clients }`. */
function napcatOnlineClients(reply: ActionReply): ActionReply {
  return Array.isArray(reply.data) ? { ...reply, data: { clients: reply.data } } : reply;
}

/**
 * NapCat's `get_group_system_msg` puts a join request's requester in `invitor_uin` / `requester_nick`
 * (its `user1`); go-cqhttp names it `requester_uin`. Also drops NapCat's `InvitedRequest` copy.
 */
function napcatGroupSystemMsg(reply: ActionReply): ActionReply {
  const { data } = reply;
  if (!isRecord(data)) return reply;
  const { InvitedRequest: _copy, ...rest } = data;
  const joins = Array.isArray(data.join_requests)
    ? data.join_requests.map((entry: unknown) =>
        isRecord(entry) && entry.requester_uin === undefined && entry.invitor_uin !== undefined
          ? { ...entry, requester_uin: entry.invitor_uin }
          : entry,
      )
    : data.join_requests;
  return { ...reply, data: { ...rest, ...(joins === undefined ? {} : { join_requests: joins }) } };
}

/** NapCat's `_get_model_show` answers `[{ variants: { … } }]`; go-cqhttp's `{ variants: [ … ] }`. */
function napcatModelShow(reply: ActionReply): ActionReply {
  const { data } = reply;
  if (!Array.isArray(data)) return reply;
  return { ...reply, data: { variants: data.map((entry: unknown) => (isRecord(entry) ? entry.variants : entry)) } };
}

/** NapCat's `get_unidirectional_friend_list` names go-cqhttp's `user_id` / `nickname` `uin` / `nick_name` (both are kept). */
function napcatUnidirectionalFriends(reply: ActionReply): ActionReply {
  const { data } = reply;
  if (!Array.isArray(data)) return reply;
  const friends = data.map((entry: unknown) =>
    isRecord(entry) ? { ...entry, user_id: entry.user_id ?? entry.uin, nickname: entry.nickname ?? entry.nick_name } : entry,
  );
  return { ...reply, data: friends };
}

/**
 * The parameter and reply differences per backend, one row per adapted action, each read from the backend's
 * own source. Differences that only add fields (or ignore harmless ones) need no row; see
 * {@link NOT_ADAPTED}.
 */
export const BACKEND_ADAPTERS: Readonly<Record<BackendName, Readonly<Record<string, Adapter>>>> = {
  napcat: {
    // GoCQHTTPGetModelShow.ts answers a list of `{ variants }` entries.
    get_model_show: { action: '_get_model_show', reply: napcatModelShow },
    set_model_show: { action: '_set_model_show' },
    get_record: { defaults: { out_format: 'mp3' } },
    // GetUnidirectionalFriendList.ts builds `{ uin, uid, nick_name, age, source }`.
    get_unidirectional_friend_list: { reply: napcatUnidirectionalFriends },
    // GoCQHTTPDeleteFriend.ts answers `{ valid: false, message }` with status ok when the user is no friend.
    delete_friend: { reply: napcatInvalid },
    // GetOnlineClient.ts: `return []` after asking the kernel (no device list is ever read).
    get_online_clients: { reply: napcatOnlineClients },
    // SetQQProfile.ts sets nickname, personal_note and sex only.
    set_qq_profile: { lacks: { company: [''], email: [''], college: [''] } },
    // GetSystemMsg.ts: join requests carry the requester as `invitor_uin`.
    get_group_system_msg: { reply: napcatGroupSystemMsg },
    // CreateGroupFileFolder.ts creates at the root only (`name` or `folder_name`, no parent).
    create_group_file_folder: { lacks: { parent_id: ['/', ''] } },
  },
  'go-cqhttp': {
    // coolq/api.go registers both under their underscore names (`@route(_get_model_show)`).
    get_model_show: { action: '_get_model_show' },
    set_model_show: { action: '_set_model_show' },
    get_record: { defaults: { out_format: 'mp3' } },
    // CQDeleteFriend(uin): no blocking, no two-sided deletion.
    delete_friend: { lacks: { temp_block: [false], temp_both_del: [false] } },
    // CQSetQQProfile(nickname, company, email, college, personalNote): no sex.
    set_qq_profile: { lacks: { sex: [0] } },
    // CQGetGroupHonorInfo answers only `{ group_id }` without a `type` (NapCat defaults it to `all`).
    get_group_honor_info: { defaults: { type: 'all' } },
  },
  lagrange: {
    // Lagrange.OneBot registers `delete_group_file_folder` (GroupFSOperations.cs), not `delete_group_folder`.
    delete_group_folder: { action: 'delete_group_file_folder' },
    // OneBotGroupMsgHistory reads the start message as `message_id`, not go-cqhttp's `message_seq`.
    get_group_msg_history: { rename: { message_seq: 'message_id' } },
    // SendForwardMessageOperation only uploads the nodes and answers a res_id (no target fields); the send
    // actions are `send_group_forward_msg` / `send_private_forward_msg`.
    send_forward_msg: { byTarget: { group: 'send_group_forward_msg', private: 'send_private_forward_msg' } },
    // OneBotDeleteFriend reads `user_id` and `block`; it has no two-sided deletion.
    delete_friend: { rename: { temp_block: 'block' }, lacks: { temp_both_del: [false] } },
    // SetGroupLeaveOperation leaves; `is_dismiss` is read but unused (a TODO in its source).
    set_group_leave: { lacks: { is_dismiss: [false] } },
    // OneBotSetRequest reads `flag`, `approve`, `reason`: no remark.
    set_friend_add_request: { lacks: { remark: [''] } },
    // GetGroupHonorInfoOperation looks the type up in its table: without one it throws (NapCat: `all`).
    get_group_honor_info: { defaults: { type: 'all' } },
  },
};

/**
 * The ☑️ / ⚠️ cells of `protocol/compat.md` that need no adapter, with why (the backend reads the standard
 * params and answers the standard result, adding fields or ignoring harmless ones). Every such cell is either
 * here or in {@link BACKEND_ADAPTERS} (a test checks this against compat.md).
 */
export const NOT_ADAPTED: Readonly<Record<BackendName, Readonly<Record<string, string>>>> = {
  napcat: {
    get_group_msg_history: 'Reads the standard params and adds `count`, `reverse_order`; `message_seq` is read as a message ID.',
    get_stranger_info: 'Reads `user_id`, `no_cache`; adds result fields.',
    get_friend_list: 'Reads `no_cache`; adds result fields.',
    get_group_info: 'Reads `group_id`; adds result fields.',
    get_group_list: 'Reads `no_cache`; adds result fields.',
    get_group_member_info: 'Reads the standard params; adds result fields.',
    get_group_member_list: 'Reads the standard params; adds result fields.',
    get_group_honor_info: 'Reads `group_id`, `type` (defaults to `all`).',
    set_group_add_request: 'Finds the request from `flag`; ignores `sub_type` / `type`.',
    get_essence_msg_list: 'Reads `group_id`; adds result fields.',
    _send_group_notice: 'Reads the standard params and adds optional ones.',
    upload_group_file: 'Reads the standard params (also `folder_id`); answers the new `file_id`.',
    upload_private_file: 'Reads the standard params; answers the new `file_id`.',
  },
  'go-cqhttp': {},
  lagrange: {
    get_stranger_info: 'OneBotGetStrangerInfo reads `user_id`, `no_cache`; adds result fields.',
    get_friend_list: 'Takes no params; adds result fields.',
    get_group_member_info: 'OneBotGetGroupMemberInfo reads `group_id`, `user_id`, `no_cache`.',
    get_group_member_list: 'Reads `group_id`.',
    set_group_special_title: 'Reads `group_id`, `user_id`, `special_title`; `duration` is ignored (titles do not expire).',
    get_essence_msg_list: 'Reads `group_id`; entries carry `content` segments.',
    get_status: 'No params; answers the standard flags plus `memory`.',
  },
};
