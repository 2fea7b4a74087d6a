import { firstValueFrom, type Observable } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { isActionFailedError } from '../../../src/index';
import { connected } from '../../client/harness';

const SELF = 10000;
const GROUP = 300001;
const ALICE = 20001;
const BOB = 20002;
const CAROL = 30003;

const first = <T>(source: Observable<T>): Promise<T> => firstValueFrom(source);

/** The error a call fails with (or `undefined` when it succeeds). */
const failureOf = (source: Observable<unknown>): Promise<unknown> =>
  firstValueFrom(source).then(
    () => undefined,
    (error: unknown) => error,
  );

describe('messages', () => {
  it('a sent group message can be fetched with get_msg and appears in the group history', async () => {
    const { client } = await connected();
    const { message_id } = await first(client.sendGroupMessage(GROUP, 'hello world'));
    const fetched = await first(client.getMessage(message_id));
    expect(fetched).toMatchObject({
      message_id,
      message_type: 'group',
      group_id: GROUP,
      user_id: SELF,
      message: [{ type: 'text', data: { text: 'hello world' } }],
      raw_message: 'hello world',
    });
    const { messages } = await first(client.getGroupMsgHistory({ group_id: GROUP }));
    expect(messages.map((m) => m.message_id)).toContain(message_id);
  });

  it('a private message sent to a friend shows in the friend history, and one from them too', async () => {
    const { sim, client } = await connected();
    const { message_id: mine } = await first(client.sendPrivateMessage(ALICE, 'hi Alice'));
    const theirs = sim.events.privateMessage({ user_id: ALICE, message: 'hi bot' });
    await sim.emit(theirs);
    const { messages } = await first(client.getFriendMsgHistory({ user_id: ALICE }));
    expect(messages.map((m) => [m.message_id, m.user_id])).toStrictEqual([
      [mine, SELF],
      [theirs['message_id'], ALICE],
    ]);
  });

  it('delete_msg removes the message and emits group_recall', async () => {
    const { client } = await connected();
    const { message_id: kept } = await first(client.sendGroupMessage(GROUP, 'fine'));
    const { message_id } = await first(client.sendGroupMessage(GROUP, 'oops'));
    const recall = first(client.on('notice.group_recall'));
    await first(client.deleteMessage(message_id));
    expect(await recall).toMatchObject({ group_id: GROUP, user_id: SELF, operator_id: SELF, message_id });
    const gone = await failureOf(client.getMessage(message_id));
    expect(isActionFailedError(gone) && gone.retcode).toBe(1200);
    const { messages } = await first(client.getGroupMsgHistory({ group_id: GROUP }));
    expect(messages.map((m) => m.message_id)).toStrictEqual([kept]);
  });

  it('recalling a private message emits friend_recall', async () => {
    const { client } = await connected();
    const { message_id } = await first(client.sendPrivateMessage(BOB, 'oops'));
    const recall = first(client.on('notice.friend_recall'));
    await first(client.deleteMessage(message_id));
    expect(await recall).toMatchObject({ user_id: BOB, message_id });
  });
});

