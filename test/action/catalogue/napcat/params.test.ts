import { isRight } from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { stringifyWire } from '../../../../src/codec/id';
import { NAPCAT_ACTIONS } from '../../../../src/action/catalogue/napcat';

type Name = keyof typeof NAPCAT_ACTIONS;

/** A params object without its `undefined` fields: what a caller omitting optional keys sends. */
function omitUndefined(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined));
}

/** `params` with `key` removed. */
function without(params: Record<string, unknown>, key: string): Record<string, unknown> {
  const { [key]: _removed, ...rest } = params;
  return rest;
}

interface Sample {
  name: Name;
  /** Every field of the row's params type, optional ones `undefined` where the caller leaves them out. */
  valid: Record<string, unknown>;
  /** `valid` with one thing wrong. */
  invalid: Record<string, unknown>;
  why: string;
}

type Params = Record<string, unknown>;

function sample(name: Name, valid: Params, why: string, breakIt: (p: Params) => Params): Sample {
  return { name, valid, invalid: breakIt(valid), why };
}

const set = (key: string, value: unknown) => (p: Params) => ({ ...p, [key]: value });
const drop = (key: string) => (p: Params) => without(p, key);

/** For each action: params a caller may pass, and the same params with one field NapCat would refuse. */
const SAMPLES: readonly Sample[] = [
  sample('group_poke', { group_id: 123456, user_id: '10001', target_id: undefined }, 'no group_id', drop('group_id')),
  sample('friend_poke', { user_id: 10001n, target_id: undefined }, 'a non-numeric user_id', set('user_id', 'alice')),
  sample('send_poke', { user_id: 10001, group_id: 123456, target_id: 10002 }, 'no user_id', drop('user_id')),
  sample(
    'mark_group_msg_as_read',
    { group_id: '123456', user_id: undefined, message_id: undefined },
    'a fractional ID',
    set('group_id', 1.5),
  ),
  sample(
    'mark_msg_as_read',
    { message_id: -2147483000, user_id: undefined, group_id: undefined },
    'an object ID',
    set('message_id', {}),
  ),
  sample('forward_group_single_msg', { message_id: 42, group_id: 123456 }, 'no group_id', drop('group_id')),
  sample(
    'set_msg_emoji_like',
    { message_id: 42, emoji_id: '76', set: false },
    'a string set flag',
    set('set', 'no'),
  ),
  sample(
    'fetch_emoji_like',
    { message_id: 42, emojiId: '76', emojiType: 1, count: 10, cookie: undefined },
    'no emojiType',
    drop('emojiType'),
  ),
  sample(
    'get_emoji_likes',
    { message_id: '7430000000000000001', emoji_id: '76', group_id: 123456, emoji_type: undefined, count: 0 },
    'a string count (NapCat takes a number)',
    set('count', '5'),
  ),
  sample(
    'set_group_kick_members',
    { group_id: 123456, user_id: [10001, '10002', 10003n], reject_add_request: true },
    'a single user_id instead of a list',
    set('user_id', 10001),
  ),
  sample(
    'set_group_member_invite_policy',
    { group_id: 123456, policy: 'no_approval_under_100' },
    'an unknown policy',
    set('policy', 'anyone'),
  ),
  sample(
    'set_group_new_member_history_visibility',
    { group_id: 123456, visible: true },
    'a numeric flag',
    set('visible', 1),
  ),
  sample(
    'set_group_add_option',
    { group_id: 123456, add_type: 4, group_question: 'Q?', group_answer: 'A' },
    'a string add_type',
    set('add_type', '4'),
  ),
  sample(
    'set_group_todo',
    { group_id: '123456', message_id: 42, message_seq: undefined },
    'no group_id',
    drop('group_id'),
  ),
  sample(
    'set_online_status',
    { status: 10, ext_status: '1028', battery_status: 0 },
    'no battery_status',
    drop('battery_status'),
  ),
  sample(
    'set_diy_online_status',
    { face_id: 358, face_type: undefined, wording: 'coding' },
    'no face_id',
    drop('face_id'),
  ),
  sample('set_self_longnick', { longNick: 'hello' }, 'a snake_case key', () => ({ long_nick: 'hello' })),
  sample('translate_en2zh', { words: ['apple'] }, 'a single word', set('words', 'apple')),
  sample('.ocr_image', { image: 'https://example.com/a.png' }, 'no image', drop('image')),
  sample(
    'get_mini_app_ark',
    {
      type: 'bili',
      title: 't',
      desc: 'd',
      picUrl: 'https://p',
      jumpUrl: 'https://j',
      webUrl: undefined,
      rawArkData: undefined,
    },
    'an unknown template without the custom fields',
    set('type', 'douyin'),
  ),
  sample(
    'click_inline_keyboard_button',
    { group_id: 123456, bot_appid: '102000000', button_id: 'b1', callback_data: undefined, msg_seq: 10086 },
    'no bot_appid',
    drop('bot_appid'),
  ),
  sample(
    'set_doubt_friends_add_request',
    { flag: 'u_abc|1700000000', approve: true },
    'no flag',
    drop('flag'),
  ),
  sample('get_recent_contact', { count: '20' }, 'a boolean count', set('count', true)),
  sample(
    'set_group_member_permissions',
    {
      group_id: 123456,
      allow_member_upload_album: undefined,
      allow_member_temporary_session: undefined,
      allow_member_create_group: false,
    },
    'a string flag',
    set('allow_member_create_group', 'no'),
  ),
  sample('nc_get_user_status', { user_id: 10001 }, 'a null user_id', set('user_id', null)),
];

