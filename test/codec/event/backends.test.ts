import { describe, expect, it } from 'vitest';
import { decodeFrame } from '../../../src/codec/frame';

/**
 * Frames shaped exactly as each backend's own event classes serialise them (Lagrange.OneBot
 * `Core/Entity/Notify/*.cs`, `Message/*.cs`; go-cqhttp `coolq/event.go`, `converter.go`): every one must
 * decode as a known event, never a DecodeError.
 */
/** The frame's JSON text; the string `'<big>'` stands for the bare 64-bit integer 144115218676630990. */
function decoded(frame: Record<string, unknown>) {
  const result = decodeFrame(JSON.stringify(frame).replaceAll('"<big>"', '144115218676630990'));
  if (result instanceof Error) throw result;
  return result;
}

function known(frame: Record<string, unknown>) {
  const result = decoded(frame);
  expect(result.kind).toBe('event');
  return result.kind === 'event' ? result.event : undefined;
}

const base = { time: 1_718_000_000, self_id: 10001 };

describe('Lagrange.OneBot frames', () => {
  it('decodes bot_offline without user_id and bot_online with its reason', () => {
    expect(known({ ...base, post_type: 'notice', notice_type: 'bot_offline', tag: '下线', message: 'kicked' }))
      .toMatchObject({ notice_type: 'bot_offline', tag: '下线' });
    expect(known({ ...base, post_type: 'notice', notice_type: 'bot_online', reason: 'Reconnect' }))
      .toMatchObject({ notice_type: 'bot_online', reason: 'Reconnect' });
  });

  it('decodes group requests whose comment is null, with invitor_id', () => {
    for (const sub_type of ['add', 'invite']) {
      const event = known({
        ...base, post_type: 'request', request_type: 'group', comment: null, flag: '1718000000123',
        sub_type, user_id: 20002, group_id: 30003, invitor_id: 0,
      });
      expect(event).toMatchObject({ request_type: 'group', sub_type, comment: null });
    }
  });

  it('decodes group_name_change and reaction add / remove', () => {
    expect(known({ ...base, post_type: 'notice', notice_type: 'group_name_change', group_id: 30003, name: '新群名' }))
      .toMatchObject({ notice_type: 'group_name_change', name: '新群名' });
    for (const sub_type of ['add', 'remove']) {
      expect(known({
        ...base, post_type: 'notice', notice_type: 'reaction', group_id: 30003, message_id: -1_234_567,
        operator_id: 20002, sub_type, code: '76', count: 2,
      })).toMatchObject({ notice_type: 'reaction', sub_type, code: '76' });
    }
  });

  it("decodes a group message whose sender role is 'unknown' and carries message_style", () => {
    const event = known({
      ...base, post_type: 'message', message_type: 'group', sub_type: 'normal', message_id: 123, group_id: 30003,
      user_id: 20002, anonymous: null, message: [{ type: 'text', data: { text: 'hi' } }], raw_message: 'hi',
      font: 0, message_style: null,
      sender: { user_id: 20002, nickname: 'n', card: '', sex: 'unknown', age: 0, area: '', level: '1', role: 'unknown', title: '' },
    });
    expect(event).toMatchObject({ message_type: 'group', sender: { role: 'unknown' } });
  });

  it('decodes private messages, friend pokes and recalls with their extra fields', () => {
    known({
      ...base, post_type: 'message', message_type: 'private', sub_type: 'friend', message_id: 5, user_id: 20002,
      message: 'a[CQ:face,id=14]', raw_message: 'a[CQ:face,id=14]', font: 0, target_id: 10001,
      sender: { user_id: 20002, nickname: 'n', sex: 'unknown', age: -1 },
    });
    known({
      ...base, post_type: 'notice', notice_type: 'notify', sub_type: 'poke', sender_id: 20002, user_id: 20002,
      target_id: 10001, action: '戳了戳', suffix: '', action_img_url: 'https://example.invalid/a.png',
    });
    known({ ...base, post_type: 'notice', notice_type: 'friend_recall', user_id: 20002, message_id: 77, tip: '' });
    known({ ...base, post_type: 'notice', notice_type: 'offline_file', user_id: 20002,
      file: { id: 'u', name: 'a.txt', size: 3, url: 'https://example.invalid/a', hash: 'ab' } });
    known({ ...base, post_type: 'notice', notice_type: 'essence', sub_type: 'delete', group_id: 30003,
      sender_id: 20002, operator_id: 20003, message_id: 9 });
  });

  it('decodes a heartbeat with its full status object', () => {
    known({
      ...base, post_type: 'meta_event', meta_event_type: 'heartbeat', interval: 5000,
      status: { app_initialized: true, app_enabled: true, app_good: true, online: true, good: true },
    });
  });
});

