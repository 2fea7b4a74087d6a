import type { Observable } from 'rxjs';
import type { ActionName, Catalogue } from './catalogue/index';
import type { ParamsOf, ResultOf } from './define';
import type { SeedMethods } from './catalogue-api';
import type { CallAction, CallOptions } from './types';

export type { SeedMethods } from './catalogue-api';

/** The params type callers pass for action `A`. */
export type ParamsFor<A extends ActionName> = ParamsOf<Catalogue[A]>;

type OptionalKeys<P> = { [K in keyof P]-?: undefined extends P[K] ? K : never }[keyof P];

/** A method bound to an action: positional arguments name params fields in order. */
export interface PositionalBinding<
  A extends ActionName = ActionName,
  Args extends readonly string[] = readonly string[],
  D = unknown,
  R extends boolean = boolean,
> {
  readonly kind: 'positional';
  readonly action: A;
  /** The params field each positional argument fills. */
  readonly args: Args;
  /** Sent when the argument is left `undefined`. */
  readonly defaults: D;
  /** Always sent, whatever the arguments. */
  readonly fixed: Readonly<Record<string, unknown>>;
  /** One more optional argument: an object of the remaining params fields. */
  readonly rest: R;
}

/** A method that takes the action's whole params object. */
export interface ParamsBinding<A extends ActionName = ActionName> {
  readonly kind: 'params';
  readonly action: A;
}

/** One row of the seed-method table. */
export type Binding = PositionalBinding | ParamsBinding;

/**
 * Binds a method to `action`, its positional arguments filling the params fields `args` in order.
 *
 * @example
 * bind('set_group_ban', ['group_id', 'user_id', 'duration'], { defaults: { duration: 1800 } });
 * bind('set_group_ban', ['group_id', 'user_id'], { fixed: { duration: 0 } });
 */
export function bind<
  A extends ActionName,
  const Args extends readonly (keyof ParamsFor<A> & string)[],
  const D extends Partial<ParamsFor<A>> = {},
  R extends boolean = false,
>(
  action: A,
  args: Args,
  options: { defaults?: D; fixed?: Partial<ParamsFor<A>>; rest?: R } = {},
): PositionalBinding<A, Args, D, R> {
  return {
    kind: 'positional',
    action,
    args,
    defaults: options.defaults ?? ({} as D),
    fixed: options.fixed ?? {},
    rest: options.rest ?? (false as R),
  };
}

/** Binds a method that takes `action`'s params object as is. */
export function bindParams<A extends ActionName>(action: A): ParamsBinding<A> {
  return { kind: 'params', action };
}

type ArgTypes<P, Keys extends readonly unknown[], Opt> = Keys extends readonly [infer K, ...infer Rest]
  ? K extends keyof P
    ? K extends Opt
      ? [P[K]?, ...ArgTypes<P, Rest, Opt>]
      : [P[K], ...ArgTypes<P, Rest, Opt>]
    : never
  : [];

type RestArg<P, Keys extends readonly unknown[], R> = R extends true
  ? [rest?: Partial<Omit<P, Keys[number] & keyof P>>]
  : [];

/** The method type a binding yields: its arguments, one trailing optional `CallOptions`, the action's result. */
export type MethodOf<B> =
  B extends PositionalBinding<infer A, infer Args, infer D, infer R>
    ? (
        ...args: [
          ...ArgTypes<ParamsFor<A>, Args, keyof D | OptionalKeys<ParamsFor<A>>>,
          ...RestArg<ParamsFor<A>, Args, R>,
          options?: CallOptions,
        ]
      ) => Observable<ResultOf<Catalogue[A]>>
    : B extends ParamsBinding<infer A>
      ? (params: ParamsFor<A>, options?: CallOptions) => Observable<ResultOf<Catalogue[A]>>
      : never;

/** Copies the fields of `source` that are not `undefined` onto `target`. */
function assignDefined(target: Record<string, unknown>, source: object | undefined): void {
  if (source === undefined) return;
  for (const [key, value] of Object.entries(source)) if (value !== undefined) target[key] = value;
}

/** The params object a positional binding sends for `values`: defaults, given values, rest, fixed values. */
export function positionalParams(binding: PositionalBinding, values: readonly unknown[]): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  assignDefined(params, binding.defaults as object);
  binding.args.forEach((key, i) => {
    if (values[i] !== undefined) params[key as string] = values[i];
  });
  if (binding.rest) assignDefined(params, values[binding.args.length] as object | undefined);
  assignDefined(params, binding.fixed);
  return params;
}

/** The runtime function of one binding, calling through `call`. */
export function methodOf(binding: Binding, call: CallAction): (...values: unknown[]) => Observable<unknown> {
  if (binding.kind === 'params') {
    return (params, options) => call(binding.action, params, options as CallOptions | undefined);
  }
  const optionsAt = binding.args.length + (binding.rest ? 1 : 0);
  return (...values) =>
    call(binding.action, positionalParams(binding, values), values[optionsAt] as CallOptions | undefined);
}

