import { firstValueFrom, take, toArray } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../../src/testing/simulator';
import { deepContains } from '../../../src/testing/simulator/expect';
import { connect, type TestClient } from './ws-client';

let sim: Simulator;
let client: TestClient;

beforeEach(async () => {
  sim = await createSimulator({ catalogue: {} });
  client = await connect(sim.url);
});

afterEach(async () => {
  await client.close();
  await sim.close();
});

describe('expectAction', () => {
  it('resolves with the next call whose params deep-contain the expected ones', async () => {
    const expected = sim.expectAction('send_group_msg', { group_id: '300001' });
    await client.call('send_private_msg', { user_id: 20001, message: 'not this' });
    await client.call('send_group_msg', { group_id: 300001, message: 'this' }, 'e-1');
    const call = await expected;
    expect(call).toMatchObject({ action: 'send_group_msg', params: { group_id: 300001, message: 'this' }, echo: 'e-1' });
    expect(typeof call.at).toBe('number');
  });

  it('respond(result) answers the matched call with retcode 0 and that data', async () => {
    void sim.expectAction('get_login_info').respond({ user_id: 1, nickname: 'scripted' });
    expect(await client.call('get_login_info', {}, 's')).toStrictEqual({
      status: 'ok',
      retcode: 0,
      data: { user_id: 1, nickname: 'scripted' },
      message: '',
      wording: '',
      echo: 's',
      stream: 'normal-action',
    });
  });

  it('respond({ retcode, message }) answers status failed', async () => {
    void sim.expectAction('set_group_kick').respond({ retcode: 1401, message: 'no permission' });
    expect(await client.call('set_group_kick', { group_id: 300001, user_id: 20002 }, 'k')).toStrictEqual({
      status: 'failed',
      retcode: 1401,
      data: null,
      message: 'no permission',
      wording: 'no permission',
      echo: 'k',
      stream: 'normal-action',
    });
  });

  it('fail() scripts a failure explicitly', async () => {
    void sim.expectAction('get_status').fail({ retcode: 100, message: 'nope', wording: 'not now' });
    expect(await client.call('get_status')).toMatchObject({ status: 'failed', retcode: 100, message: 'nope', wording: 'not now' });
  });

  it('matches once: the next identical call gets the world answer', async () => {
    void sim.expectAction('get_login_info').respond({ user_id: 1, nickname: 'once' });
    expect((await client.call('get_login_info'))['data']).toStrictEqual({ user_id: 1, nickname: 'once' });
    expect((await client.call('get_login_info'))['data']).toStrictEqual({ user_id: 10000, nickname: 'onebot-rx sim' });
  });

  it('lets an observed call without respond get the world answer', async () => {
    const observed = sim.expectAction('get_group_info');
    const reply = await client.call('get_group_info', { group_id: 300001 });
    expect((await observed).params).toStrictEqual({ group_id: 300001 });
    expect(reply['data']).toMatchObject({ group_id: 300001, group_name: 'onebot-rx test group' });
  });
});

describe('calls$', () => {
  it('replays every call since creation to a late subscriber', async () => {
    await client.call('get_status', {}, 1);
    await client.call('get_login_info', { x: 1 }, 2);
    const calls = await firstValueFrom(sim.calls$.pipe(take(2), toArray()));
    expect(calls.map((c) => [c.action, c.params, c.echo])).toStrictEqual([
      ['get_status', {}, 1],
      ['get_login_info', { x: 1 }, 2],
    ]);
  });
});

describe('deepContains', () => {
  it('compares IDs by value whatever their representation', () => {
    expect(deepContains({ group_id: 1 }, { group_id: '1' })).toBe(true);
    expect(deepContains({ group_id: '9007199254740993' }, { group_id: 9007199254740993n })).toBe(true);
    expect(deepContains({ group_id: 1 }, { group_id: 2 })).toBe(false);
  });

  it('requires nested keys and array elements to match, ignoring extra keys', () => {
    const actual = { message: [{ type: 'text', data: { text: 'hi', extra: 1 } }], auto_escape: false };
    expect(deepContains(actual, { message: [{ type: 'text', data: { text: 'hi' } }] })).toBe(true);
    expect(deepContains(actual, { message: [{ type: 'text', data: { text: 'ho' } }] })).toBe(false);
    expect(deepContains(actual, { message: [] })).toBe(false);
    expect(deepContains(actual, { missing: undefined })).toBe(true);
    expect(deepContains(actual, { missing: null })).toBe(false);
  });
});