describe('NapCat extension params', () => {
  it('covers at least 15 actions', () => {
    expect(new Set(SAMPLES.map((s) => s.name)).size).toBeGreaterThanOrEqual(15);
  });

  it.each(SAMPLES)('$name sample lists every field of its params type', ({ name, valid }) => {
    const { params } = NAPCAT_ACTIONS[name];
    const fields = params instanceof t.InterfaceType ? Object.keys(params.props as object) : Object.keys(valid);
    expect(Object.keys(valid).sort()).toEqual(fields.sort());
  });

  it.each(SAMPLES)('$name accepts a valid params object', ({ name, valid }) => {
    expect(NAPCAT_ACTIONS[name].params.is(valid)).toBe(true);
  });

  it.each(SAMPLES)('$name accepts valid params whose optional keys are left out', ({ name, valid }) => {
    const { params } = NAPCAT_ACTIONS[name];
    expect(params.is(omitUndefined(valid))).toBe(true);
    expect(isRight(params.decode(omitUndefined(valid)))).toBe(true);
  });

  it.each(SAMPLES)('$name refuses $why', ({ name, invalid }) => {
    expect(NAPCAT_ACTIONS[name].params.is(invalid)).toBe(false);
    expect(isRight(NAPCAT_ACTIONS[name].params.decode(omitUndefined(invalid)))).toBe(false);
  });

  it('accepts the empty object where the action takes no params', () => {
    const empty: Name[] = ['_mark_all_as_read', 'get_clientkey', 'get_rkey', 'bot_exit', 'get_friends_with_category'];
    for (const name of empty) expect(NAPCAT_ACTIONS[name].params.is({})).toBe(true);
  });
});

describe('NapCat extension params on the wire', () => {
  it('writes every ID as a JSON integer whatever form the caller used', () => {
    const wire = NAPCAT_ACTIONS.group_poke.params.encode({ group_id: '123456', user_id: 10001n, target_id: undefined });
    expect(stringifyWire(wire)).toBe('{"group_id":123456,"user_id":10001}');
  });

  it('keeps the exact digits of an ID beyond 2^53', () => {
    const wire = NAPCAT_ACTIONS.set_group_kick_members.params.encode({
      group_id: 123456,
      user_id: ['9007199254740993', 10001],
      reject_add_request: undefined,
    });
    expect(stringifyWire(wire)).toBe('{"group_id":123456,"user_id":[9007199254740993,10001]}');
  });

  it('leaves optional fields out when the caller left them undefined', () => {
    const wire = NAPCAT_ACTIONS.mark_private_msg_as_read.params.encode({
      user_id: 10001,
      group_id: undefined,
      message_id: undefined,
    });
    expect(JSON.parse(stringifyWire(wire))).toEqual({ user_id: 10001 });
  });

  it('passes non-ID fields through unchanged', () => {
    const params = { face_id: '358', face_type: 1, wording: 'coding' };
    expect(NAPCAT_ACTIONS.set_diy_online_status.params.encode(params)).toEqual(params);
  });

  it('encodes a custom mini-app card with its numeric-string fields as given', () => {
    const card = {
      title: 't', desc: 'd', picUrl: 'https://p', jumpUrl: 'https://j', iconUrl: 'https://i', webUrl: undefined,
      appId: '1109937557', scene: 1036, templateType: '1', businessType: 0, verType: 3, shareType: 0,
      versionId: 'v1', sdkId: 'V1_PC_MINISDK_99.99.99_1_APP_A', withShareTicket: 0, rawArkData: 'true' as const,
    };
    expect(NAPCAT_ACTIONS.get_mini_app_ark.params.is(card)).toBe(true);
    expect(NAPCAT_ACTIONS.get_mini_app_ark.params.encode(card)).toEqual(card);
  });
});
