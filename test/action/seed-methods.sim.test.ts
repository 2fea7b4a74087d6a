import { firstValueFrom, type Observable } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { SEED_BINDINGS, type SeedMethodName } from '../../src/action/methods';
import { isActionFailedError, isInvalidParamsError, isUnsupportedActionError, type Client } from '../../src/index';
import { connected } from '../client/harness';
import {
  ALICE,
  BOB,
  buildFixture,
  callsOf,
  collectErrors,
  type Fixture,
  GROUP,
  outcomeOf,
  ROWS,
  SELF,
} from './sim-fixture';

type AnyMethod = (...args: unknown[]) => Observable<unknown>;

const methodOf = (client: Client, name: SeedMethodName): AnyMethod =>
  (client as unknown as Record<SeedMethodName, AnyMethod>)[name];

/** One seed method against the simulator: what it is called with, the frame it must send, what comes back. */
interface SeedCase {
  readonly method: SeedMethodName;
  readonly args: (f: Fixture) => readonly unknown[];
  readonly action: string;
  /** The params the simulator must receive, defaults included (IDs as JSON numbers). */
  readonly params: (f: Fixture) => Record<string, unknown>;
  /** What the decoded result must equal (or match), beyond passing its row's result codec. */
  readonly result?: (f: Fixture) => unknown;
  /** NapCat answers the call with 1404 (it does not implement the action): the frame is still checked. */
  readonly unknownToNapCat?: true;
}

const none = (): readonly unknown[] => [];
const empty = (): Record<string, unknown> => ({});
const text = (s: string) => [{ type: 'text', data: { text: s } }];
const node = [{ type: 'node', data: { user_id: ALICE, nickname: 'Alice', content: text('quoted') } }];
const FILE = 'base64://aGVsbG8=';

