import * as t from 'io-ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { action, NoParams } from '../../../src/action/define';
import { Id, IdParam } from '../../../src/codec/id';
import { createSimulator, type Simulator } from '../../../src/testing/simulator';
import { connect, type TestClient } from './ws-client';

const FIXTURE_CATALOGUE = {
  get_group_honor_info: action({
    params: t.type({ group_id: IdParam, type: t.union([t.string, t.undefined]) }, 'GetGroupHonorInfoParams'),
    result: t.type({ group_id: Id, current_talkative: t.union([t.null, t.type({ user_id: Id })]) }, 'HonorInfo'),
    origin: 'onebot11',
    doc: 'Group honours.',
  }),
  get_login_info: action({
    params: NoParams,
    result: t.type({ user_id: Id, nickname: t.string }, 'LoginInfo'),
    origin: 'onebot11',
    doc: 'The account.',
  }),
};

let sim: Simulator;
let client: TestClient;

beforeAll(async () => {
  sim = await createSimulator({ catalogue: FIXTURE_CATALOGUE, selfId: 424242, appVersion: '9.9.9' });
  client = await connect(sim.url);
});

afterAll(async () => {
  await client.close();
  await sim.close();
});

/** Sends a raw request and waits for the next action reply after it. */
async function rawCall(text: string) {
  const from = client.frames.length;
  client.sendText(text);
  return client.next((f) => 'retcode' in f, 2000, from);
}

describe('answer frames', () => {
  it('answers success with NapCat frame fields in order and the echo copied', async () => {
    const reply = await client.call('get_login_info', {}, 'echo-1');
    expect(Object.keys(reply)).toStrictEqual(['status', 'retcode', 'data', 'message', 'wording', 'echo', 'stream']);
    expect(reply).toStrictEqual({
      status: 'ok',
      retcode: 0,
      data: { user_id: 424242, nickname: 'onebot-rx sim' },
      message: '',
      wording: '',
      echo: 'echo-1',
      stream: 'normal-action',
    });
  });

  it('copies a numeric or object echo exactly', async () => {
    expect((await client.call('get_status', {}, 7))['echo']).toBe(7);
    expect((await client.call('get_status', {}, { id: 1, tag: ['a'] }))['echo']).toStrictEqual({ id: 1, tag: ['a'] });
  });

  it('echoes an empty string for a handled request without echo, as NapCat does', async () => {
    const reply = await rawCall(JSON.stringify({ action: 'get_status' }));
    expect(reply['echo']).toBe('');
    expect(reply['retcode']).toBe(0);
  });

  it('answers get_version_info like NapCat', async () => {
    expect((await client.call('get_version_info'))['data']).toStrictEqual({
      app_name: 'NapCat.Onebot',
      protocol_version: 'v11',
      app_version: '9.9.9',
    });
  });

  it('answers an unknown action with retcode 1404, data null and a null echo when none was sent', async () => {
    const withEcho = await client.call('no_such_action', {}, 'x');
    expect(withEcho).toMatchObject({ status: 'failed', retcode: 1404, data: null, echo: 'x' });
    expect(withEcho['message']).toContain('no_such_action');
    expect(withEcho['wording']).toBe(withEcho['message']);
    const withoutEcho = await rawCall(JSON.stringify({ action: 'no_such_action_2' }));
    expect(withoutEcho['echo']).toBeNull();
  });

  it('answers missing or invalid params with retcode 1400 and Key/Message lines', async () => {
    const reply = await client.call('set_group_ban', { group_id: 'abc' }, 'p');
    expect(reply).toMatchObject({ status: 'failed', retcode: 1400, data: null, echo: 'p' });
    expect(String(reply['message']).split('\n')).toStrictEqual([
      'Key: group_id, Message: Expected string',
      'Key: user_id, Message: Expected required property',
    ]);
  });

  it('answers a handler failure with retcode 1200 and the error text', async () => {
    const reply = await client.call('get_group_info', { group_id: 999 }, 'g');
    expect(reply).toMatchObject({ status: 'failed', retcode: 1200, data: null, echo: 'g' });
    expect(reply['message']).toContain('999');
  });

  it('answers a request that is not JSON with retcode 1400 and a null echo', async () => {
    const reply = await rawCall('{not json');
    expect(reply).toMatchObject({ status: 'failed', retcode: 1400, data: null, echo: null });
  });

  it('maps the _async and _rate_limited suffixes to the plain handler and answers ok/0/data', async () => {
    const asyncReply = await client.call('get_login_info_async', {}, 'a');
    const limited = await client.call('send_like_rate_limited', { user_id: 20001, times: 2 }, 'r');
    expect(asyncReply).toMatchObject({ status: 'ok', retcode: 0, data: { user_id: 424242 } });
    expect(limited).toMatchObject({ status: 'ok', retcode: 0, data: null });
  });

  it('answers a catalogued action without a handler with a sample of its result codec', async () => {
    const reply = await client.call('get_group_honor_info', { group_id: 300001 });
    expect(reply).toMatchObject({ status: 'ok', retcode: 0 });
    expect(reply['data']).toStrictEqual({ group_id: 0, current_talkative: null });
  });

  it('checks a sampled action against the catalogue params codec (1400 with the key)', async () => {
    const reply = await client.call('get_group_honor_info', { group_id: 'x' });
    expect(reply['retcode']).toBe(1400);
    expect(reply['message']).toMatch(/^Key: group_id, Message: /);
  });

  it('converts string numbers and booleans in params like NapCat', async () => {
    const reply = await client.call('get_group_member_info', { group_id: '300001', user_id: '20001', no_cache: 'true' });
    expect(reply['data']).toMatchObject({ group_id: 300001, user_id: 20001, role: 'owner' });
  });
});

describe('a simulator with an empty catalogue', () => {
  it('still answers its handlers and answers everything else 1404', async () => {
    const bare = await createSimulator({ catalogue: {} });
    const c = await connect(bare.url);
    expect((await c.call('get_login_info'))['retcode']).toBe(0);
    expect((await c.call('get_group_honor_info', { group_id: 1 }))['retcode']).toBe(1404);
    await c.close();
    await bare.close();
  });
});
