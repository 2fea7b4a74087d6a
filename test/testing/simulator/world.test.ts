import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator, type SimulatorOptions } from '../../../src/testing/simulator';
import { connect, type Frame, type TestClient } from './ws-client';

const GROUP = 300001;
const ALICE = 20001;
const BOB = 20002;
const T0 = 1_700_000_000;

let sim: Simulator;
let client: TestClient;

async function start(options: SimulatorOptions = {}): Promise<void> {
  sim = await createSimulator({ catalogue: {}, clock: () => T0 * 1000, ...options });
  client = await connect(sim.url);
}

beforeEach(() => start());

afterEach(async () => {
  await client.close();
  await sim.close();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read by shape in assertions
async function ok(action: string, params: Record<string, unknown> = {}): Promise<any> {
  const reply = await client.call(action, params);
  expect(reply, `${action} ${JSON.stringify(reply)}`).toMatchObject({ status: 'ok', retcode: 0 });
  return reply['data'];
}

const notice = (type: string, sub?: string) => (f: Frame) =>
  f['post_type'] === 'notice' && f['notice_type'] === type && (sub === undefined || f['sub_type'] === sub);

describe('messages', () => {
  it('stores a sent group message: get_msg returns it, delete_msg removes it and emits group_recall', async () => {
    const { message_id } = await ok('send_group_msg', { group_id: GROUP, message: [{ type: 'text', data: { text: 'hi [x]' } }] });
    const msg = await ok('get_msg', { message_id });
    expect(msg).toMatchObject({
      message_id,
      message_type: 'group',
      group_id: GROUP,
      user_id: 10000,
      time: T0,
      raw_message: 'hi &#91;x&#93;',
      message: [{ type: 'text', data: { text: 'hi [x]' } }],
      message_format: 'array',
      post_type: 'message_sent',
      sender: { user_id: 10000, nickname: 'onebot-rx sim', role: 'admin' },
      font: 14,
    });
    expect(await ok('delete_msg', { message_id })).toBeNull();
    const recall = await client.next(notice('group_recall'));
    expect(recall).toStrictEqual({
      time: T0,
      self_id: 10000,
      post_type: 'notice',
      notice_type: 'group_recall',
      group_id: GROUP,
      user_id: 10000,
      operator_id: 10000,
      message_id,
    });
    expect((await client.call('get_msg', { message_id }))['retcode']).toBe(1200);
  });

  it('accepts a CQ string and stores it as segments', async () => {
    const { message_id } = await ok('send_msg', { message_type: 'private', user_id: ALICE, message: '[CQ:face,id=14]hello' });
    const msg = await ok('get_msg', { message_id });
    expect(msg['message']).toStrictEqual([
      { type: 'face', data: { id: '14' } },
      { type: 'text', data: { text: 'hello' } },
    ]);
    expect(msg['raw_message']).toBe('[CQ:face,id=14]hello');
    await ok('delete_msg', { message_id });
    expect(await client.next(notice('friend_recall'))).toMatchObject({ user_id: ALICE, message_id });
  });

  it('lists sent messages in history, oldest first, limited by count', async () => {
    const ids: number[] = [];
    for (const text of ['a', 'b', 'c']) ids.push((await ok('send_group_msg', { group_id: GROUP, message: text })).message_id);
    const all = await ok('get_group_msg_history', { group_id: GROUP });
    expect(all.messages.map((m: Frame) => m['message_id'])).toStrictEqual(ids);
    const upToSecond = await ok('get_group_msg_history', { group_id: GROUP, message_seq: ids[1], count: 1 });
    expect(upToSecond.messages.map((m: Frame) => m['raw_message'])).toStrictEqual(['b']);
    await ok('send_private_msg', { user_id: BOB, message: 'psst' });
    const friend = await ok('get_friend_msg_history', { user_id: BOB });
    expect(friend.messages.map((m: Frame) => m['raw_message'])).toStrictEqual(['psst']);
  });

  it('knows the messages it emitted as events, so get_msg and delete_msg work on them', async () => {
    const event = sim.events.groupMessage({ group_id: GROUP, user_id: ALICE, message: 'from alice' });
    await sim.emit(event);
    const msg = await ok('get_msg', { message_id: event['message_id'] });
    expect(msg).toMatchObject({ user_id: ALICE, raw_message: 'from alice', sender: { nickname: 'Alice', role: 'owner' } });
    await ok('delete_msg', { message_id: event['message_id'] });
    expect(await client.next(notice('group_recall'))).toMatchObject({ user_id: ALICE, operator_id: 10000 });
  });

  it('emits message_sent for its own sends when asked to', async () => {
    await client.close();
    await sim.close();
    await start({ messageSent: true });
    const { message_id } = await ok('send_private_msg', { user_id: ALICE, message: 'me' });
    const sent = await client.next((f) => f['post_type'] === 'message_sent');
    expect(sent).toMatchObject({ message_id, message_type: 'private', target_id: ALICE, message_sent_type: 'self', raw_message: 'me' });
  });

  it('refuses to send to a group the account is not in (retcode 1200)', async () => {
    expect((await client.call('send_group_msg', { group_id: 1, message: 'x' }))['retcode']).toBe(1200);
  });
});

describe('groups and members', () => {
  it('set_group_ban mutes the member in member info and emits group_ban ban then lift_ban', async () => {
    await ok('set_group_ban', { group_id: GROUP, user_id: BOB, duration: 600 });
    expect(await client.next(notice('group_ban', 'ban'))).toMatchObject({ user_id: BOB, duration: 600, operator_id: 10000 });
    expect((await ok('get_group_member_info', { group_id: GROUP, user_id: BOB }))['shut_up_timestamp']).toBe(T0 + 600);
    await ok('set_group_ban', { group_id: GROUP, user_id: BOB, duration: 0 });
    expect(await client.next(notice('group_ban', 'lift_ban'))).toMatchObject({ user_id: BOB, duration: 0 });
    expect((await ok('get_group_member_info', { group_id: GROUP, user_id: BOB }))['shut_up_timestamp']).toBe(0);
  });

  it('set_group_card, set_group_admin and set_group_special_title change the member and emit notices', async () => {
    await ok('set_group_card', { group_id: GROUP, user_id: BOB, card: 'Bobby' });
    expect(await client.next(notice('group_card'))).toMatchObject({ user_id: BOB, card_new: 'Bobby', card_old: '' });
    await ok('set_group_admin', { group_id: GROUP, user_id: BOB, enable: true });
    expect(await client.next(notice('group_admin', 'set'))).toMatchObject({ user_id: BOB });
    await ok('set_group_special_title', { group_id: GROUP, user_id: BOB, special_title: 'Hero' });
    expect(await client.next(notice('notify', 'title'))).toMatchObject({ user_id: BOB, title: 'Hero' });
    expect(await ok('get_group_member_info', { group_id: GROUP, user_id: BOB })).toMatchObject({
      card: 'Bobby',
      role: 'admin',
      title: 'Hero',
    });
    await ok('set_group_admin', { group_id: GROUP, user_id: BOB, enable: false });
    expect(await client.next(notice('group_admin', 'unset'))).toMatchObject({ user_id: BOB });
  });

  it('set_group_kick removes the member and emits group_decrease kick', async () => {
    const before = await ok('get_group_info', { group_id: GROUP });
    await ok('set_group_kick', { group_id: GROUP, user_id: BOB });
    expect(await client.next(notice('group_decrease', 'kick'))).toMatchObject({ user_id: BOB, operator_id: 10000 });
    const members = await ok('get_group_member_list', { group_id: GROUP });
    expect(members.map((m: Frame) => m['user_id']).sort()).toStrictEqual([10000, ALICE]);
    expect((await ok('get_group_info', { group_id: GROUP }))['member_count']).toBe(before['member_count'] - 1);
  });

  it('set_group_whole_ban and set_group_name change the group info', async () => {
    await ok('set_group_whole_ban', { group_id: GROUP, enable: true });
    expect(await client.next(notice('group_ban', 'ban'))).toMatchObject({ user_id: 0, duration: -1 });
    await ok('set_group_name', { group_id: GROUP, group_name: 'Renamed' });
    expect(await client.next(notice('notify', 'group_name'))).toMatchObject({ name_new: 'Renamed' });
    expect(await ok('get_group_info', { group_id: GROUP })).toMatchObject({ group_all_shut: -1, group_name: 'Renamed' });
  });

  it('set_group_leave removes the group from the group list', async () => {
    await ok('set_group_leave', { group_id: GROUP });
    expect(await ok('get_group_list')).toStrictEqual([]);
  });

  it('builds the world from the seed', async () => {
    await client.close();
    await sim.close();
    await start({
      selfId: 1,
      world: {
        nickname: 'Bot',
        friends: [{ user_id: 2, nickname: 'Two', remark: 'my two' }],
        groups: [{ group_id: 9, group_name: 'Nine', members: [{ user_id: 2, nickname: 'Two', role: 'owner', card: 'T' }] }],
      },
    });
    expect(await ok('get_login_info')).toStrictEqual({ user_id: 1, nickname: 'Bot' });
    expect(await ok('get_friend_list')).toMatchObject([{ user_id: 2, nickname: 'Two', remark: 'my two' }]);
    expect(await ok('get_group_list')).toStrictEqual([
      { group_all_shut: 0, group_remark: '', group_id: 9, group_name: 'Nine', member_count: 2, max_member_count: 500 },
    ]);
    expect(await ok('get_group_member_info', { group_id: 9, user_id: 1 })).toMatchObject({ role: 'admin', nickname: 'Bot' });
  });
});

describe('requests, pokes and likes', () => {
  it('approving an emitted friend request adds the friend and emits friend_add', async () => {
    const request = sim.events.friendRequest({ user_id: 555, comment: 'hi' });
    await sim.emit(request);
    await ok('set_friend_add_request', { flag: request['flag'], approve: true, remark: 'new pal' });
    expect(await client.next(notice('friend_add'))).toMatchObject({ user_id: 555 });
    expect((await ok('get_friend_list')).map((f: Frame) => f['user_id'])).toContain(555);
    expect((await client.call('set_friend_add_request', { flag: request['flag'] }))['retcode']).toBe(1200);
  });

  it('approving an emitted group join request adds the member and emits group_increase', async () => {
    const request = sim.events.groupRequest({ group_id: GROUP, user_id: 777 });
    await sim.emit(request);
    await ok('set_group_add_request', { flag: request['flag'], approve: 'true' });
    expect(await client.next(notice('group_increase', 'approve'))).toMatchObject({ group_id: GROUP, user_id: 777 });
    expect(await ok('get_group_member_info', { group_id: GROUP, user_id: 777 })).toMatchObject({ role: 'member' });
  });

  it('group_poke and friend_poke emit notify.poke', async () => {
    await ok('group_poke', { group_id: GROUP, user_id: ALICE });
    expect(await client.next(notice('notify', 'poke'))).toMatchObject({ group_id: GROUP, user_id: 10000, target_id: ALICE });
    const from = client.frames.length;
    await ok('friend_poke', { user_id: BOB });
    expect(await client.next(notice('notify', 'poke'), 2000, from)).toMatchObject({ user_id: BOB, sender_id: 10000, target_id: BOB });
  });

  it('send_like answers null and adds up likes', async () => {
    expect(await ok('send_like', { user_id: ALICE, times: 3 })).toBeNull();
    expect(await ok('send_like', { user_id: ALICE })).toBeNull();
  });
});

describe('essence, notices, files and credentials', () => {
  it('set_essence_msg lists the message, delete_essence_msg removes it, each with a notice', async () => {
    const { message_id } = await ok('send_group_msg', { group_id: GROUP, message: 'gold' });
    await ok('set_essence_msg', { message_id });
    expect(await client.next(notice('essence', 'add'))).toMatchObject({ message_id, operator_id: 10000 });
    expect(await ok('get_essence_msg_list', { group_id: GROUP })).toMatchObject([
      { message_id, sender_id: 10000, content: [{ type: 'text', data: { text: 'gold' } }] },
    ]);
    await ok('delete_essence_msg', { message_id });
    expect(await client.next(notice('essence', 'delete'))).toMatchObject({ message_id });
    expect(await ok('get_essence_msg_list', { group_id: GROUP })).toStrictEqual([]);
  });

  it('publishes, lists and deletes group notices', async () => {
    await ok('_send_group_notice', { group_id: GROUP, content: 'Read the rules' });
    const notices = await ok('_get_group_notice', { group_id: GROUP });
    expect(notices).toMatchObject([{ sender_id: 10000, publish_time: T0, message: { text: 'Read the rules', images: [] } }]);
    await ok('_del_group_notice', { group_id: GROUP, notice_id: notices[0].notice_id });
    expect(await ok('_get_group_notice', { group_id: GROUP })).toStrictEqual([]);
  });

  it('uploads, lists, serves and deletes group files and folders', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-'));
    const path = join(dir, 'a.txt');
    writeFileSync(path, 'hello file');
    const created = await ok('create_group_file_folder', { group_id: GROUP, folder_name: 'docs' });
    const folder_id = created.groupItem.folderInfo.folderId;
    const { file_id } = await ok('upload_group_file', { group_id: GROUP, file: path, name: 'a.txt' });
    expect(await client.next(notice('group_upload'))).toMatchObject({ file: { id: file_id, name: 'a.txt', size: 10 } });
    await ok('upload_group_file', { group_id: GROUP, file: path, name: 'b.txt', folder_id });
    const root = await ok('get_group_root_files', { group_id: GROUP });
    expect(root.files.map((f: Frame) => f['file_name'])).toStrictEqual(['a.txt']);
    expect(root.folders).toMatchObject([{ folder_name: 'docs', total_file_count: 1 }]);
    const inFolder = await ok('get_group_files_by_folder', { group_id: GROUP, folder_id });
    expect(inFolder.files.map((f: Frame) => f['file_name'])).toStrictEqual(['b.txt']);
    expect(await ok('get_group_file_system_info', { group_id: GROUP })).toMatchObject({ file_count: 2, used_space: 20 });
    const { url } = await ok('get_group_file_url', { group_id: GROUP, file_id });
    expect(await (await fetch(url)).text()).toBe('hello file');
    await ok('delete_group_file', { group_id: GROUP, file_id });
    await ok('delete_group_folder', { group_id: GROUP, folder_id });
    expect(await ok('get_group_root_files', { group_id: GROUP })).toStrictEqual({ files: [], folders: [] });
  });

  it('answers credentials consistently and can_send_* with yes', async () => {
    const { token } = await ok('get_csrf_token');
    expect(await ok('get_cookies', { domain: 'qun.qq.com' })).toMatchObject({ bkn: String(token) });
    expect((await ok('get_credentials', { domain: 'qun.qq.com' }))['token']).toBe(token);
    expect(await ok('can_send_image')).toStrictEqual({ yes: true });
    expect(await ok('can_send_record')).toStrictEqual({ yes: true });
    expect(await ok('mark_group_msg_as_read', { group_id: GROUP })).toBeNull();
  });
});