/** Every method of `seed-methods.md` (the Stream API ones live with the transfer work). */
const CASES: readonly SeedCase[] = [
  // Account and status
  { method: 'getLoginInfo', args: none, action: 'get_login_info', params: empty, result: () => ({ user_id: SELF, nickname: 'onebot-rx sim' }) },
  { method: 'getStatus', args: none, action: 'get_status', params: empty, result: () => expect.objectContaining({ online: true, good: true }) },
  { method: 'getVersionInfo', args: none, action: 'get_version_info', params: empty, result: () => expect.objectContaining({ app_name: 'NapCat.Onebot' }) },
  { method: 'getStrangerInfo', args: () => [`${ALICE}`, true], action: 'get_stranger_info', params: () => ({ user_id: ALICE, no_cache: true }), result: () => expect.objectContaining({ user_id: ALICE, nickname: 'Alice' }) },

  // Sending
  { method: 'sendMessage', args: () => [{ message_type: 'group', group_id: GROUP, message: 'hi', auto_escape: true }], action: 'send_msg', params: () => ({ message_type: 'group', group_id: GROUP, message: text('hi'), auto_escape: true }), result: () => ({ message_id: expect.any(Number) }) },
  { method: 'sendPrivateMessage', args: () => [BigInt(ALICE), 'hi'], action: 'send_private_msg', params: () => ({ user_id: ALICE, message: text('hi') }), result: () => ({ message_id: expect.any(Number) }) },
  { method: 'sendGroupMessage', args: () => [`${GROUP}`, text('hi')], action: 'send_group_msg', params: () => ({ group_id: GROUP, message: text('hi') }), result: () => ({ message_id: expect.any(Number) }) },
  { method: 'sendGroupForwardMessage', args: () => [GROUP, node], action: 'send_group_forward_msg', params: () => ({ group_id: GROUP, messages: node }) },
  { method: 'sendPrivateForwardMessage', args: () => [ALICE, node], action: 'send_private_forward_msg', params: () => ({ user_id: ALICE, messages: node }) },
  { method: 'sendForwardMessage', args: () => [{ group_id: GROUP, messages: node }], action: 'send_forward_msg', params: () => ({ group_id: GROUP, messages: node }) },

  // Message management
  { method: 'getMessage', args: (f) => [f.messageId], action: 'get_msg', params: (f) => ({ message_id: f.messageId }), result: (f) => expect.objectContaining({ message_id: f.messageId, group_id: GROUP, message: text('fixture') }) },
  { method: 'deleteMessage', args: (f) => [`${f.messageId}`], action: 'delete_msg', params: (f) => ({ message_id: f.messageId }), result: () => null },
  { method: 'getForwardMessage', args: () => ['forward-1'], action: 'get_forward_msg', params: () => ({ id: 'forward-1' }) },
  { method: 'setEssenceMessage', args: (f) => [f.messageId], action: 'set_essence_msg', params: (f) => ({ message_id: f.messageId }), result: () => null },
  { method: 'deleteEssenceMessage', args: (f) => [BigInt(f.essenceId)], action: 'delete_essence_msg', params: (f) => ({ message_id: f.essenceId }), result: () => null },
  { method: 'getEssenceMessageList', args: () => [GROUP], action: 'get_essence_msg_list', params: () => ({ group_id: GROUP }), result: (f) => [expect.objectContaining({ message_id: f.essenceId, sender_id: SELF })] },
  { method: 'markMessageAsRead', args: (f) => [f.messageId], action: 'mark_msg_as_read', params: (f) => ({ message_id: f.messageId }), result: () => null },
  { method: 'markGroupMsgAsRead', args: () => [GROUP], action: 'mark_group_msg_as_read', params: () => ({ group_id: GROUP }), result: () => null },
  { method: 'markPrivateMsgAsRead', args: () => [ALICE], action: 'mark_private_msg_as_read', params: () => ({ user_id: ALICE }), result: () => null },
  { method: 'markAllMsgAsRead', args: none, action: '_mark_all_as_read', params: empty, result: () => null },
  { method: 'getGroupMsgHistory', args: (f) => [{ group_id: GROUP, message_seq: f.essenceId, count: 2 }], action: 'get_group_msg_history', params: (f) => ({ group_id: GROUP, message_seq: f.essenceId, count: 2 }), result: (f) => ({ messages: [expect.objectContaining({ message_id: f.messageId }), expect.objectContaining({ message_id: f.essenceId })] }) },
  { method: 'getFriendMsgHistory', args: (f) => [{ user_id: ALICE, message_seq: f.privateMessageId, count: 5, reverse_order: true }], action: 'get_friend_msg_history', params: (f) => ({ user_id: ALICE, message_seq: f.privateMessageId, count: 5, reverse_order: true }), result: (f) => ({ messages: [expect.objectContaining({ message_id: f.privateMessageId, message: text('hi bot') })] }) },
  { method: 'sendGroupPoke', args: () => [GROUP, BOB], action: 'group_poke', params: () => ({ group_id: GROUP, user_id: BOB }), result: () => null },
  { method: 'sendFriendPoke', args: () => [ALICE], action: 'friend_poke', params: () => ({ user_id: ALICE }), result: () => null },
  { method: 'sendPoke', args: () => [BOB, GROUP], action: 'send_poke', params: () => ({ user_id: BOB, group_id: GROUP }), result: () => null },

  // Groups
  { method: 'getGroupList', args: none, action: 'get_group_list', params: empty, result: () => [expect.objectContaining({ group_id: GROUP, member_count: 3 })] },
  { method: 'getGroupInfo', args: () => [GROUP, true], action: 'get_group_info', params: () => ({ group_id: GROUP, no_cache: true }), result: () => expect.objectContaining({ group_id: GROUP, group_name: 'onebot-rx test group' }) },
  { method: 'getGroupMemberList', args: () => [GROUP], action: 'get_group_member_list', params: () => ({ group_id: GROUP }), result: () => expect.arrayContaining([expect.objectContaining({ user_id: ALICE, role: 'owner' })]) },
  { method: 'getGroupMemberInfo', args: () => [GROUP, `${BOB}`], action: 'get_group_member_info', params: () => ({ group_id: GROUP, user_id: BOB }), result: () => expect.objectContaining({ user_id: BOB, nickname: 'Bob', role: 'member' }) },
  { method: 'setGroupBan', args: () => [GROUP, BOB], action: 'set_group_ban', params: () => ({ group_id: GROUP, user_id: BOB, duration: 1800 }), result: () => null },
  { method: 'unsetGroupBan', args: () => [GROUP, BOB], action: 'set_group_ban', params: () => ({ group_id: GROUP, user_id: BOB, duration: 0 }), result: () => null },
  { method: 'setGroupWholeBan', args: () => [GROUP], action: 'set_group_whole_ban', params: () => ({ group_id: GROUP, enable: true }), result: () => null },
  { method: 'setGroupAdmin', args: () => [GROUP, BOB], action: 'set_group_admin', params: () => ({ group_id: GROUP, user_id: BOB, enable: true }), result: () => null },
  { method: 'setGroupCard', args: () => [GROUP, BOB, 'Bobby'], action: 'set_group_card', params: () => ({ group_id: GROUP, user_id: BOB, card: 'Bobby' }), result: () => null },
  { method: 'setGroupName', args: () => [GROUP, 'renamed'], action: 'set_group_name', params: () => ({ group_id: GROUP, group_name: 'renamed' }), result: () => null },
  { method: 'setGroupSpecialTitle', args: () => [GROUP, BOB, 'star'], action: 'set_group_special_title', params: () => ({ group_id: GROUP, user_id: BOB, special_title: 'star', duration: -1 }), result: () => null },
  { method: 'setGroupPortrait', args: () => [GROUP, FILE], action: 'set_group_portrait', params: () => ({ group_id: GROUP, file: FILE }) },
  { method: 'setGroupKick', args: () => [GROUP, BOB], action: 'set_group_kick', params: () => ({ group_id: GROUP, user_id: BOB, reject_add_request: false }), result: () => null },
  { method: 'setGroupLeave', args: () => [GROUP], action: 'set_group_leave', params: () => ({ group_id: GROUP, is_dismiss: false }), result: () => null },
  { method: 'setGroupAnonymousBan', args: () => [GROUP, 'anon-flag'], action: 'set_group_anonymous_ban', params: () => ({ group_id: GROUP, anonymous_flag: 'anon-flag', duration: 1800 }), unknownToNapCat: true },
  { method: 'getGroupAtAllRemain', args: () => [GROUP], action: 'get_group_at_all_remain', params: () => ({ group_id: GROUP }) },
  { method: 'getGroupSystemMsg', args: none, action: 'get_group_system_msg', params: empty },
  { method: 'getGroupHonorInfo', args: () => [GROUP, 'talkative'], action: 'get_group_honor_info', params: () => ({ group_id: GROUP, type: 'talkative' }) },
  { method: 'sendGroupSign', args: () => [GROUP], action: 'send_group_sign', params: () => ({ group_id: GROUP }) },
  { method: 'getGroupNotice', args: () => [GROUP], action: '_get_group_notice', params: () => ({ group_id: GROUP }), result: (f) => [expect.objectContaining({ notice_id: f.noticeId, message: expect.objectContaining({ text: 'fixture notice' }) })] },
  { method: 'sendGroupNotice', args: () => [GROUP, 'hello all', { pinned: 1 }], action: '_send_group_notice', params: () => ({ group_id: GROUP, content: 'hello all', pinned: 1 }), result: () => null },
  { method: 'deleteGroupNotice', args: (f) => [GROUP, f.noticeId], action: '_del_group_notice', params: (f) => ({ group_id: GROUP, notice_id: f.noticeId }), result: () => null },
  { method: 'setGroupRemark', args: () => [GROUP, 'mine'], action: 'set_group_remark', params: () => ({ group_id: GROUP, remark: 'mine' }) },
  { method: 'getGroupInfoEx', args: () => [GROUP], action: 'get_group_info_ex', params: () => ({ group_id: GROUP }) },
  { method: 'getGroupDetailInfo', args: () => [GROUP], action: 'get_group_detail_info', params: () => ({ group_id: GROUP }) },
  { method: 'getGroupIgnoredNotifies', args: none, action: 'get_group_ignored_notifies', params: empty },
  { method: 'getGroupShutList', args: () => [GROUP], action: 'get_group_shut_list', params: () => ({ group_id: GROUP }) },

  // Friends and requests
  { method: 'getFriendList', args: none, action: 'get_friend_list', params: empty, result: () => [expect.objectContaining({ user_id: ALICE, nickname: 'Alice' }), expect.objectContaining({ user_id: BOB })] },
  { method: 'sendLike', args: () => [ALICE], action: 'send_like', params: () => ({ user_id: ALICE, times: 1 }), result: () => null },
  { method: 'setFriendRemark', args: () => [ALICE, 'Al'], action: 'set_friend_remark', params: () => ({ user_id: ALICE, remark: 'Al' }) },
  { method: 'deleteFriend', args: () => [BOB], action: 'delete_friend', params: () => ({ user_id: BOB }) },
  { method: 'getUnidirectionalFriendList', args: none, action: 'get_unidirectional_friend_list', params: empty },
  { method: 'deleteUnidirectionalFriend', args: () => [BOB], action: 'delete_unidirectional_friend', params: () => ({ user_id: BOB }), unknownToNapCat: true },
  { method: 'handleFriendRequest', args: (f) => [f.friendFlag], action: 'set_friend_add_request', params: (f) => ({ flag: f.friendFlag, approve: true }), result: () => null },
  { method: 'handleGroupRequest', args: (f) => [f.groupFlag, 'add', false, 'full'], action: 'set_group_add_request', params: (f) => ({ flag: f.groupFlag, sub_type: 'add', approve: false, reason: 'full' }), result: () => null },

  // Files
  { method: 'getImage', args: () => ['abc.image'], action: 'get_image', params: () => ({ file: 'abc.image' }) },
  { method: 'getRecord', args: () => ['abc.amr', 'wav'], action: 'get_record', params: () => ({ file: 'abc.amr', out_format: 'wav' }) },
  { method: 'getFile', args: () => ['abc.file'], action: 'get_file', params: () => ({ file: 'abc.file' }) },
  { method: 'uploadGroupFile', args: () => [GROUP, '/nonexistent/a.txt', 'a.txt'], action: 'upload_group_file', params: () => ({ group_id: GROUP, file: '/nonexistent/a.txt', name: 'a.txt' }), result: () => ({ file_id: expect.any(String) }) },
  { method: 'uploadPrivateFile', args: () => [ALICE, '/nonexistent/a.txt', 'a.txt'], action: 'upload_private_file', params: () => ({ user_id: ALICE, file: '/nonexistent/a.txt', name: 'a.txt' }) },
  { method: 'getGroupFileUrl', args: (f) => [GROUP, f.fileId, 102], action: 'get_group_file_url', params: (f) => ({ group_id: GROUP, file_id: f.fileId, busid: 102 }), result: (f) => ({ url: expect.stringContaining(f.fileId) }) },
  { method: 'getPrivateFileUrl', args: () => [ALICE, 'file-1'], action: 'get_private_file_url', params: () => ({ user_id: ALICE, file_id: 'file-1' }) },
  { method: 'getGroupFileSystemInfo', args: () => [GROUP], action: 'get_group_file_system_info', params: () => ({ group_id: GROUP }), result: () => expect.objectContaining({ file_count: 1 }) },
  { method: 'getGroupRootFiles', args: () => [GROUP], action: 'get_group_root_files', params: () => ({ group_id: GROUP }), result: (f) => ({ files: [expect.objectContaining({ file_id: f.fileId })], folders: [expect.objectContaining({ folder_id: f.folderId, folder_name: 'docs' })] }) },
  { method: 'getGroupFilesByFolder', args: (f) => [GROUP, f.folderId], action: 'get_group_files_by_folder', params: (f) => ({ group_id: GROUP, folder_id: f.folderId }), result: () => ({ files: [], folders: [] }) },
  { method: 'deleteGroupFile', args: (f) => [GROUP, f.fileId], action: 'delete_group_file', params: (f) => ({ group_id: GROUP, file_id: f.fileId }) },
  { method: 'createGroupFileFolder', args: () => [GROUP, 'more'], action: 'create_group_file_folder', params: () => ({ group_id: GROUP, name: 'more' }) },
  { method: 'deleteGroupFolder', args: (f) => [GROUP, f.folderId], action: 'delete_group_folder', params: (f) => ({ group_id: GROUP, folder_id: f.folderId }) },
  { method: 'downloadFile', args: () => [{ base64: 'aGVsbG8=', name: 'hello.txt' }], action: 'download_file', params: () => ({ base64: 'aGVsbG8=', name: 'hello.txt' }) },

  // System and capability probes
  { method: 'getOnlineClients', args: () => [true], action: 'get_online_clients', params: () => ({ no_cache: true }) },
  { method: 'canSendImage', args: none, action: 'can_send_image', params: empty, result: () => ({ yes: true }) },
  { method: 'canSendRecord', args: none, action: 'can_send_record', params: empty, result: () => ({ yes: true }) },
  { method: 'getCookies', args: () => ['qun.qq.com'], action: 'get_cookies', params: () => ({ domain: 'qun.qq.com' }), result: () => ({ cookies: expect.stringContaining(`uin=o${SELF}`), bkn: expect.any(String) }) },
  { method: 'getCsrfToken', args: none, action: 'get_csrf_token', params: empty, result: () => ({ token: expect.any(Number) }) },
  { method: 'getCredentials', args: () => ['qun.qq.com'], action: 'get_credentials', params: () => ({ domain: 'qun.qq.com' }), result: () => ({ cookies: expect.stringContaining('p_skey='), token: expect.any(Number) }) },
  { method: 'setInputStatus', args: () => [ALICE, 1], action: 'set_input_status', params: () => ({ user_id: ALICE, event_type: 1 }) },
  { method: 'ocrImage', args: () => [FILE], action: 'ocr_image', params: () => ({ image: FILE }) },
  { method: 'translateEn2zh', args: () => [['hello']], action: 'translate_en2zh', params: () => ({ words: ['hello'] }) },
  { method: 'checkUrlSafely', args: () => ['https://example.com'], action: 'check_url_safely', params: () => ({ url: 'https://example.com' }) },
  { method: 'getWordSlices', args: () => ['hello world'], action: '.get_word_slices', params: () => ({ content: 'hello world' }) },
  { method: 'handleQuickOperation', args: (f) => [{ message_id: f.messageId, message_type: 'group', group_id: GROUP }, { reply: 'ok' }], action: '.handle_quick_operation', params: (f) => ({ context: { message_id: f.messageId, message_type: 'group', group_id: GROUP }, operation: { reply: text('ok') } }) },
  { method: 'getModelShow', args: () => ['iPhone'], action: '_get_model_show', params: () => ({ model: 'iPhone' }) },
  { method: 'setModelShow', args: () => ['iPhone', 'iPhone 15'], action: '_set_model_show', params: () => ({ model: 'iPhone', model_show: 'iPhone 15' }) },
  { method: 'setQqProfile', args: () => [{ nickname: 'bot' }], action: 'set_qq_profile', params: () => ({ nickname: 'bot' }) },
  { method: 'qidianGetAccountInfo', args: none, action: 'qidian_get_account_info', params: empty, unknownToNapCat: true },
  { method: 'setRestart', args: none, action: 'set_restart', params: empty },
  { method: 'cleanCache', args: none, action: 'clean_cache', params: empty },
  { method: 'getRkey', args: none, action: 'nc_get_rkey', params: empty },
  { method: 'getRkeyServer', args: none, action: 'get_rkey_server', params: empty },
  { method: 'getRkeyEx', args: none, action: 'get_rkey', params: empty },
  { method: 'setMsgEmojiLike', args: (f) => [f.messageId, 76], action: 'set_msg_emoji_like', params: (f) => ({ message_id: f.messageId, emoji_id: 76, set: true }) },
  { method: 'fetchEmojiLike', args: (f) => [{ message_id: f.messageId, emojiId: '76', emojiType: '1' }], action: 'fetch_emoji_like', params: (f) => ({ message_id: f.messageId, emojiId: '76', emojiType: '1' }) },
  { method: 'fetchCustomFace', args: () => [10], action: 'fetch_custom_face', params: () => ({ count: 10 }) },
];

