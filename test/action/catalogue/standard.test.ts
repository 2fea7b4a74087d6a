import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { RawInteger, stringifyWire } from '../../../src/codec/id';
import { STANDARD_ACTIONS } from '../../../src/action/catalogue/standard';
import type { ActionDef, Support } from '../../../src/action/define';

/** `protocol/compat.md`, column order go-cqhttp, NapCat, Lagrange: Y ✅, s ☑️, S ⚠️, x ✨, N ❌, ? –. */
const COMPAT: readonly (readonly [string, string])[] = [
  ['send_msg', 'YYY'],
  ['send_private_msg', 'YYY'],
  ['send_group_msg', 'YYY'],
  ['delete_msg', 'YYY'],
  ['get_msg', 'YYY'],
  ['get_forward_msg', 'YYY'],
  ['send_forward_msg', 'YYS'],
  ['send_group_forward_msg', 'YYY'],
  ['send_private_forward_msg', 'YYY'],
  ['get_group_msg_history', 'YsS'],
  ['get_friend_msg_history', 'Nxx'],
  ['send_like', 'NYY'],
  ['set_friend_add_request', 'YYs'],
  ['get_stranger_info', 'Yss'],
  ['get_friend_list', 'Yss'],
  ['get_unidirectional_friend_list', 'YsN'],
  ['delete_friend', 'YSS'],
  ['delete_unidirectional_friend', 'YNN'],
  ['set_group_kick', 'YYY'],
  ['set_group_ban', 'YYY'],
  ['set_group_anonymous_ban', 'NNN'],
  ['set_group_whole_ban', 'YYY'],
  ['set_group_admin', 'YYY'],
  ['set_group_anonymous', 'NNN'],
  ['set_group_card', 'YYY'],
  ['set_group_name', 'YYY'],
  ['set_group_leave', 'YYs'],
  ['set_group_special_title', 'YYs'],
  ['get_group_info', 'YsY'],
  ['get_group_list', 'YsY'],
  ['get_group_member_info', 'Yss'],
  ['get_group_member_list', 'Yss'],
  ['get_group_honor_info', 'Yss'],
  ['set_group_add_request', 'YsY'],
  ['set_group_portrait', 'YYY'],
  ['set_essence_msg', 'YYY'],
  ['delete_essence_msg', 'YYY'],
  ['get_essence_msg_list', 'Yss'],
  ['send_group_sign', 'YYN'],
  ['_get_group_notice', 'YYY'],
  ['_send_group_notice', 'YsY'],
  ['_del_group_notice', 'YYY'],
  ['get_group_system_msg', 'YSN'],
  ['get_group_at_all_remain', 'YYN'],
  ['get_group_file_url', 'YYY'],
  ['get_private_file_url', 'YYY'],
  ['upload_group_file', 'YsY'],
  ['get_group_file_system_info', 'YYN'],
  ['get_group_root_files', 'YYY'],
  ['get_group_files_by_folder', 'YYY'],
  ['delete_group_file', 'YYY'],
  ['create_group_file_folder', 'YSY'],
  ['delete_group_folder', 'YYS'],
  ['upload_private_file', 'YsY'],
  ['get_login_info', 'YYY'],
  ['get_cookies', 'YYY'],
  ['get_csrf_token', 'YYY'],
  ['get_credentials', 'YYY'],
  ['get_record', 'YsN'],
  ['get_image', 'YYN'],
  ['can_send_image', 'YYY'],
  ['can_send_record', 'YYY'],
  ['get_status', 'YYs'],
  ['get_version_info', 'YYY'],
  ['get_online_clients', 'YSN'],
  ['qidian_get_account_info', 'YNN'],
  ['get_model_show', 'YYN'],
  ['set_model_show', 'YSN'],
  ['set_qq_profile', 'YSN'],
  ['set_restart', '???'],
  ['clean_cache', '???'],
  ['ocr_image', '???'],
  ['download_file', '???'],
  ['check_url_safely', '???'],
  ['.handle_quick_operation', '???'],
  ['.get_word_slices', '???'],
];

