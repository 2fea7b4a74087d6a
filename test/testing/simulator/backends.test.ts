import { filter, firstValueFrom } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { isActionFailedError } from '../../../src/index';
import { createSimulator, type Simulator } from '../../../src/testing/index';
import { connected } from '../../client/harness';
import { connect, type TestClient } from './ws-client';

const opened: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  while (opened.length > 0) await opened.pop()?.close();
});

async function rawClient(backend: Simulator['backend']): Promise<{ sim: Simulator; ws: TestClient }> {
  const sim = await createSimulator({ backend, heartbeatInterval: 0 });
  opened.push(sim);
  const ws = await connect(sim.url);
  opened.push(ws);
  return { sim, ws };
}

describe('createSimulator({ backend }) answers as that backend (facts from each source)', () => {
  it('defaults to NapCat', async () => {
    const { sim, ws } = await rawClient(undefined as unknown as Simulator['backend']);
    expect(sim.backend).toBe('napcat');
    expect((await ws.call('get_version_info', {}, 'v')).data).toStrictEqual({
      app_name: 'NapCat.Onebot',
      protocol_version: 'v11',
      app_version: '4.18.19',
    });
  });

  it("go-cqhttp: get_version_info as coolq/api.go's CQGetVersionInfo, frames without NapCat's stream/wording on success", async () => {
    const { ws } = await rawClient('go-cqhttp');
    const reply = await ws.call('get_version_info', {}, 'v');
    expect(Object.keys(reply).sort()).toStrictEqual(['data', 'echo', 'message', 'retcode', 'status']);
    expect(reply.data).toMatchObject({ app_name: 'go-cqhttp', app_version: 'v1.2.0', protocol_version: 'v11', go_cqhttp: true, plugin_version: '4.15.0' });
  });

  it('go-cqhttp: an unknown action is Failed(404, API_NOT_FOUND, API不存在); _rate_limited is not routed; _async is answered at once', async () => {
    const { ws } = await rawClient('go-cqhttp');
    expect(await ws.call('send_like', { user_id: 1 }, 7)).toStrictEqual({
      data: null,
      retcode: 404,
      msg: 'API_NOT_FOUND',
      wording: 'API不存在',
      message: 'API不存在',
      status: 'failed',
      echo: 7,
    });
    expect((await ws.call('get_login_info_rate_limited', {}, 'r')).retcode).toBe(404);
    expect(await ws.call('get_login_info_async', {}, 'a')).toMatchObject({ status: 'ok', retcode: 0, data: { user_id: 10000 } });
  });

  it('go-cqhttp: a failing action is retcode 100 with msg and wording; a request without echo gets none back', async () => {
    const { ws } = await rawClient('go-cqhttp');
    const failed = await ws.call('set_group_kick', { group_id: 999, user_id: 1 }, 'k');
    expect(failed).toMatchObject({ status: 'failed', retcode: 100, data: null, msg: 'API_ERROR' });
    expect(failed.message).toBe(failed.wording);
    expect(failed.wording).not.toBe('');
    const from = ws.frames.length;
    ws.sendText(JSON.stringify({ action: 'get_login_info', params: {} }));
    const reply = await ws.next((f) => 'retcode' in f, 0, from);
    expect('echo' in reply).toBe(false);
  });

  it('go-cqhttp: get_model_show is routed under its underscore name only', async () => {
    const { ws } = await rawClient('go-cqhttp');
    expect((await ws.call('_get_model_show', { model: 'iPhone' }, 'm')).status).toBe('ok');
    expect((await ws.call('get_model_show', { model: 'iPhone' }, 'n')).retcode).toBe(404);
  });

  it('Lagrange: version info with nt_protocol; OneBotResult frames { status, retcode, data, echo }', async () => {
    const { ws } = await rawClient('lagrange');
    expect(await ws.call('get_version_info', {}, 'v')).toStrictEqual({
      status: 'ok',
      retcode: 0,
      data: { app_name: 'Lagrange.OneBot', app_version: '0.0.3', protocol_version: 'v11', nt_protocol: 'Linux | 3.2.15-30366' },
      echo: 'v',
    });
  });

  it('Lagrange: unknown action (null, 404, failed); exceptions (null, 200, failed); no _async routing; echo null when absent', async () => {
    const { ws } = await rawClient('lagrange');
    expect(await ws.call('get_group_system_msg', {}, 'u')).toStrictEqual({ status: 'failed', retcode: 404, data: null, echo: 'u' });
    expect(await ws.call('set_group_kick', { group_id: 999, user_id: 1 }, 'x')).toStrictEqual({ status: 'failed', retcode: 200, data: null, echo: 'x' });
    expect((await ws.call('send_group_msg_async', { group_id: 300001, message: 'x' }, 'y')).retcode).toBe(404);
    const from = ws.frames.length;
    ws.sendText(JSON.stringify({ action: 'get_login_info', params: {} }));
    expect((await ws.next((f) => 'retcode' in f, 0, from)).echo).toBeNull();
  });

  it("Lagrange: its own names are read: delete_group_file_folder, get_group_msg_history's message_id", async () => {
    const { ws } = await rawClient('lagrange');
    expect((await ws.call('delete_group_folder', { group_id: 300001, folder_id: '/x' }, 'd')).retcode).toBe(404);
    const sent = await ws.call('send_group_msg', { group_id: 300001, message: 'first' }, 's1');
    await ws.call('send_group_msg', { group_id: 300001, message: 'second' }, 's2');
    const history = await ws.call('get_group_msg_history', { group_id: 300001, message_id: sent.data.message_id, count: 1 }, 'h');
    expect(history.status).toBe('ok');
    const texts = (history.data.messages as Array<{ message: Array<{ data: { text: string } }> }>).map((m) => m.message[0]?.data.text);
    expect(texts).toStrictEqual(['first']);
  });
});

describe('client backend detection against each simulated backend', () => {
  it.each(['napcat', 'go-cqhttp', 'lagrange'] as const)('detectBackend: true detects %s', async (backend) => {
    const { client } = await connected({ detectBackend: true }, { backend });
    client.connect();
    expect(await firstValueFrom(client.backend$.pipe(filter((b) => b !== 'unknown')))).toBe(backend);
  });

  it.each([
    ['go-cqhttp', 404, 'API不存在'],
    ['lagrange', 404, ''],
  ] as const)('%s: a forced unsupported call fails as the backend answers it (kind unknown-action)', async (backend, retcode, wording) => {
    const { client } = await connected({ backend }, { backend });
    const error = await firstValueFrom(client.api.get_group_shut_list({ group_id: 300001 }, { force: true })).catch((e: unknown) => e);
    expect(isActionFailedError(error) ? [error.retcode, error.kind, error.wording] : error).toStrictEqual([retcode, "unknown-action", wording]);
  });
});