describe('go-cqhttp frames', () => {
  const guildIds = { guild_id: '49857441636955271', channel_id: '1404663', self_tiny_id: '144115218677563300' };

  it('decodes a guild channel message, sender tiny IDs as digit strings, no raw_message', () => {
    const event = known({
      ...base, post_type: 'message', message_type: 'guild', sub_type: 'channel', ...guildIds,
      message_id: 'BAAEKHgAAAAAAAAAABUvzAAAAAAAAAAA', user_id: '144115218676630990',
      message: [{ type: 'text', data: { text: 'hello' } }],
      sender: { user_id: '<big>', tiny_id: '144115218676630990', nickname: 'n' },
    });
    expect(event).toMatchObject({ message_type: 'guild', user_id: '144115218676630990' });
    // the bare 64-bit sender.user_id is kept exact, like every other ID
    expect(event).toMatchObject({ sender: { user_id: '144115218676630990' } });
  });

  it('decodes the guild notices', () => {
    const channel = {
      channel_id: '1404663', channel_type: 1, channel_name: 'general', owner_guild_id: guildIds.guild_id,
      creator_tiny_id: '144115218676630990', create_time: 1_640_000_000, current_slow_mode: 0,
      talk_permission: 1, visible_type: 1, slow_modes: [{ slow_mode_key: 0, slow_mode_text: '', speak_frequency: 1, slow_mode_circle: 0 }],
    };
    const op = { ...base, post_type: 'notice', ...guildIds, operator_id: '144115218676630990', user_id: '<big>' };
    known({ ...op, notice_type: 'message_reactions_updated', message_id: 'BAAE',
      current_reactions: [{ emoji_id: '5', emoji_index: 5, emoji_type: 1, emoji_name: '哭', count: 1, clicked: true }] });
    known({ ...op, notice_type: 'guild_channel_recall', message_id: 'BAAE' });
    known({ ...op, notice_type: 'channel_updated', old_info: channel, new_info: { ...channel, channel_name: 'x' } });
    known({ ...op, notice_type: 'channel_created', channel_info: channel });
    known({ ...op, notice_type: 'channel_destroyed', channel_info: channel });
  });

  it('decodes a temporary session message and the group requests go-cqhttp sends', () => {
    known({
      ...base, post_type: 'message', message_type: 'private', sub_type: 'group', temp_source: 0, message_id: 1,
      user_id: 20002, message: 'hi', raw_message: 'hi', font: 0,
      sender: { user_id: 20002, group_id: 30003, nickname: 'n', sex: 'unknown', age: 0 },
    });
    known({ ...base, post_type: 'request', request_type: 'group', sub_type: 'invite', group_id: 30003,
      user_id: 20002, invitor_id: 0, comment: '', flag: '123' });
  });
});

describe('the OneBot 11 spec', () => {
  it('accepts a sender with every field absent', () => {
    known({
      ...base, post_type: 'message', message_type: 'group', sub_type: 'normal', message_id: 1, group_id: 30003,
      user_id: 20002, message: [], raw_message: '', font: 0, sender: {},
    });
  });

  it('still rejects a sender field of the wrong type', () => {
    const result = decodeFrame(JSON.stringify({
      ...base, post_type: 'message', message_type: 'group', sub_type: 'normal', message_id: 1, group_id: 30003,
      user_id: 20002, message: [], raw_message: '', sender: { nickname: 5 },
    }));
    expect(result).toBeInstanceOf(Error);
  });
});

describe('unknown events', () => {
  it('keep 64-bit IDs exact, as known events do', () => {
    const text = '{"post_type":"notice","notice_type":"brand_new","time":1,"self_id":10001,"user_id":12345678901234567890,"n":1.5}';
    const result = decodeFrame(text);
    expect(result).toMatchObject({ kind: 'unknown-event', event: { user_id: '12345678901234567890', n: 1.5, self_id: 10001 } });
  });

  it('pay nothing when no integer is long enough to be unsafe', () => {
    const result = decodeFrame('{"post_type":"notice","notice_type":"brand_new","user_id":1234567890123456}');
    expect(result).toMatchObject({ kind: 'unknown-event', event: { user_id: 1234567890123456 } });
  });
});