/**
 * The seed-named methods (`seed-methods.md`) as data: method name → action, the params field each
 * positional argument fills, defaults (sent explicitly when an argument is left out) and fixed values.
 * The Stream API methods live with the stream work.
 */
export const SEED_BINDINGS = {
  // Account and status
  getLoginInfo: bind('get_login_info', []),
  getStatus: bind('get_status', []),
  getVersionInfo: bind('get_version_info', []),
  getStrangerInfo: bind('get_stranger_info', ['user_id', 'no_cache']),

  // Sending
  sendMessage: bindParams('send_msg'),
  sendPrivateMessage: bind('send_private_msg', ['user_id', 'message']),
  sendGroupMessage: bind('send_group_msg', ['group_id', 'message']),
  sendGroupForwardMessage: bind('send_group_forward_msg', ['group_id', 'messages']),
  sendPrivateForwardMessage: bind('send_private_forward_msg', ['user_id', 'messages']),
  sendForwardMessage: bindParams('send_forward_msg'),

  // Message management
  getMessage: bind('get_msg', ['message_id']),
  deleteMessage: bind('delete_msg', ['message_id']),
  getForwardMessage: bind('get_forward_msg', ['id']),
  setEssenceMessage: bind('set_essence_msg', ['message_id']),
  deleteEssenceMessage: bind('delete_essence_msg', ['message_id']),
  getEssenceMessageList: bind('get_essence_msg_list', ['group_id']),
  markMessageAsRead: bind('mark_msg_as_read', ['message_id']),
  markGroupMsgAsRead: bind('mark_group_msg_as_read', ['group_id']),
  markPrivateMsgAsRead: bind('mark_private_msg_as_read', ['user_id']),
  markAllMsgAsRead: bind('_mark_all_as_read', []),
  getGroupMsgHistory: bindParams('get_group_msg_history'),
  getFriendMsgHistory: bindParams('get_friend_msg_history'),
  sendGroupPoke: bind('group_poke', ['group_id', 'user_id']),
  sendFriendPoke: bind('friend_poke', ['user_id']),
  sendPoke: bind('send_poke', ['user_id', 'group_id']),

  // Groups
  getGroupList: bind('get_group_list', []),
  getGroupInfo: bind('get_group_info', ['group_id', 'no_cache']),
  getGroupMemberList: bind('get_group_member_list', ['group_id']),
  getGroupMemberInfo: bind('get_group_member_info', ['group_id', 'user_id', 'no_cache']),
  setGroupBan: bind('set_group_ban', ['group_id', 'user_id', 'duration'], { defaults: { duration: 1800 } }),
  unsetGroupBan: bind('set_group_ban', ['group_id', 'user_id'], { fixed: { duration: 0 } }),
  setGroupWholeBan: bind('set_group_whole_ban', ['group_id', 'enable'], { defaults: { enable: true } }),
  setGroupAdmin: bind('set_group_admin', ['group_id', 'user_id', 'enable'], { defaults: { enable: true } }),
  setGroupCard: bind('set_group_card', ['group_id', 'user_id', 'card']),
  setGroupName: bind('set_group_name', ['group_id', 'group_name']),
  setGroupSpecialTitle: bind('set_group_special_title', ['group_id', 'user_id', 'special_title', 'duration'], {
    defaults: { duration: -1 },
  }),
  setGroupPortrait: bind('set_group_portrait', ['group_id', 'file']),
  setGroupKick: bind('set_group_kick', ['group_id', 'user_id', 'reject_add_request'], {
    defaults: { reject_add_request: false },
  }),
  setGroupLeave: bind('set_group_leave', ['group_id', 'is_dismiss'], { defaults: { is_dismiss: false } }),
  setGroupAnonymousBan: bind('set_group_anonymous_ban', ['group_id', 'anonymous_flag', 'duration'], {
    defaults: { duration: 1800 },
  }),
  getGroupAtAllRemain: bind('get_group_at_all_remain', ['group_id']),
  getGroupSystemMsg: bind('get_group_system_msg', []),
  getGroupHonorInfo: bind('get_group_honor_info', ['group_id', 'type']),
  sendGroupSign: bind('send_group_sign', ['group_id']),
  getGroupNotice: bind('_get_group_notice', ['group_id']),
  sendGroupNotice: bind('_send_group_notice', ['group_id', 'content'], { rest: true }),
  deleteGroupNotice: bind('_del_group_notice', ['group_id', 'notice_id']),
  setGroupRemark: bind('set_group_remark', ['group_id', 'remark']),
  getGroupInfoEx: bind('get_group_info_ex', ['group_id']),
  getGroupDetailInfo: bind('get_group_detail_info', ['group_id']),
  getGroupIgnoredNotifies: bind('get_group_ignored_notifies', []),
  getGroupShutList: bind('get_group_shut_list', ['group_id']),

  // Friends and requests
  getFriendList: bind('get_friend_list', []),
  sendLike: bind('send_like', ['user_id', 'times'], { defaults: { times: 1 } }),
  setFriendRemark: bind('set_friend_remark', ['user_id', 'remark']),
  deleteFriend: bind('delete_friend', ['user_id']),
  getUnidirectionalFriendList: bind('get_unidirectional_friend_list', []),
  deleteUnidirectionalFriend: bind('delete_unidirectional_friend', ['user_id']),
  handleFriendRequest: bind('set_friend_add_request', ['flag', 'approve', 'remark'], { defaults: { approve: true } }),
  handleGroupRequest: bind('set_group_add_request', ['flag', 'sub_type', 'approve', 'reason'], {
    defaults: { approve: true },
  }),

  // Files
  getImage: bind('get_image', ['file']),
  getRecord: bind('get_record', ['file', 'out_format']),
  getFile: bind('get_file', ['file']),
  uploadGroupFile: bind('upload_group_file', ['group_id', 'file', 'name']),
  uploadPrivateFile: bind('upload_private_file', ['user_id', 'file', 'name']),
  getGroupFileUrl: bind('get_group_file_url', ['group_id', 'file_id', 'busid']),
  getPrivateFileUrl: bind('get_private_file_url', ['user_id', 'file_id']),
  getGroupFileSystemInfo: bind('get_group_file_system_info', ['group_id']),
  getGroupRootFiles: bind('get_group_root_files', ['group_id']),
  getGroupFilesByFolder: bind('get_group_files_by_folder', ['group_id', 'folder_id']),
  deleteGroupFile: bind('delete_group_file', ['group_id', 'file_id', 'busid']),
  createGroupFileFolder: bind('create_group_file_folder', ['group_id', 'name', 'parent_id']),
  deleteGroupFolder: bind('delete_group_folder', ['group_id', 'folder_id']),
  downloadFile: bindParams('download_file'),

  // System and capability probes
  getOnlineClients: bind('get_online_clients', ['no_cache']),
  canSendImage: bind('can_send_image', []),
  canSendRecord: bind('can_send_record', []),
  getCookies: bind('get_cookies', ['domain']),
  getCsrfToken: bind('get_csrf_token', []),
  getCredentials: bind('get_credentials', ['domain']),
  setInputStatus: bind('set_input_status', ['user_id', 'event_type']),
  ocrImage: bind('ocr_image', ['image']),
  translateEn2zh: bind('translate_en2zh', ['words']),
  checkUrlSafely: bind('check_url_safely', ['url']),
  getWordSlices: bind('.get_word_slices', ['content']),
  handleQuickOperation: bind('.handle_quick_operation', ['context', 'operation']),
  getModelShow: bind('_get_model_show', ['model']),
  setModelShow: bind('_set_model_show', ['model', 'model_show']),
  setQqProfile: bindParams('set_qq_profile'),
  qidianGetAccountInfo: bind('qidian_get_account_info', []),
  setRestart: bind('set_restart', ['delay']),
  cleanCache: bind('clean_cache', []),
  getRkey: bind('nc_get_rkey', []),
  getRkeyServer: bind('get_rkey_server', []),
  getRkeyEx: bind('get_rkey', []),
  setMsgEmojiLike: bind('set_msg_emoji_like', ['message_id', 'emoji_id', 'set'], { defaults: { set: true } }),
  fetchEmojiLike: bindParams('fetch_emoji_like'),
  fetchCustomFace: bind('fetch_custom_face', ['count']),
};