describe('group members', () => {
  it('set_group_card changes the member card and emits group_card', async () => {
    const { client } = await connected();
    const notice = first(client.on('notice.group_card'));
    await first(client.setGroupCard(GROUP, BOB, 'Bobby'));
    expect(await notice).toMatchObject({ group_id: GROUP, user_id: BOB, card_new: 'Bobby', card_old: '' });
    expect(await first(client.getGroupMemberInfo(GROUP, BOB))).toMatchObject({ card: 'Bobby' });
  });

  it('set_group_admin promotes and demotes, emitting group_admin set and unset', async () => {
    const { client } = await connected();
    const promoted = first(client.on('notice.group_admin'));
    await first(client.setGroupAdmin(GROUP, BOB));
    expect(await promoted).toMatchObject({ group_id: GROUP, user_id: BOB, sub_type: 'set' });
    expect(await first(client.getGroupMemberInfo(GROUP, BOB))).toMatchObject({ role: 'admin' });
    const demoted = first(client.on('notice.group_admin'));
    await first(client.setGroupAdmin(GROUP, BOB, false));
    expect(await demoted).toMatchObject({ sub_type: 'unset' });
    expect(await first(client.getGroupMemberInfo(GROUP, BOB))).toMatchObject({ role: 'member' });
  });

  it('set_group_ban mutes until now + duration, lists the member as muted, and emits group_ban; unset lifts it', async () => {
    const now = 1_700_000_000_000;
    const { client } = await connected({}, { clock: () => now });
    const ban = first(client.on('notice.group_ban'));
    await first(client.setGroupBan(GROUP, BOB, 600));
    expect(await ban).toMatchObject({ group_id: GROUP, user_id: BOB, operator_id: SELF, duration: 600, sub_type: 'ban' });
    expect(await first(client.getGroupMemberInfo(GROUP, BOB))).toMatchObject({ shut_up_timestamp: now / 1000 + 600 });
    expect(await first(client.getGroupShutList(GROUP))).toStrictEqual([
      expect.objectContaining({ uin: String(BOB), shutUpTime: now / 1000 + 600 }),
    ]);
    const lift = first(client.on('notice.group_ban'));
    await first(client.unsetGroupBan(GROUP, BOB));
    expect(await lift).toMatchObject({ duration: 0, sub_type: 'lift_ban' });
    expect(await first(client.getGroupMemberInfo(GROUP, BOB))).toMatchObject({ shut_up_timestamp: 0 });
    expect(await first(client.getGroupShutList(GROUP))).toStrictEqual([]);
  });

  it('set_group_whole_ban mutes the whole group, as get_group_info reports', async () => {
    const { client } = await connected();
    const ban = first(client.on('notice.group_ban'));
    await first(client.setGroupWholeBan(GROUP));
    expect(await ban).toMatchObject({ user_id: 0, duration: -1, sub_type: 'ban' });
    expect(await first(client.getGroupInfo(GROUP))).toMatchObject({ group_all_shut: -1 });
  });

  it('set_group_special_title and set_group_name change the world and emit notify notices', async () => {
    const { client } = await connected();
    const title = first(client.on('notice.notify.title'));
    await first(client.setGroupSpecialTitle(GROUP, BOB, 'star'));
    expect(await title).toMatchObject({ group_id: GROUP, user_id: BOB, title: 'star' });
    expect(await first(client.getGroupMemberInfo(GROUP, BOB))).toMatchObject({ title: 'star' });
    const name = first(client.on('notice.notify.group_name'));
    await first(client.setGroupName(GROUP, 'renamed'));
    expect(await name).toMatchObject({ group_id: GROUP, name_new: 'renamed' });
    expect(await first(client.getGroupInfo(GROUP))).toMatchObject({ group_name: 'renamed' });
  });

  it('set_group_kick removes the member and emits group_decrease (kick)', async () => {
    const { client } = await connected();
    const decrease = first(client.on('notice.group_decrease'));
    await first(client.setGroupKick(GROUP, BOB));
    expect(await decrease).toMatchObject({ group_id: GROUP, user_id: BOB, operator_id: SELF, sub_type: 'kick' });
    const members = await first(client.getGroupMemberList(GROUP));
    expect(members.map((m) => m.user_id)).not.toContain(BOB);
    expect(await first(client.getGroupInfo(GROUP))).toMatchObject({ member_count: 2 });
    const missing = await failureOf(client.getGroupMemberInfo(GROUP, BOB));
    expect(isActionFailedError(missing) && missing.retcode).toBe(1200);
  });

  it('set_group_leave removes the group from the list and emits group_decrease (leave)', async () => {
    const { client } = await connected();
    const decrease = first(client.on('notice.group_decrease'));
    await first(client.setGroupLeave(GROUP));
    expect(await decrease).toMatchObject({ group_id: GROUP, user_id: SELF, sub_type: 'leave' });
    expect(await first(client.getGroupList())).toStrictEqual([]);
  });

  it('set_group_remark shows in get_group_info', async () => {
    const { client } = await connected();
    await first(client.setGroupRemark(GROUP, 'work'));
    expect(await first(client.getGroupInfo(GROUP))).toMatchObject({ group_remark: 'work' });
    expect(await first(client.getGroupDetailInfo(GROUP))).toMatchObject({ group_id: GROUP, group_remark: 'work' });
  });
});