/** Calls one seed method on a fresh world and returns what was sent and what came back. */
async function runCase(c: SeedCase) {
  const { sim, client } = await connected();
  const fixture = await buildFixture(client, sim);
  const reported = collectErrors(client);
  const before = callsOf(sim).length;
  const outcome = await outcomeOf(methodOf(client, c.method)(...c.args(fixture)));
  reported.stop();
  return { fixture, sent: callsOf(sim).slice(before), outcome, errors: reported.errors };
}

describe('seed-named methods against the simulator', () => {
  it('cover every method of the seed table', () => {
    const covered = new Set(CASES.map((c) => c.method));
    expect(Object.keys(SEED_BINDINGS).filter((name) => !covered.has(name as SeedMethodName))).toStrictEqual([]);
  });

  it.each(CASES.map((c) => [c.method, c] as const))('%s sends its action with its defaults and decodes the result', async (_name, c) => {
    const { fixture, sent, outcome, errors } = await runCase(c);
    expect(sent.map((call) => ({ action: call.action, params: call.params }))).toStrictEqual([
      { action: c.action, params: c.params(fixture) },
    ]);
    expect(SEED_BINDINGS[c.method].action).toBe(c.action);
    if (c.unknownToNapCat) {
      expect('error' in outcome && isActionFailedError(outcome.error) && outcome.error.kind).toBe('unknown-action');
      return;
    }
    if ('error' in outcome) throw outcome.error;
    expect(ROWS[c.action]?.result.is(outcome.value)).toBe(true);
    expect(errors).toStrictEqual([]);
    if (c.result) expect(outcome.value).toEqual(c.result(fixture));
  });
});

