import { isRight } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../../src/action/catalogue/index';
import { GUILD_ACTIONS } from '../../../src/action/catalogue/backends/guild';
import { LAGRANGE_ACTIONS } from '../../../src/action/catalogue/backends/lagrange';

type Name = keyof typeof CATALOGUE;
const decodes = (name: Name, data: unknown): boolean => isRight(CATALOGUE[name].result.decode(data));
const accepts = (name: Name, params: unknown): boolean => CATALOGUE[name].params.is(params);

/** Replies shaped as Lagrange.OneBot's operations and go-cqhttp's `coolq/api.go` build them. */
describe('Lagrange.OneBot extension rows', () => {
  it('are catalogued, Lagrange-only', () => {
    for (const row of Object.values(LAGRANGE_ACTIONS)) {
      expect(row.origin).toBe('lagrange');
      expect(row.support).toEqual({ napcat: 'unsupported', 'go-cqhttp': 'unsupported', lagrange: 'extension' });
    }
    expect(Object.keys(LAGRANGE_ACTIONS)).toHaveLength(12);
  });

  it('type params and results from the operations', () => {
    expect(accepts('.join_group_emoji_chain', { group_id: 1, message_id: -5, emoji_id: 14 })).toBe(true);
    expect(accepts('.send_packet', { data: '0a01', command: 'OidbSvcTrpcTcp.0x9067_202' })).toBe(true);
    expect(decodes('.send_packet', { sequence: 12, result: '0a', retcode: 0, extra: null })).toBe(true);
    expect(decodes('fetch_mface_key', ['a1b2'])).toBe(true);
    expect(accepts('set_group_reaction', { group_id: 1, message_id: 2, code: '76' })).toBe(true);
    expect(accepts('set_group_reaction', { group_id: 1, message_id: 2 })).toBe(false);
    expect(decodes('get_group_requests', [{
      time: 1, self_id: 10001, post_type: 'request', request_type: 'group', sub_type: 'add', user_id: 2, group_id: 3,
      comment: null, flag: '7-3-1-0', invitor_id: 0,
    }])).toBe(true);
    expect(decodes('get_music_ark', '{"app":"com.tencent.music.lua"}')).toBe(true);
    expect(decodes('rename_group_file_folder', { msg: 'ok' })).toBe(true);
    expect(decodes('set_group_bot_status', 3889000000)).toBe(true);
    expect(decodes('upload_image', 'https://multimedia.nt.qq.com.cn/download?appid=1407')).toBe(true);
  });
});

describe('go-cqhttp guild rows', () => {
  it('are go-cqhttp only', () => {
    for (const row of Object.values(GUILD_ACTIONS)) expect(row.support).toEqual({ napcat: 'unsupported', 'go-cqhttp': 'supported', lagrange: 'unsupported' });
  });

  it('decode the replies go-cqhttp builds', () => {
    expect(decodes('get_guild_meta_by_guest', { guild_id: '49857441636955271', guild_name: 'g', guild_profile: '', create_time: 1,
      max_member_count: 10, max_robot_count: 1, max_admin_count: 1, member_count: 3, owner_id: '144115218676630990' })).toBe(true);
    expect(decodes('get_guild_channel_list', [{ channel_id: '1404663', channel_type: 1, channel_name: 'general', owner_guild_id: '1',
      creator_tiny_id: '2', create_time: 1, current_slow_mode: 0, talk_permission: 1, visible_type: 1, slow_modes: [] }])).toBe(true);
    expect(decodes('get_guild_member_list', { members: [{ tiny_id: '1', title: '', nickname: 'n', role_id: '4', role_name: '成员' }],
      finished: false, next_token: 'AAAA' })).toBe(true);
    expect(decodes('get_guild_member_list', { members: [], finished: true, next_token: null })).toBe(true);
    expect(decodes('get_guild_roles', [{ role_id: '4', role_name: 'x', argb_color: 0, independent: false, member_count: 1,
      max_count: 5, owned: false, disabled: false }])).toBe(true);
    expect(decodes('create_guild_role', { role_id: '5' })).toBe(true);
    expect(decodes('send_guild_channel_msg', { message_id: 'BAAE' })).toBe(true);
    expect(decodes('send_guild_channel_msg', { message_id: 5 })).toBe(false);
    expect(accepts('send_guild_channel_msg', { guild_id: '49857441636955271', channel_id: 1404663, message: 'hi' })).toBe(true);
  });
});
