/**
 * The action names each non-NapCat backend routes, read from its source (names only, as facts):
 * go-cqhttp v1.2.0 `modules/api/api.go` (the generated OneBot 11 router; `.ocr_image` and `ocr_image` share a
 * case), Lagrange.OneBot (branch `v1`) every `[Operation("…")]` attribute. A name outside its list is an
 * unknown action on that backend. NapCat's registered names come from the SDK catalogue (see `catalogue.ts`).
 */
export const GO_CQHTTP_ACTIONS: readonly string[] = [
  '.get_word_slices', '.handle_quick_operation', '.ocr_image', '_del_group_notice', '_get_group_notice',
  '_get_model_show', '_send_group_notice', '_set_model_show', 'can_send_image', 'can_send_record',
  'check_url_safely', 'create_group_file_folder', 'create_guild_role', 'delete_essence_msg', 'delete_friend',
  'delete_group_file', 'delete_group_folder', 'delete_guild_role', 'delete_msg', 'delete_unidirectional_friend',
  'download_file', 'get_essence_msg_list', 'get_forward_msg', 'get_friend_list', 'get_group_at_all_remain',
  'get_group_file_system_info', 'get_group_file_url', 'get_group_files_by_folder', 'get_group_honor_info',
  'get_group_info', 'get_group_list', 'get_group_member_info', 'get_group_member_list', 'get_group_msg_history',
  'get_group_root_files', 'get_group_system_msg', 'get_guild_channel_list', 'get_guild_list',
  'get_guild_member_list', 'get_guild_member_profile', 'get_guild_meta_by_guest', 'get_guild_msg',
  'get_guild_roles', 'get_guild_service_profile', 'get_image', 'get_login_info', 'get_msg', 'get_online_clients',
  'get_status', 'get_stranger_info', 'get_supported_actions', 'get_topic_channel_feeds',
  'get_unidirectional_friend_list', 'get_version_info', 'mark_msg_as_read', 'ocr_image', 'qidian_get_account_info',
  'reload_event_filter', 'send_forward_msg', 'send_group_forward_msg', 'send_group_msg', 'send_group_sign',
  'send_guild_channel_msg', 'send_msg', 'send_private_forward_msg', 'send_private_msg', 'set_essence_msg',
  'set_friend_add_request', 'set_group_add_request', 'set_group_admin', 'set_group_anonymous',
  'set_group_anonymous_ban', 'set_group_ban', 'set_group_card', 'set_group_kick', 'set_group_leave',
  'set_group_name', 'set_group_portrait', 'set_group_special_title', 'set_group_whole_ban',
  'set_guild_member_role', 'set_qq_profile', 'update_guild_role', 'upload_group_file', 'upload_private_file',
];

/** Every `[Operation("…")]` name of Lagrange.OneBot (branch `v1`, `Lagrange.OneBot/Core/Operation`). */
export const LAGRANGE_ACTIONS: readonly string[] = [
  '.join_friend_emoji_chain', '.join_group_emoji_chain', '.ocr_image', '.send_packet', '_del_group_notice',
  '_get_group_notice', '_send_group_notice', 'can_send_image', 'can_send_record', 'create_group_file_folder',
  'delete_essence_msg', 'delete_friend', 'delete_group_file', 'delete_group_file_folder', 'delete_msg',
  'fetch_custom_face', 'fetch_mface_key', 'friend_poke', 'get_ai_characters', 'get_ai_record', 'get_cookies',
  'get_credentials', 'get_csrf_token', 'get_essence_msg_list', 'get_forward_msg', 'get_friend_list',
  'get_friend_msg_history', 'get_group_file_url', 'get_group_files_by_folder', 'get_group_honor_info',
  'get_group_info', 'get_group_list', 'get_group_member_info', 'get_group_member_list', 'get_group_msg_history',
  'get_group_requests', 'get_group_root_files', 'get_login_info', 'get_msg', 'get_music_ark',
  'get_private_file_url', 'get_rkey', 'get_status', 'get_stranger_info', 'get_version_info', 'group_poke',
  'mark_msg_as_read', 'move_group_file', 'ocr_image', 'rename_group_file_folder', 'send_forward_msg',
  'send_group_ai_record', 'send_group_bot_callback', 'send_group_forward_msg', 'send_group_msg', 'send_like',
  'send_msg', 'send_poke', 'send_private_forward_msg', 'send_private_msg', 'set_essence_msg',
  'set_friend_add_request', 'set_group_add_request', 'set_group_admin', 'set_group_ban', 'set_group_bot_status',
  'set_group_card', 'set_group_kick', 'set_group_leave', 'set_group_name', 'set_group_portrait',
  'set_group_reaction', 'set_group_special_title', 'set_group_whole_ban', 'set_qq_avatar', 'set_restart',
  'upload_group_file', 'upload_image', 'upload_private_file',
];

/**
 * A backend's own name for an action the simulator's handlers know under another name, and the params it
 * reads under its own names (its name → the handlers' name).
 */
export interface WireAlias {
  /** The handler (catalogue) name the backend's action maps to. */
  readonly handler?: string;
  /** Params the backend reads under its own name: its name → the name the handler reads. */
  readonly params?: Readonly<Record<string, string>>;
}

/** go-cqhttp registers the model-show pair under underscore names (`@route(_get_model_show)` in coolq/api.go). */
export const GO_CQHTTP_ALIASES: Readonly<Record<string, WireAlias>> = {
  _get_model_show: { handler: 'get_model_show' },
  _set_model_show: { handler: 'set_model_show' },
};

/**
 * Lagrange names the folder deletion `delete_group_file_folder` (GroupFSOperations.cs), reads the start of a
 * group history as `message_id` (OneBotGroupMsgHistory), where NapCat and go-cqhttp read `message_seq`, and
 * a friend deletion's blocking flag as `block` (OneBotDeleteFriend).
 */
export const LAGRANGE_ALIASES: Readonly<Record<string, WireAlias>> = {
  delete_group_file_folder: { handler: 'delete_group_folder' },
  get_group_msg_history: { params: { message_id: 'message_seq' } },
  delete_friend: { params: { block: 'temp_block' } },
};