const MARK: Readonly<Record<string, Support>> = {
  Y: 'supported',
  s: 'slight',
  S: 'serious',
  x: 'extension',
  N: 'unsupported',
  '?': 'unknown',
};

const rows = STANDARD_ACTIONS as Readonly<Record<string, ActionDef>>;

describe('the standard catalogue', () => {
  it('has exactly the 76 actions of compat.md', () => {
    expect(Object.keys(rows).sort()).toEqual(COMPAT.map(([name]) => name).sort());
  });

  it.each(COMPAT)('gives %s the support marks of compat.md', (name, marks) => {
    const [goCqhttp, napcat, lagrange] = [...marks].map((mark) => MARK[mark]);
    expect(rows[name]?.support).toEqual({ 'go-cqhttp': goCqhttp, napcat, lagrange });
  });

  it('marks every row as OneBot 11 or go-cqhttp, with a one-line doc and a single reply', () => {
    for (const [name, row] of Object.entries(rows)) {
      expect([name, row.origin === 'onebot11' || row.origin === 'go-cqhttp']).toEqual([name, true]);
      expect([name, row.doc.length > 10 && !row.doc.includes('\n')]).toEqual([name, true]);
      expect([name, row.reply]).toEqual([name, 'single']);
    }
  });

  it("notes NapCat's Any schema on every row whose result is t.unknown", () => {
    const unknownResults = Object.entries(rows).filter(([, row]) => row.result === t.unknown);
    expect(unknownResults.map(([name]) => name).sort()).toEqual(['ocr_image']);
    for (const [, row] of unknownResults) expect(row.note).toContain("NapCat's schema is Any");
  });
});

/** [action, valid params, invalid params (wrong ID type or missing required field)]. */
const PARAMS_CASES: readonly (readonly [string, unknown, unknown])[] = [
  ['send_msg', { message_type: 'group', group_id: 1, message: 'hi' }, { group_id: 1 }],
  ['send_msg', { user_id: 10001n, message: [{ type: 'text', data: { text: 'x' } }] }, { user_id: 1.5, message: 'x' }],
  ['send_private_msg', { user_id: '10001', message: 'hi' }, { user_id: 'abc', message: 'hi' }],
  ['send_group_msg', { group_id: 1, message: { type: 'face', data: { id: '1' } } }, { group_id: 1, message: 42 }],
  ['delete_msg', { message_id: -2147483000 }, { message_id: null }],
  ['get_msg', { message_id: '123' }, {}],
  ['get_forward_msg', { id: 'res-abc' }, { id: 5 }],
  ['send_group_forward_msg', { group_id: 1, messages: [] }, { group_id: true, messages: [] }],
  ['get_group_msg_history', { group_id: 1, message_seq: 5, count: 20 }, { message_seq: 5 }],
  ['get_friend_msg_history', { user_id: 1, count: 10, reverse_order: true }, { user_id: 1, count: '10' }],
  ['send_like', { user_id: 1, times: 10 }, { user_id: {} }],
  ['set_friend_add_request', { flag: 'f', approve: false, remark: 'r' }, { approve: true }],
  ['get_stranger_info', { user_id: 1, no_cache: true }, { user_id: '1x' }],
  ['delete_friend', { user_id: 1 }, { friend_id: 1 }],
  ['set_group_kick', { group_id: 1, user_id: 2, reject_add_request: true }, { group_id: 1 }],
  ['set_group_ban', { group_id: 1, user_id: 2, duration: 60 }, { group_id: 1, user_id: 2, duration: '60' }],
  ['set_group_whole_ban', { group_id: 1, enable: false }, { group_id: [1] }],
  ['set_group_admin', { group_id: 1, user_id: 2 }, { user_id: 2 }],
  ['set_group_card', { group_id: 1, user_id: 2, card: 'c' }, { group_id: 1, user_id: 2, card: 3 }],
  ['set_group_name', { group_id: 1, group_name: 'n' }, { group_id: 1 }],
  ['set_group_leave', { group_id: 1, is_dismiss: true }, { group_id: 1.25 }],
  ['set_group_special_title', { group_id: 1, user_id: 2, special_title: 't', duration: -1 }, { group_id: 1 }],
  ['set_group_add_request', { flag: 'f', sub_type: 'invite', approve: true }, { flag: 'f', sub_type: 'join' }],
  ['get_group_info', { group_id: '9007199254740993' }, { group_id: '' }],
  ['get_group_member_info', { group_id: 1, user_id: 2, no_cache: false }, { group_id: 1 }],
  ['get_group_honor_info', { group_id: 1, type: 'talkative' }, { group_id: 1, type: 'dragon' }],
  ['_send_group_notice', { group_id: 1, content: 'c', pinned: 1 }, { group_id: 1, content: 'c', pinned: 2 }],
  ['_del_group_notice', { group_id: 1, notice_id: 'n' }, { group_id: 1, notice_id: 1 }],
  ['get_essence_msg_list', { group_id: 1 }, {}],
  ['upload_group_file', { group_id: 1, file: '/tmp/a', name: 'a' }, { group_id: 1, file: '/tmp/a' }],
  ['upload_private_file', { user_id: 1, file: '/tmp/a', name: 'a' }, { user_id: 1, name: 'a' }],
  ['get_group_files_by_folder', { group_id: 1, folder_id: '/abc' }, { group_id: 1 }],
  ['get_record', { file: 'a.amr', out_format: 'mp3' }, { file: 'a.amr', out_format: 'aac' }],
  ['download_file', { url: 'https://x', headers: ['A: b'] }, { url: 1 }],
  ['get_cookies', { domain: 'qun.qq.com' }, {}],
  ['set_qq_profile', { nickname: 'n', sex: 1 }, { personal_note: 'x' }],
  ['.handle_quick_operation', { context: { post_type: 'message' }, operation: { reply: 'hi' } }, { context: {} }],
  ['.get_word_slices', { content: 'abc' }, { content: null }],
];

