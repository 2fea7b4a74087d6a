import { afterEach, describe, expect, it } from 'vitest';
import { type Simulator, createSimulator } from '../../src/testing/index';

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function post(url: string, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
  const text = await response.text();
  return { status: response.status, json: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

describe('the simulator’s HTTP API', () => {
  it('answers POST /:action with the reply frame, without an echo', async () => {
    sim = await createSimulator({ heartbeatInterval: 0, accessToken: 't' });
    const answer = await post(`${sim.httpUrl}/get_login_info`, '{}', { Authorization: 'Bearer t' });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ status: 'ok', retcode: 0, data: { user_id: sim.selfId } });
    expect(answer.json).not.toHaveProperty('echo');
  });

  it('checks the token: 401 missing, 403 wrong, and accepts ?access_token=', async () => {
    sim = await createSimulator({ heartbeatInterval: 0, accessToken: 't' });
    expect((await post(`${sim.httpUrl}/get_status`, '{}')).status).toBe(401);
    expect((await post(`${sim.httpUrl}/get_status`, '{}', { Authorization: 'Bearer x' })).status).toBe(403);
    expect((await post(`${sim.httpUrl}/get_status?access_token=t`, '{}')).status).toBe(200);
  });

  it('answers 404 with retcode 1404 for an unknown action and 400 for a body that is not an object', async () => {
    sim = await createSimulator({ heartbeatInterval: 0 });
    const unknown = await post(`${sim.httpUrl}/no_such_action`, '{}');
    expect(unknown.status).toBe(404);
    expect(unknown.json).toMatchObject({ status: 'failed', retcode: 1404 });
    expect((await post(`${sim.httpUrl}/get_status`, '[1]')).status).toBe(400);
  });

  it('records HTTP calls on calls$ like socket calls, params checked the same way', async () => {
    sim = await createSimulator({ heartbeatInterval: 0 });
    const expected = sim.expectAction('send_private_msg', { user_id: 20001 });
    const answer = await post(`${sim.httpUrl}/send_private_msg`, '{"user_id":20001,"message":"hi"}');
    expect(answer.json).toMatchObject({ status: 'ok', data: { message_id: expect.any(Number) } });
    expect(await expected).toMatchObject({ action: 'send_private_msg', params: { user_id: 20001, message: 'hi' } });
    const bad = await post(`${sim.httpUrl}/send_private_msg`, '{"message":"hi"}');
    expect(bad.json).toMatchObject({ status: 'failed', retcode: 1400 });
  });
});