describe('IDs and params', () => {
  it('writes IDs given as number, string or bigint as the same JSON integers', async () => {
    const { sim, client } = await connected();
    await firstValueFrom(client.setGroupBan(GROUP, BOB, 60));
    await firstValueFrom(client.setGroupBan(`${GROUP}`, `${BOB}`, 60));
    await firstValueFrom(client.setGroupBan(BigInt(GROUP), BigInt(BOB), 60));
    const params = callsOf(sim).map((call) => call.params);
    expect(params).toStrictEqual(Array.from({ length: 3 }, () => ({ group_id: GROUP, user_id: BOB, duration: 60 })));
  });

  it('keeps every digit of a 64-bit ID on its way to NapCat', async () => {
    const { sim, client } = await connected();
    await firstValueFrom(client.getVersionInfo());
    const big = 9007199254740993n;
    await outcomeOf(client.getStrangerInfo(big));
    const call = callsOf(sim).find((c) => c.action === 'get_stranger_info');
    expect(call?.params).toStrictEqual({ user_id: '9007199254740993' });
  });

  it('an explicit argument replaces the default', async () => {
    const { sim, client } = await connected();
    await firstValueFrom(client.sendLike(ALICE, 10));
    await firstValueFrom(client.setGroupSpecialTitle(GROUP, BOB, 'star', 3600));
    expect(callsOf(sim).map((call) => call.params)).toStrictEqual([
      { user_id: ALICE, times: 10 },
      { group_id: GROUP, user_id: BOB, special_title: 'star', duration: 3600 },
    ]);
  });

  it('fails with InvalidParamsError naming the field, and sends nothing', async () => {
    const { sim, client } = await connected();
    const outcome = await outcomeOf(client.setGroupBan('twelve' as unknown as number, BOB));
    const error = 'error' in outcome ? outcome.error : undefined;
    expect(isInvalidParamsError(error)).toBe(true);
    expect(isInvalidParamsError(error) && error.report).toContain('group_id');
    expect(isInvalidParamsError(error) && error.action).toBe('set_group_ban');
    await firstValueFrom(client.getLoginInfo());
    expect(callsOf(sim).map((call) => call.action)).toStrictEqual(['get_login_info']);
  });

  it('fails fast with UnsupportedActionError once the backend is known, unless forced', async () => {
    const { sim, client } = await connected();
    await firstValueFrom(client.getVersionInfo());
    const refused = await outcomeOf(client.deleteUnidirectionalFriend(BOB));
    expect('error' in refused && isUnsupportedActionError(refused.error)).toBe(true);
    const forced = await outcomeOf(client.deleteUnidirectionalFriend(BOB, { force: true }));
    expect('error' in forced && isActionFailedError(forced.error) && forced.error.retcode).toBe(1404);
    expect(callsOf(sim).map((call) => call.action)).toStrictEqual(['get_version_info', 'delete_unidirectional_friend']);
  });
});
