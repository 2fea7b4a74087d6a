import { isRight } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { NAPCAT_ACTIONS } from '../../../../src/action/catalogue/napcat';

type Name = keyof typeof NAPCAT_ACTIONS;

const notice = {
  request_id: 1732350000123456,
  invitor_uin: 0,
  invitor_nick: 'Carol',
  group_id: 123456,
  message: 'let me in',
  group_name: 'Test group',
  checked: false,
  actor: 0,
  requester_nick: 'Carol',
};

const rkey = (type: string) => ({ type, rkey: '&rkey=CAQSKAB6JWENi5LM', created_at: 1732350000, ttl: 3600 });

/**
 * One reply `data` per action, shaped as NapCat sends it. `undefined` stands for a reply without `data`
 * (NapCat's handlers that return nothing).
 */
const NAPCAT_REPLIES: Record<Name, unknown> = {
  mark_msg_as_read: null,
  mark_group_msg_as_read: null,
  mark_private_msg_as_read: null,
  _mark_all_as_read: null,
  forward_friend_single_msg: null,
  forward_group_single_msg: null,
  get_recent_contact: [
    {
      lastestMsg: { message_id: 42, message_type: 'group', raw_message: 'hi', message: [] },
      peerUin: '123456',
      remark: '',
      msgTime: '1732350000',
      chatType: 2,
      msgId: '7440000000000000001',
      sendNickName: 'Alice',
      sendMemberName: 'Alice in group',
      peerName: 'Test group',
    },
    {
      lastestMsg: undefined,
      peerUin: '10001',
      remark: 'Ally',
      msgTime: '1732340000',
      chatType: 1,
      msgId: '7440000000000000002',
      sendNickName: '',
      sendMemberName: '',
      peerName: 'Alice',
    },
  ],
  set_input_status: { result: 0, errMsg: '' },
  click_inline_keyboard_button: { result: 0, errMsg: '', status: 0, promptText: '', promptType: 0 },
  set_msg_emoji_like: { result: 0, errMsg: '' },
  fetch_emoji_like: {
    emojiLikesList: [{ tinyId: '144115218678000000', nickName: 'Alice', headUrl: 'https://q.qlogo.cn/a.png' }],
    cookie: 'CAEQAA==',
    isLastPage: false,
    isFirstPage: true,
    result: 0,
    errMsg: '',
  },
  get_emoji_likes: { emoji_like_list: [{ user_id: '144115218678000000', nick_name: 'Alice' }] },
  send_poke: undefined,
  group_poke: undefined,
  friend_poke: undefined,
  send_ark_share: '{"app":"com.tencent.contact.lua","view":"contact","ver":"0.0.0.1"}',
  ArkSharePeer: '{"app":"com.tencent.contact.lua","view":"contact","ver":"0.0.0.1"}',
  send_group_ark_share: '{"app":"com.tencent.troopsharecard","view":"contact","ver":"1.0.0.1"}',
  ArkShareGroup: '{"app":"com.tencent.troopsharecard","view":"contact","ver":"1.0.0.1"}',
  get_mini_app_ark: { data: { app: 'com.tencent.miniapp_01', view: 'view_8C8E89B49BE609866298ADDFF2DBABA4' } },
  set_group_todo: undefined,
  complete_group_todo: undefined,
  cancel_group_todo: undefined,
  set_group_sign: undefined,
  get_group_signed_list: [
    { user_id: 10001, nick: 'Alice', time: 1732330000, rank: 1 },
    { user_id: 10002, nick: 'Bob', time: 1732331000, rank: 2 },
  ],
  get_group_detail_info: {
    groupCode: '123456',
    groupName: 'Test group',
    memberNum: 42,
    maxMemberNum: 500,
    shutUpAllTimestamp: 0,
    group_all_shut: 0,
    group_remark: '',
    group_id: 123456,
    group_name: 'Test group',
    member_count: 42,
    max_member_count: 500,
  },
  get_group_info_ex: { groupCode: '123456', resultCode: 0, extInfo: { groupInfoExtSeq: 1, luckyWordId: '0' } },
  get_group_shut_list: [{ uid: 'u_x1', uin: '10002', nick: 'Bob', cardName: '', shutUpTime: 1732353600 }],
  get_group_ignore_add_request: [notice],
  get_group_ignored_notifies: { invited_requests: [], InvitedRequest: [], join_requests: [notice] },
  set_group_add_option: null,
  set_group_robot_add_option: null,
  set_group_search: null,
  set_group_remark: null,
  set_group_kick_members: null,
  set_group_member_invite_policy: null,
  set_group_member_permissions: null,
  set_group_new_member_history_visibility: null,
  get_friends_with_category: [
    {
      categoryId: 0,
      categorySortId: 0,
      categoryName: 'My friends',
      categoryMbCount: 1,
      onlineCount: 1,
      buddyList: [
        {
          user_id: 10001,
          nickname: 'Alice',
          remark: '',
          sex: 'female',
          level: 0,
          birthday_year: 2000,
          birthday_month: 1,
          birthday_day: 1,
          age: 24,
          qid: '',
          long_nick: '',
          category_id: 0,
        },
      ],
    },
  ],
  set_friend_remark: undefined,
  get_profile_like: {
    uid: 'u_self',
    time: '1732350000',
    favoriteInfo: {
      userInfos: [{ uid: 'u_a', uin: 10001, nick: 'Alice', count: 10 }],
      total_count: 10,
      last_time: 1732340000,
      today_count: 1,
    },
    voteInfo: { total_count: 5, new_count: 0, new_nearby_count: 0, last_visit_time: 1732340000, userInfos: [] },
  },
  nc_get_user_status: { status: 10, ext_status: 0 },
  get_doubt_friends_add_request: [
    { flag: 'u_b|1732350000', uin: '10002', nick: 'Bob', source: 'search', reason: '', msg: 'hi', time: '1732350000' },
  ],
  set_doubt_friends_add_request: null,
  set_online_status: null,
  set_diy_online_status: '',
  set_qq_avatar: null,
  set_self_longnick: { result: 0, errMsg: '' },
  get_clientkey: { clientkey: 'A1B2C3D4E5F6' },
  _get_model_show: [{ variants: { model_show: 'napcat', need_pay: false } }],
  _set_model_show: undefined,
  get_rkey: [rkey('private'), rkey('group')],
  get_rkey_server: {
    private_rkey: '&rkey=CAQSKAB6JWENi5LM',
    group_rkey: '&rkey=CAMSKAB6JWENi5LM',
    expired_time: 1732353600,
    name: 'NapCat 4',
  },
  nc_get_rkey: [{ type: 10, rkey: '&rkey=CAQSKAB6JWENi5LM', time: 1732350000, ttl: '3600' }],
  '.ocr_image': [{ text: 'Hello', pt1: { x: '0', y: '0' }, pt3: { x: '50', y: '20' }, score: '' }],
  translate_en2zh: { words: ['苹果'] },
  get_robot_uin_range: [{ minUin: '3328144510', maxUin: '3328144510' }],
  get_share_link: 'https://qfile.qq.com/q/AbCdEf',
  bot_exit: undefined,
  reboot_normal: undefined,
  reload_event_filter: null,
  get_guild_list: undefined,
  get_guild_service_profile: undefined,
};

