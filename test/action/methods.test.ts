import { of } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { bindSeedMethods, SEED_BINDINGS, type SeedMethodName, seedMethodsOf } from '../../src/action/methods';
import { CATALOGUE } from '../../src/action/catalogue/index';
import type { CallAction, CallOptions } from '../../src/action/types';

interface Recorded {
  action: string;
  params: unknown;
  options: CallOptions | undefined;
}

function recordingMethods() {
  const calls: Recorded[] = [];
  const call: CallAction = (action, params, options) => {
    calls.push({ action, params, options });
    return of({ echoed: action });
  };
  return { calls, methods: bindSeedMethods(call) as unknown as Record<string, (...args: unknown[]) => ReturnType<CallAction>> };
}

const segments = [{ type: 'node', data: { content: 'x' } }];

/** [method, arguments, action sent, params sent]. */
const CASES: readonly (readonly [SeedMethodName, readonly unknown[], string, Record<string, unknown>])[] = [
  ['getLoginInfo', [], 'get_login_info', {}],
  ['getStatus', [], 'get_status', {}],
  ['getVersionInfo', [], 'get_version_info', {}],
  ['getStrangerInfo', [10001], 'get_stranger_info', { user_id: 10001 }],
  ['sendMessage', [{ group_id: 1, message: 'hi', auto_escape: false }], 'send_msg', { group_id: 1, message: 'hi', auto_escape: false }],
  ['sendPrivateMessage', ['10001', 'hi'], 'send_private_msg', { user_id: '10001', message: 'hi' }],
  ['sendGroupMessage', [1n, 'hi'], 'send_group_msg', { group_id: 1n, message: 'hi' }],
  ['sendGroupForwardMessage', [1, segments], 'send_group_forward_msg', { group_id: 1, messages: segments }],
  ['sendPrivateForwardMessage', [2, segments], 'send_private_forward_msg', { user_id: 2, messages: segments }],
  ['sendForwardMessage', [{ group_id: 1, messages: segments }], 'send_forward_msg', { group_id: 1, messages: segments }],
  ['getMessage', [5], 'get_msg', { message_id: 5 }],
  ['deleteMessage', [5], 'delete_msg', { message_id: 5 }],
  ['getForwardMessage', ['res'], 'get_forward_msg', { id: 'res' }],
  ['setEssenceMessage', [5], 'set_essence_msg', { message_id: 5 }],
  ['deleteEssenceMessage', [5], 'delete_essence_msg', { message_id: 5 }],
  ['getEssenceMessageList', [1], 'get_essence_msg_list', { group_id: 1 }],
  ['markMessageAsRead', [5], 'mark_msg_as_read', { message_id: 5 }],
  ['markGroupMsgAsRead', [1], 'mark_group_msg_as_read', { group_id: 1 }],
  ['markPrivateMsgAsRead', [2], 'mark_private_msg_as_read', { user_id: 2 }],
  ['markAllMsgAsRead', [], '_mark_all_as_read', {}],
  ['getGroupMsgHistory', [{ group_id: 1, message_seq: 9, count: 20 }], 'get_group_msg_history', { group_id: 1, message_seq: 9, count: 20 }],
  ['getFriendMsgHistory', [{ user_id: 2, message_seq: 9, count: 5, reverse_order: true }], 'get_friend_msg_history', { user_id: 2, message_seq: 9, count: 5, reverse_order: true }],
  ['sendGroupPoke', [1, 2], 'group_poke', { group_id: 1, user_id: 2 }],
  ['sendFriendPoke', [2], 'friend_poke', { user_id: 2 }],
  ['sendPoke', [2], 'send_poke', { user_id: 2 }],
  ['getGroupList', [], 'get_group_list', {}],
  ['getGroupInfo', [1, true], 'get_group_info', { group_id: 1, no_cache: true }],
  ['getGroupMemberList', [1], 'get_group_member_list', { group_id: 1 }],
  ['getGroupMemberInfo', [1, 2], 'get_group_member_info', { group_id: 1, user_id: 2 }],
  ['setGroupBan', [1, 2], 'set_group_ban', { group_id: 1, user_id: 2, duration: 1800 }],
  ['unsetGroupBan', [1, 2], 'set_group_ban', { group_id: 1, user_id: 2, duration: 0 }],
  ['setGroupWholeBan', [1], 'set_group_whole_ban', { group_id: 1, enable: true }],
  ['setGroupAdmin', [1, 2], 'set_group_admin', { group_id: 1, user_id: 2, enable: true }],
  ['setGroupCard', [1, 2, 'card'], 'set_group_card', { group_id: 1, user_id: 2, card: 'card' }],
  ['setGroupName', [1, 'name'], 'set_group_name', { group_id: 1, group_name: 'name' }],
  ['setGroupSpecialTitle', [1, 2, 'title'], 'set_group_special_title', { group_id: 1, user_id: 2, special_title: 'title', duration: -1 }],
  ['setGroupPortrait', [1, 'file:///a.png'], 'set_group_portrait', { group_id: 1, file: 'file:///a.png' }],
  ['setGroupKick', [1, 2], 'set_group_kick', { group_id: 1, user_id: 2, reject_add_request: false }],
  ['setGroupLeave', [1], 'set_group_leave', { group_id: 1, is_dismiss: false }],
  ['setGroupAnonymousBan', [1, 'flag'], 'set_group_anonymous_ban', { group_id: 1, anonymous_flag: 'flag', duration: 1800 }],
  ['getGroupAtAllRemain', [1], 'get_group_at_all_remain', { group_id: 1 }],
  ['getGroupSystemMsg', [], 'get_group_system_msg', {}],
  ['getGroupHonorInfo', [1, 'talkative'], 'get_group_honor_info', { group_id: 1, type: 'talkative' }],
  ['sendGroupSign', [1], 'send_group_sign', { group_id: 1 }],
  ['getGroupNotice', [1], '_get_group_notice', { group_id: 1 }],
  ['sendGroupNotice', [1, 'hello', { pinned: 1 }], '_send_group_notice', { group_id: 1, content: 'hello', pinned: 1 }],
  ['deleteGroupNotice', [1, 'nid'], '_del_group_notice', { group_id: 1, notice_id: 'nid' }],
  ['setGroupRemark', [1, 'r'], 'set_group_remark', { group_id: 1, remark: 'r' }],
  ['getGroupInfoEx', [1], 'get_group_info_ex', { group_id: 1 }],
  ['getGroupDetailInfo', [1], 'get_group_detail_info', { group_id: 1 }],
  ['getGroupIgnoredNotifies', [], 'get_group_ignored_notifies', {}],
  ['getGroupShutList', [1], 'get_group_shut_list', { group_id: 1 }],
  ['getFriendList', [], 'get_friend_list', {}],
  ['sendLike', [2], 'send_like', { user_id: 2, times: 1 }],
  ['setFriendRemark', [2, 'r'], 'set_friend_remark', { user_id: 2, remark: 'r' }],
  ['deleteFriend', [2], 'delete_friend', { user_id: 2 }],
  ['getUnidirectionalFriendList', [], 'get_unidirectional_friend_list', {}],
  ['deleteUnidirectionalFriend', [2], 'delete_unidirectional_friend', { user_id: 2 }],
  ['handleFriendRequest', ['f'], 'set_friend_add_request', { flag: 'f', approve: true }],
  ['handleGroupRequest', ['f', 'invite', false, 'no'], 'set_group_add_request', { flag: 'f', sub_type: 'invite', approve: false, reason: 'no' }],
  ['getImage', ['a.png'], 'get_image', { file: 'a.png' }],
  ['getRecord', ['a.amr', 'mp3'], 'get_record', { file: 'a.amr', out_format: 'mp3' }],
  ['getFile', ['f'], 'get_file', { file: 'f' }],
  ['uploadGroupFile', [1, '/tmp/a.txt', 'a.txt'], 'upload_group_file', { group_id: 1, file: '/tmp/a.txt', name: 'a.txt' }],
  ['uploadPrivateFile', [2, '/tmp/a.txt', 'a.txt'], 'upload_private_file', { user_id: 2, file: '/tmp/a.txt', name: 'a.txt' }],
  ['getGroupFileUrl', [1, '/f', 102], 'get_group_file_url', { group_id: 1, file_id: '/f', busid: 102 }],
  ['getPrivateFileUrl', [2, '/f'], 'get_private_file_url', { user_id: 2, file_id: '/f' }],
  ['getGroupFileSystemInfo', [1], 'get_group_file_system_info', { group_id: 1 }],
  ['getGroupRootFiles', [1], 'get_group_root_files', { group_id: 1 }],
  ['getGroupFilesByFolder', [1, '/d'], 'get_group_files_by_folder', { group_id: 1, folder_id: '/d' }],
  ['deleteGroupFile', [1, '/f'], 'delete_group_file', { group_id: 1, file_id: '/f' }],
  ['createGroupFileFolder', [1, 'dir'], 'create_group_file_folder', { group_id: 1, name: 'dir' }],
  ['deleteGroupFolder', [1, '/d'], 'delete_group_folder', { group_id: 1, folder_id: '/d' }],
  ['downloadFile', [{ url: 'https://x', name: 'x' }], 'download_file', { url: 'https://x', name: 'x' }],
  ['getOnlineClients', [], 'get_online_clients', {}],
  ['canSendImage', [], 'can_send_image', {}],
  ['canSendRecord', [], 'can_send_record', {}],
  ['getCookies', ['qun.qq.com'], 'get_cookies', { domain: 'qun.qq.com' }],
  ['getCsrfToken', [], 'get_csrf_token', {}],
  ['getCredentials', ['qun.qq.com'], 'get_credentials', { domain: 'qun.qq.com' }],
  ['setInputStatus', [2, 1], 'set_input_status', { user_id: 2, event_type: 1 }],
  ['ocrImage', ['a.png'], 'ocr_image', { image: 'a.png' }],
  ['translateEn2zh', [['hello']], 'translate_en2zh', { words: ['hello'] }],
  ['checkUrlSafely', ['https://x'], 'check_url_safely', { url: 'https://x' }],
  ['getWordSlices', ['text'], '.get_word_slices', { content: 'text' }],
  ['handleQuickOperation', [{ post_type: 'message' }, { reply: 'hi' }], '.handle_quick_operation', { context: { post_type: 'message' }, operation: { reply: 'hi' } }],
  ['getModelShow', ['iPhone'], '_get_model_show', { model: 'iPhone' }],
  ['setModelShow', ['iPhone', 'iPhone 15'], '_set_model_show', { model: 'iPhone', model_show: 'iPhone 15' }],
  ['setQqProfile', [{ nickname: 'bot' }], 'set_qq_profile', { nickname: 'bot' }],
  ['qidianGetAccountInfo', [], 'qidian_get_account_info', {}],
  ['setRestart', [], 'set_restart', {}],
  ['cleanCache', [], 'clean_cache', {}],
  ['getRkey', [], 'nc_get_rkey', {}],
  ['getRkeyServer', [], 'get_rkey_server', {}],
  ['getRkeyEx', [], 'get_rkey', {}],
  ['setMsgEmojiLike', [5, '76'], 'set_msg_emoji_like', { message_id: 5, emoji_id: '76', set: true }],
  ['fetchEmojiLike', [{ message_id: 5, emojiId: '76', emojiType: '1' }], 'fetch_emoji_like', { message_id: 5, emojiId: '76', emojiType: '1' }],
  ['fetchCustomFace', [], 'fetch_custom_face', {}],
];