describe('requests', () => {
  it('an approved friend request adds the friend and emits friend_add; its flag is then spent', async () => {
    const { sim, client } = await connected();
    const request = first(client.on('request.friend'));
    await client.getStatus().forEach(() => undefined);
    await sim.emit(sim.events.friendRequest({ user_id: CAROL, comment: 'hello' }));
    const { flag } = await request;
    const added = first(client.on('notice.friend_add'));
    await first(client.handleFriendRequest(flag, true, 'Caz'));
    expect(await added).toMatchObject({ user_id: CAROL });
    expect(await first(client.getFriendList())).toContainEqual(expect.objectContaining({ user_id: CAROL, remark: 'Caz' }));
    const again = await failureOf(client.handleFriendRequest(flag));
    expect(isActionFailedError(again) && again.retcode).toBe(1200);
  });

  it('a rejected friend request adds nobody', async () => {
    const { sim, client } = await connected();
    await client.getStatus().forEach(() => undefined);
    const event = sim.events.friendRequest({ user_id: CAROL });
    await sim.emit(event);
    await first(client.handleFriendRequest(String(event['flag']), false));
    expect((await first(client.getFriendList())).map((f) => f.user_id)).toStrictEqual([ALICE, BOB]);
  });

  it('an approved join request adds the member and emits group_increase', async () => {
    const { sim, client } = await connected();
    await client.getStatus().forEach(() => undefined);
    const event = sim.events.groupRequest({ group_id: GROUP, user_id: CAROL, comment: 'let me in' });
    await sim.emit(event);
    const increase = first(client.on('notice.group_increase'));
    await first(client.handleGroupRequest(String(event['flag']), 'add'));
    expect(await increase).toMatchObject({ group_id: GROUP, user_id: CAROL, operator_id: SELF, sub_type: 'approve' });
    expect(await first(client.getGroupMemberInfo(GROUP, CAROL))).toMatchObject({ role: 'member' });
  });

  it('an accepted invitation makes the account a member of the new group', async () => {
    const { sim, client } = await connected();
    await client.getStatus().forEach(() => undefined);
    const event = sim.events.groupRequest({ group_id: 400004, user_id: ALICE, sub_type: 'invite' });
    await sim.emit(event);
    const increase = first(client.on('notice.group_increase'));
    await first(client.handleGroupRequest(String(event['flag']), 'invite'));
    expect(await increase).toMatchObject({ group_id: 400004, user_id: SELF, sub_type: 'invite' });
    expect((await first(client.getGroupList())).map((g) => g.group_id)).toContain(400004);
  });
});

describe('friends', () => {
  it('set_friend_remark changes the remark and delete_friend removes the friend', async () => {
    const { client } = await connected();
    await first(client.setFriendRemark(ALICE, 'Al'));
    await first(client.deleteFriend(BOB));
    expect(await first(client.getFriendList())).toStrictEqual([expect.objectContaining({ user_id: ALICE, remark: 'Al' })]);
  });

  it('send_like counts likes, as get_profile_like reports for both sides', async () => {
    const { client } = await connected();
    await first(client.sendLike(ALICE));
    await first(client.sendLike(ALICE, 4));
    await first(client.sendLike(BOB, 2));
    const own = await first(client.api.get_profile_like());
    expect(own.voteInfo.total_count).toBe(7);
    expect(own.voteInfo.userInfos).toStrictEqual([
      expect.objectContaining({ uin: ALICE, count: 5 }),
      expect.objectContaining({ uin: BOB, count: 2 }),
    ]);
    const alice = await first(client.api.get_profile_like({ user_id: ALICE }));
    expect(alice.favoriteInfo).toMatchObject({ total_count: 5, userInfos: [expect.objectContaining({ uin: SELF })] });
  });

  it('pokes emit notify.poke in the group or the private chat', async () => {
    const { client } = await connected();
    const groupPoke = first(client.on('notice.notify.poke'));
    await first(client.sendGroupPoke(GROUP, BOB));
    expect(await groupPoke).toMatchObject({ group_id: GROUP, user_id: SELF, target_id: BOB });
    const friendPoke = first(client.on('notice.notify.poke'));
    await first(client.sendFriendPoke(ALICE));
    expect(await friendPoke).toMatchObject({ user_id: ALICE, sender_id: SELF, target_id: ALICE });
    const sendPoke = first(client.on('notice.notify.poke'));
    await first(client.sendPoke(ALICE, GROUP));
    expect(await sendPoke).toMatchObject({ group_id: GROUP, target_id: ALICE });
  });
});