describe('NapCat extension results', () => {
  it.each(Object.entries(NAPCAT_REPLIES))('%s decodes a NapCat-shaped reply', (name, data) => {
    expect(isRight(NAPCAT_ACTIONS[name as Name].result.decode(data))).toBe(true);
  });

  it('decodes the reply shapes of go-cqhttp and Lagrange.OneBot where they answer differently', () => {
    const { _get_model_show, get_guild_list, get_guild_service_profile, get_rkey } = NAPCAT_ACTIONS;
    const variants = [{ model_show: 'iPhone 15', need_pay: true }];
    expect(_get_model_show.result.is({ variants })).toBe(true);
    const guild = { guild_id: '68731', guild_name: 'Lobby', guild_display_id: '8372' };
    expect(get_guild_list.result.is([guild])).toBe(true);
    const profile = { nickname: 'bot', tiny_id: '144115218678000000', avatar_url: '' };
    expect(get_guild_service_profile.result.is(profile)).toBe(true);
    expect(get_rkey.result.is({ rkeys: [rkey('private')] })).toBe(true);
  });

  it('refuses replies of the wrong shape', () => {
    expect(isRight(NAPCAT_ACTIONS.get_rkey_server.result.decode({ private_rkey: '&rkey=x' }))).toBe(false);
    const signedWithStringRank = [{ user_id: 1, nick: 'A', time: 1, rank: '1' }];
    expect(isRight(NAPCAT_ACTIONS.get_group_signed_list.result.decode(signedWithStringRank))).toBe(false);
    expect(isRight(NAPCAT_ACTIONS.get_emoji_likes.result.decode({ list: [] }))).toBe(false);
    expect(isRight(NAPCAT_ACTIONS.nc_get_user_status.result.decode({ status: '10', ext_status: 0 }))).toBe(false);
    expect(isRight(NAPCAT_ACTIONS.send_group_ark_share.result.decode({ ark: '{}' }))).toBe(false);
  });

  it('keeps the fields NapCat adds beyond the codec', () => {
    const decoded = NAPCAT_ACTIONS.get_group_detail_info.result.decode(NAPCAT_REPLIES.get_group_detail_info);
    expect(isRight(decoded) && decoded.right).toMatchObject({ groupCode: '123456', group_id: 123456 });
  });

  it('reads IDs beyond 2^53 as digit strings', () => {
    const reply = [{ ...notice, request_id: '9007199254740993' }];
    const decoded = NAPCAT_ACTIONS.get_group_ignore_add_request.result.decode(reply);
    expect(isRight(decoded) && decoded.right[0]?.request_id).toBe('9007199254740993');
  });
});