describe('seed-named methods', () => {
  it('cover every method of the binding table exactly once', () => {
    expect(CASES.map(([method]) => method).sort()).toEqual(Object.keys(SEED_BINDINGS).sort());
  });

  it.each(CASES)('%s sends the exact action and params, defaults included', (method, args, action, params) => {
    const { calls, methods } = recordingMethods();
    methods[method]?.(...args);
    expect(calls).toEqual([{ action, params, options: undefined }]);
  });

  it('bind only catalogued actions', () => {
    const missing = Object.values(SEED_BINDINGS).filter((binding) => !(binding.action in CATALOGUE));
    expect(missing).toEqual([]);
  });

  it('pass the trailing CallOptions after the listed arguments, optional ones left out', () => {
    const { calls, methods } = recordingMethods();
    methods.setGroupBan?.(1, 2, undefined, { timeout: 5_000 });
    methods.getLoginInfo?.({ force: true });
    methods.sendMessage?.({ user_id: 2, message: 'x' }, { timeout: 1 });
    methods.sendGroupNotice?.(1, 'c', undefined, { timeout: 2 });
    expect(calls.map((c) => [c.action, c.options])).toEqual([
      ['set_group_ban', { timeout: 5_000 }],
      ['get_login_info', { force: true }],
      ['send_msg', { timeout: 1 }],
      ['_send_group_notice', { timeout: 2 }],
    ]);
  });

  it('send an explicit argument over its default, but never override a fixed value', () => {
    const { calls, methods } = recordingMethods();
    methods.setGroupBan?.(1, 2, 60);
    methods.setGroupWholeBan?.(1, false);
    methods.unsetGroupBan?.(1, 2, { timeout: 1 });
    expect(calls.map((c) => c.params)).toEqual([
      { group_id: 1, user_id: 2, duration: 60 },
      { group_id: 1, enable: false },
      { group_id: 1, user_id: 2, duration: 0 },
    ]);
  });

  it('omit optionals left undefined instead of sending null or undefined keys', () => {
    const { calls, methods } = recordingMethods();
    methods.sendPoke?.(2, undefined);
    methods.getGroupMemberInfo?.(1, 2, undefined);
    methods.sendGroupNotice?.(1, 'c', { image: undefined, pinned: 0 });
    for (const { params } of calls) expect(Object.values(params as object)).not.toContain(undefined);
    expect(calls.map((c) => Object.keys(c.params as object))).toEqual([
      ['user_id'],
      ['group_id', 'user_id'],
      ['group_id', 'content', 'pinned'],
    ]);
  });

  it('send a poke into a group when the group is given', () => {
    const { calls, methods } = recordingMethods();
    methods.sendPoke?.(2, 1);
    expect(calls[0]?.params).toEqual({ user_id: 2, group_id: 1 });
  });

  it('return the Observable of the call unchanged', () => {
    const { methods } = recordingMethods();
    let value: unknown;
    methods.getRkey?.().subscribe((v) => (value = v));
    expect(value).toEqual({ echoed: 'nc_get_rkey' });
  });

  it('produce params every bound action accepts', () => {
    for (const [method, args, action] of CASES) {
      const { calls, methods } = recordingMethods();
      methods[method]?.(...args);
      const row = (CATALOGUE as Record<string, { params: { is(u: unknown): boolean } }>)[action];
      expect([method, row?.params.is(calls[0]?.params)]).toEqual([method, true]);
    }
  });

  it('find the seed methods of an action', () => {
    expect(seedMethodsOf('set_group_ban')).toEqual(['setGroupBan', 'unsetGroupBan']);
    expect(seedMethodsOf('nc_get_rkey')).toEqual(['getRkey']);
    expect(seedMethodsOf('get_cookies')).toEqual(['getCookies']);
    expect(seedMethodsOf('bot_exit')).toEqual([]);
  });
});
