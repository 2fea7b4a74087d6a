import type * as t from 'io-ts';
import { PathReporter } from 'io-ts/lib/PathReporter.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../../src/action/catalogue';
import { createSimulator, type Simulator } from '../../../src/testing/simulator';
import { connect, type TestClient } from './ws-client';

const GROUP = 300001;
let sim: Simulator;
let client: TestClient;
let messageId: number;

beforeAll(async () => {
  sim = await createSimulator();
  client = await connect(sim.url);
  messageId = (await client.call('send_group_msg', { group_id: GROUP, message: 'hello' }))['data'].message_id;
  await client.call('set_essence_msg', { message_id: messageId });
  await client.call('_send_group_notice', { group_id: GROUP, content: 'notice' });
  await client.call('create_group_file_folder', { group_id: GROUP, folder_name: 'f' });
  await client.call('upload_group_file', { group_id: GROUP, file: '/nonexistent', name: 'n.txt' });
});

afterAll(async () => {
  await client.close();
  await sim.close();
});

const rows = CATALOGUE as unknown as Record<string, { params: t.Mixed; result: t.Mixed }>;

/** Requests whose answers the world fills; each must decode with the catalogue's result codec. */
const REQUESTS: ReadonlyArray<readonly [string, () => Record<string, unknown>]> = [
  ['get_login_info', () => ({})],
  ['get_status', () => ({})],
  ['get_version_info', () => ({})],
  ['get_stranger_info', () => ({ user_id: 20001 })],
  ['get_friend_list', () => ({})],
  ['get_group_list', () => ({})],
  ['get_group_info', () => ({ group_id: GROUP })],
  ['get_group_member_list', () => ({ group_id: GROUP })],
  ['get_group_member_info', () => ({ group_id: GROUP, user_id: 20001 })],
  ['get_msg', () => ({ message_id: messageId })],
  ['get_group_msg_history', () => ({ group_id: GROUP })],
  ['get_essence_msg_list', () => ({ group_id: GROUP })],
  ['_get_group_notice', () => ({ group_id: GROUP })],
  ['get_group_root_files', () => ({ group_id: GROUP })],
  ['get_group_files_by_folder', () => ({ group_id: GROUP, folder_id: '/' })],
  ['get_group_file_system_info', () => ({ group_id: GROUP })],
  ['get_cookies', () => ({ domain: 'qun.qq.com' })],
  ['get_csrf_token', () => ({})],
  ['get_credentials', () => ({ domain: 'qun.qq.com' })],
  ['can_send_image', () => ({})],
  ['can_send_record', () => ({})],
  ['send_private_msg', () => ({ user_id: 20001, message: 'x' })],
  ['send_like', () => ({ user_id: 20001 })],
  ['set_group_card', () => ({ group_id: GROUP, user_id: 20002, card: 'c' })],
];

describe('the world answers what the catalogue declares', () => {
  it.each(REQUESTS)('%s answers data its catalogue result codec accepts', async (action, params) => {
    const row = rows[action];
    expect(row, `${action} is catalogued`).toBeDefined();
    const reply = await client.call(action, params());
    expect(reply['retcode'], JSON.stringify(reply)).toBe(0);
    const decoded = row!.result.decode(reply['data']);
    expect(PathReporter.report(decoded).join('\n')).toBe('No errors!');
  });

  it('answers a catalogued action it has no handler for with a sample, through the default catalogue', async () => {
    const reply = await client.call('get_group_honor_info', { group_id: GROUP, type: 'all' });
    expect(reply['retcode']).toBe(0);
    expect(rows['get_group_honor_info']!.result.is(reply['data'])).toBe(true);
  });
});