describe('params codecs', () => {
  it.each(PARAMS_CASES)('%s params accept a valid object and reject a wrong ID type or a missing field', (name, valid, invalid) => {
    const codec = rows[name]?.params;
    expect(codec?.is(valid)).toBe(true);
    expect(codec?.is(invalid)).toBe(false);
  });

  it('writes big ID strings as bare integers and small ones as numbers', () => {
    const wire = rows.set_group_ban?.params.encode({ group_id: '9007199254740993', user_id: 10001n, duration: 60 });
    expect(wire).toEqual({ group_id: new RawInteger('9007199254740993'), user_id: 10001, duration: 60 });
    expect(stringifyWire(wire)).toBe('{"group_id":9007199254740993,"user_id":10001,"duration":60}');
  });

  it('writes a string message as one text segment', () => {
    const wire = rows.send_group_msg?.params.encode({ group_id: 1, message: 'hi' });
    expect(wire).toEqual({ group_id: 1, message: [{ type: 'text', data: { text: 'hi' } }], auto_escape: undefined });
  });
});

/** [action, a reply `data` shaped as NapCat sends it]. */
const RESULT_CASES: readonly (readonly [string, unknown])[] = [
  ['get_login_info', { user_id: 10001, nickname: 'bot' }],
  ['send_msg', { message_id: 123456 }],
  ['send_group_forward_msg', { message_id: 1, res_id: 'r', forward_id: 'f' }],
  ['delete_msg', null],
  [
    'get_msg',
    {
      self_id: 10001, user_id: 20002, time: 1700000000, message_id: 1, message_seq: 1, real_id: 1,
      message_type: 'group', sender: { user_id: 20002, nickname: 'n', card: '', role: 'member' },
      raw_message: 'hi', font: 14, sub_type: 'normal', message: [{ type: 'text', data: { text: 'hi' } }],
      message_format: 'array', post_type: 'message', group_id: 30003, emoji_likes_list: [],
    },
  ],
  ['get_group_msg_history', { messages: [] }],
  ['get_stranger_info', { user_id: 1, uid: 'u_x', nickname: 'n', age: 0, qid: '', qqLevel: 1, sex: 'unknown', long_nick: '', reg_time: 0, is_vip: false, is_years_vip: false, vip_level: 0, remark: '', status: 10, login_days: 0 }],
  ['get_friend_list', [{ user_id: 1, nickname: 'n', remark: '', sex: 'male', level: 0, categoryId: 0 }]],
  ['get_unidirectional_friend_list', [{ uin: 1, uid: 'u', nick_name: 'n', age: 20, source: 's' }]],
  ['get_group_info', { group_all_shut: 0, group_remark: '', group_id: 1, group_name: 'g', member_count: 3, max_member_count: 200 }],
  ['get_group_list', []],
  ['get_group_member_info', { group_id: 1, user_id: 2, nickname: 'n', card: '', sex: 'unknown', age: 0, area: '', level: '1', qq_level: 0, join_time: 0, last_sent_time: 0, title_expire_time: 0, unfriendly: false, card_changeable: true, is_robot: false, shut_up_timestamp: 0, role: 'owner', title: '' }],
  ['get_group_honor_info', { group_id: 1, current_talkative: {}, talkative_list: [], performer_list: [], legend_list: [], emotion_list: [], strong_newbie_list: [] }],
  ['get_group_at_all_remain', { can_at_all: true, remain_at_all_count_for_group: 10, remain_at_all_count_for_uin: 5 }],
  ['get_group_system_msg', { invited_requests: [], InvitedRequest: [], join_requests: [{ request_id: 1, invitor_uin: 0, invitor_nick: '', group_id: 1, group_name: 'g', message: 'm', checked: false, actor: 0, requester_nick: 'r' }] }],
  ['get_essence_msg_list', [{ msg_seq: 1, msg_random: 2, sender_id: 3, sender_nick: 's', operator_id: 4, operator_nick: 'o', message_id: 5, operator_time: 6, content: [] }]],
  ['_get_group_notice', [{ sender_id: 1, publish_time: 2, notice_id: 'n', message: { text: 't', image: [], images: [] }, read_num: 3 }]],
  ['get_group_root_files', { files: [{ group_id: 1, file_id: '/f', file_name: 'a', busid: 102, size: 3, file_size: 3, upload_time: 0, dead_time: 0, modify_time: 0, download_times: 0, uploader: 1, uploader_name: 'u' }], folders: [] }],
  ['get_group_files_by_folder', { files: null, folders: null }],
  ['get_group_file_system_info', { file_count: 1, limit_count: 10000, used_space: 3, total_space: 10 }],
  ['get_group_file_url', { url: 'https://x' }],
  ['upload_group_file', { file_id: '/abc' }],
  ['upload_private_file', null],
  ['get_image', { file: '/tmp/a.png', url: 'https://x', file_size: '3', file_name: 'a.png' }],
  ['download_file', { file: '/tmp/a' }],
  ['get_cookies', { cookies: 'uin=o1;', bkn: '123' }],
  ['get_csrf_token', { token: 123 }],
  ['get_credentials', { cookies: 'uin=o1;', token: 123 }],
  ['can_send_image', { yes: true }],
  ['get_status', { online: true, good: true, stat: {} }],
  ['get_version_info', { app_name: 'NapCat.Onebot', protocol_version: 'v11', app_version: '4.18.19' }],
  ['get_online_clients', []],
  ['get_model_show', [{ variants: { model_show: 'm', need_pay: false } }]],
  ['check_url_safely', { level: 1 }],
];

describe('result codecs', () => {
  it.each(RESULT_CASES)('%s accepts a NapCat-shaped reply', (name, data) => {
    expect(rows[name]?.result.is(data)).toBe(true);
  });

  it('keeps IDs past 2^53 as digit strings in results', () => {
    expect(rows.get_login_info?.result.is({ user_id: '9007199254740993', nickname: 'n' })).toBe(true);
    expect(rows.get_login_info?.result.is({ user_id: 2 ** 53 + 2, nickname: 'n' })).toBe(false);
  });
});