describe('essence and group notices', () => {
  it('set_essence_msg lists the message as essence and emits essence add; delete_essence_msg undoes both', async () => {
    const { client } = await connected();
    const { message_id } = await first(client.sendGroupMessage(GROUP, 'worth keeping'));
    const added = first(client.on('notice.essence'));
    await first(client.setEssenceMessage(message_id));
    expect(await added).toMatchObject({ group_id: GROUP, message_id, sub_type: 'add' });
    expect(await first(client.getEssenceMessageList(GROUP))).toStrictEqual([
      expect.objectContaining({ message_id, sender_id: SELF, content: [{ type: 'text', data: { text: 'worth keeping' } }] }),
    ]);
    const removed = first(client.on('notice.essence'));
    await first(client.deleteEssenceMessage(message_id));
    expect(await removed).toMatchObject({ message_id, sub_type: 'delete' });
    expect(await first(client.getEssenceMessageList(GROUP))).toStrictEqual([]);
  });

  it('a published group notice is listed newest first until it is deleted', async () => {
    const { client } = await connected();
    await first(client.sendGroupNotice(GROUP, 'first'));
    await first(client.sendGroupNotice(GROUP, 'second', { pinned: 1 }));
    const listed = await first(client.getGroupNotice(GROUP));
    expect(listed.map((n) => n.message?.text)).toStrictEqual(['second', 'first']);
    await first(client.deleteGroupNotice(GROUP, listed[0]?.notice_id ?? ''));
    expect((await first(client.getGroupNotice(GROUP))).map((n) => n.message?.text)).toStrictEqual(['first']);
  });
});

describe('group files and folders', () => {
  it('an uploaded file is listed, counted, renamed, moved into a folder, and deleted', async () => {
    const { client } = await connected();
    const upload = first(client.on('notice.group_upload'));
    const uploaded = await first(client.uploadGroupFile(GROUP, '/nonexistent/report.txt', 'report.txt'));
    const file_id = uploaded?.file_id ?? '';
    expect(file_id).toMatch(/^sim-file-/);
    expect(await upload).toMatchObject({ group_id: GROUP, user_id: SELF, file: { id: file_id, name: 'report.txt' } });
    expect((await first(client.getGroupRootFiles(GROUP))).files).toStrictEqual([
      expect.objectContaining({ file_id, file_name: 'report.txt' }),
    ]);
    expect(await first(client.getGroupFileSystemInfo(GROUP))).toMatchObject({ file_count: 1 });

    await first(client.api.rename_group_file({ group_id: GROUP, file_id, current_parent_directory: '/', new_name: 'final.txt' }));
    await first(client.createGroupFileFolder(GROUP, 'archive'));
    const [folder] = (await first(client.getGroupRootFiles(GROUP))).folders ?? [];
    const folderId = folder?.folder_id ?? '';
    expect(folder).toMatchObject({ folder_name: 'archive', total_file_count: 0 });
    await first(
      client.api.move_group_file({ group_id: GROUP, file_id, current_parent_directory: '/', target_parent_directory: folderId }),
    );
    const root = await first(client.getGroupRootFiles(GROUP));
    expect(root.files).toStrictEqual([]);
    expect(root.folders).toStrictEqual([expect.objectContaining({ folder_id: folderId, total_file_count: 1 })]);
    expect((await first(client.getGroupFilesByFolder(GROUP, folderId))).files).toStrictEqual([
      expect.objectContaining({ file_id, file_name: 'final.txt' }),
    ]);

    await first(client.deleteGroupFile(GROUP, file_id));
    expect((await first(client.getGroupFilesByFolder(GROUP, folderId))).files).toStrictEqual([]);
    const url = await failureOf(client.getGroupFileUrl(GROUP, file_id));
    expect(isActionFailedError(url) && url.retcode).toBe(1200);
  });

  it('deleting a folder deletes the files in it', async () => {
    const { client } = await connected();
    await first(client.createGroupFileFolder(GROUP, 'tmp'));
    const folderId = (await first(client.getGroupRootFiles(GROUP))).folders?.[0]?.folder_id ?? '';
    await first(client.api.upload_group_file({ group_id: GROUP, file: '/nonexistent/a.txt', name: 'a.txt', folder_id: folderId }));
    expect(await first(client.getGroupFileSystemInfo(GROUP))).toMatchObject({ file_count: 1 });
    await first(client.deleteGroupFolder(GROUP, folderId));
    expect(await first(client.getGroupRootFiles(GROUP))).toStrictEqual({ files: [], folders: [] });
    expect(await first(client.getGroupFileSystemInfo(GROUP))).toMatchObject({ file_count: 0 });
  });
});

describe('unknown actions', () => {
  it('an action NapCat does not know fails with retcode 1404, kind unknown-action', async () => {
    const { client } = await connected();
    const error = await failureOf(client.callApi('no_such_action', {}));
    expect(isActionFailedError(error) && [error.retcode, error.kind]).toStrictEqual([1404, 'unknown-action']);
  });

  it('an action NapCat lists but does not implement fails the same way', async () => {
    const { client } = await connected();
    const error = await failureOf(client.callApi('set_group_anonymous_ban', { group_id: GROUP, anonymous_flag: 'x' }));
    expect(isActionFailedError(error) && error.retcode).toBe(1404);
  });
});