/** The seed-method table's type. */
export type SeedBindings = typeof SEED_BINDINGS;

/** A seed-named method name. */
export type SeedMethodName = keyof SeedMethods & string;

/**
 * The seed-named methods as the table and the catalogue type them: each takes its positional arguments
 * (optional where the params field has a default or is optional), then one optional `CallOptions`, and
 * returns a cold Observable of the action's result. {@link SeedMethods} (generated, with parameter names
 * and docs) is checked against it.
 */
export type SeedMethodsOfTable = { readonly [M in keyof SeedBindings]: MethodOf<SeedBindings[M]> };

/**
 * Builds the seed-named methods on top of one `CallAction`.
 *
 * @example
 * const methods = bindSeedMethods(caller.call);
 * methods.setGroupBan(123, 456).subscribe(); // set_group_ban { group_id: 123, user_id: 456, duration: 1800 }
 */
export function bindSeedMethods(call: CallAction): SeedMethods {
  const entries = Object.entries(SEED_BINDINGS as Record<string, Binding>).map(
    ([name, binding]) => [name, methodOf(binding, call)] as const,
  );
  return Object.fromEntries(entries) as unknown as SeedMethods;
}

/** The seed-named methods that send `action`, e.g. `seedMethodsOf('nc_get_rkey')` is `['getRkey']`. */
export function seedMethodsOf(action: string): SeedMethodName[] {
  return (Object.keys(SEED_BINDINGS) as (keyof SeedBindings)[]).filter((name) => SEED_BINDINGS[name].action === action);
}
