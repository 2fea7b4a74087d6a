import { firstValueFrom, take, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { DecodeError, ProtocolError, sameId, textOf } from '../../src/index';
import { connected, nextValues } from './harness';

describe('client event streams against the simulator', () => {
  it('delivers typed group and private messages on their streams, decoded once', async () => {
    const { sim, client } = await connected();
    const groups = nextValues(client.groupMessages$, 1);
    const privates = nextValues(client.privateMessages$, 1);
    const all = nextValues(client.messages$, 2);
    await sim.waitForConnection();
    await sim.emit(sim.events.groupMessage({ group_id: 300001, user_id: 20001, message: 'hello group' }));
    await sim.emit(sim.events.privateMessage({ user_id: 20002, message: 'hello me' }));
    const [group] = await groups;
    const [priv] = await privates;
    expect([group?.message_type, group?.group_id, textOf(group!)]).toEqual(['group', 300001, 'hello group']);
    expect([priv?.message_type, priv?.user_id, textOf(priv!)]).toEqual(['private', 20002, 'hello me']);
    expect((await all).map((m) => m.message_type)).toEqual(['group', 'private']);
    expect((await all)[0]).toBe(group);
  });

  it('narrows on(...) queries to exactly the matching events', async () => {
    const { sim, client } = await connected();
    const pokes = nextValues(client.on('notice.notify.poke'), 1);
    const joins = nextValues(client.on('notice.group_increase', 'notice.group_decrease.kick'), 2);
    await sim.waitForConnection();
    await sim.emit(sim.events.groupDecrease({ group_id: 300001, user_id: 20002, sub_type: 'leave' }));
    await sim.emit(sim.events.groupPoke({ group_id: 300001, user_id: 20001, target_id: 10000 }));
    await sim.emit(sim.events.groupIncrease({ group_id: 300001, user_id: 20003 }));
    await sim.emit(sim.events.groupDecrease({ group_id: 300001, user_id: 20003, sub_type: 'kick', operator_id: 20001 }));
    const [poke] = await pokes;
    expect([poke?.sub_type, poke?.target_id]).toEqual(['poke', 10000]);
    expect((await joins).map((n) => `${n.notice_type}.${n.sub_type}`)).toEqual([
      'group_increase.approve',
      'group_decrease.kick',
    ]);
  });

  it('keeps 64-bit IDs exact as digit strings', async () => {
    const { sim, client } = await connected();
    const messages = nextValues(client.groupMessages$, 1);
    await sim.waitForConnection();
    const event = sim.events.groupMessage({ group_id: 300001, user_id: 20001, message: 'big' });
    const text = JSON.stringify({ ...event, message_id: 1 }).replace('"message_id":1', '"message_id":12345678901234567890');
    await sim.sendRaw(text);
    const [message] = await messages;
    expect(message?.message_id).toBe('12345678901234567890');
    expect(sameId(message!.message_id, 12345678901234567890n)).toBe(true);
  });

  it('reports malformed JSON and wrong field types on errors$ while the streams go on', async () => {
    const { sim, client } = await connected();
    const errors = nextValues(client.errors$, 2);
    const messages = nextValues(client.groupMessages$, 1);
    await sim.waitForConnection();
    await sim.sendRaw('{not json');
    const wrong = { ...sim.events.groupMessage({ group_id: 300001, user_id: 20001, message: 'x' }), user_id: 'alice' };
    await sim.sendRaw(JSON.stringify(wrong));
    await sim.emit(sim.events.groupMessage({ group_id: 300001, user_id: 20001, message: 'still here' }));
    const [badJson, badField] = await errors;
    expect(badJson).toBeInstanceOf(DecodeError);
    expect((badJson as DecodeError).raw).toBe('{not json');
    expect(badField).toBeInstanceOf(DecodeError);
    expect((badField as DecodeError).report).toContain('user_id');
    expect(textOf((await messages)[0]!)).toBe('still here');
  });

  it('passes unknown-but-well-formed events through unknownEvents$ with their fields intact', async () => {
    const { sim, client } = await connected();
    const unknown = nextValues(client.unknownEvents$, 2);
    const known = firstValueFrom(client.notices$.pipe(take(1), toArray()));
    await sim.waitForConnection();
    await sim.emit({ time: 1, self_id: 10000, post_type: 'brand_new', extra: { a: 1 } });
    await sim.emit({ time: 1, self_id: 10000, post_type: 'notice', notice_type: 'future_notice', x: 'y' });
    await sim.emit(sim.events.friendAdd({ user_id: 20009 }));
    expect(await unknown).toEqual([
      { time: 1, self_id: 10000, post_type: 'brand_new', extra: { a: 1 } },
      { time: 1, self_id: 10000, post_type: 'notice', notice_type: 'future_notice', x: 'y' },
    ]);
    expect((await known).map((e) => e.notice_type)).toEqual(['friend_add']);
  });

  it('reports a frame that is neither event nor reply as a ProtocolError', async () => {
    const { sim, client } = await connected();
    const errors = nextValues(client.errors$, 1);
    client.connect();
    await sim.waitForConnection();
    await sim.sendRaw('{"hello":"world"}');
    expect((await errors)[0]).toBeInstanceOf(ProtocolError);
  });

  it('parses CQ-string messages from string-format backends into segments', async () => {
    const { sim, client } = await connected();
    const messages = nextValues(client.groupMessages$, 1);
    await sim.waitForConnection();
    const event = sim.events.groupMessage({ group_id: 300001, user_id: 20001, message: 'x' });
    await sim.emit({ ...event, message: '[CQ:at,qq=10000] hi &#91;there&#93;', message_format: 'string' });
    const [message] = await messages;
    expect(message?.message).toEqual([
      { type: 'at', data: { qq: '10000' } },
      { type: 'text', data: { text: ' hi [there]' } },
    ]);
    expect(message?.raw_message).toBeDefined();
  });
});
