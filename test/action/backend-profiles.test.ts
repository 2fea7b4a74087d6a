import type { IncomingMessage } from 'node:http';
import { filter, firstValueFrom, take, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { adaptCall } from '../../src/action/backend';
import { backendOfUserAgent, checkHandshake } from '../../src/server/handshake';
import { connected } from '../client/harness';

describe('parameter adapters, one per adapted row (from each backend source)', () => {
  it('go-cqhttp: get_model_show / set_model_show go out under their real underscore names', () => {
    expect(adaptCall('get_model_show', { model: 'iPhone' }, 'go-cqhttp')).toEqual({ action: '_get_model_show', params: { model: 'iPhone' } });
    expect(adaptCall('set_model_show', { model: 'a', model_show: 'b' }, 'go-cqhttp').action).toBe('_set_model_show');
  });

  it('Lagrange: delete_group_folder goes out as delete_group_file_folder', () => {
    expect(adaptCall('delete_group_folder', { group_id: 1, folder_id: '/abc' }, 'lagrange')).toEqual({
      action: 'delete_group_file_folder',
      params: { group_id: 1, folder_id: '/abc' },
    });
  });

  it("Lagrange: get_group_msg_history's message_seq is sent as message_id (the caller's own message_id wins)", () => {
    expect(adaptCall('get_group_msg_history', { group_id: 1, message_seq: 99, count: 5 }, 'lagrange')).toEqual({
      action: 'get_group_msg_history',
      params: { group_id: 1, message_id: 99, count: 5 },
    });
    expect(adaptCall('get_group_msg_history', { group_id: 1, message_seq: 99, message_id: 7 }, 'lagrange').params).toEqual({
      group_id: 1,
      message_id: 7,
    });
    expect(adaptCall('get_group_msg_history', { group_id: 1, message_seq: 99 }, 'napcat').params).toEqual({ group_id: 1, message_seq: 99 });
  });
});

describe('backend option and detection', () => {
  it('pinning sets backend$ and supports() before any call, and sends nothing', async () => {
    const { client, sim } = await connected({ backend: 'go-cqhttp' });
    expect(await firstValueFrom(client.backend$)).toBe('go-cqhttp');
    expect(client.supports('send_like')).toBe(false);
    void sim.expectAction('_get_model_show').respond({ variants: [] });
    await firstValueFrom(client.api.get_model_show({ model: 'x' }));
    const actions = await firstValueFrom(sim.calls$.pipe(take(1), toArray()));
    expect(actions.map((c) => c.action)).toEqual(['_get_model_show']);
  });

  it('a pinned backend is not replaced by a get_version_info reply', async () => {
    const { client } = await connected({ backend: 'lagrange' });
    await firstValueFrom(client.getVersionInfo());
    expect(await firstValueFrom(client.backend$)).toBe('lagrange');
  });

  it('detectBackend: true sends one get_version_info when the connection opens', async () => {
    const { client, sim } = await connected({ detectBackend: true });
    client.connect();
    const call = await firstValueFrom(sim.calls$.pipe(filter((c) => c.action === 'get_version_info')));
    expect(call.action).toBe('get_version_info');
    expect(await firstValueFrom(client.backend$.pipe(filter((b) => b !== 'unknown')))).toBe('napcat');
  });

  it('without the option the client sends no action by itself', async () => {
    const { client, sim } = await connected();
    await firstValueFrom(client.api.get_login_info());
    const actions = await firstValueFrom(sim.calls$.pipe(take(1), toArray()));
    expect(actions.map((c) => c.action)).toEqual(['get_login_info']);
    expect(await firstValueFrom(client.backend$)).toBe('unknown');
  });
});

describe('reverse-WS User-Agent', () => {
  const req = (headers: Record<string, string>) => ({ url: '/', headers }) as unknown as IncomingMessage;

  it('names go-cqhttp and Lagrange.OneBot, not NapCat', () => {
    expect(backendOfUserAgent('CQHttp/4.15.0')).toBe('go-cqhttp');
    expect(backendOfUserAgent('Lagrange.OneBot')).toBe('lagrange');
    expect(backendOfUserAgent('OneBot/11')).toBeUndefined();
    expect(checkHandshake(req({ 'x-self-id': '10001', 'user-agent': 'CQHttp/4.15.0' }), '/', undefined)).toEqual({
      selfId: '10001',
      role: 'Universal',
      backend: 'go-cqhttp',
    });
    expect(checkHandshake(req({ 'x-self-id': '10001', 'user-agent': 'OneBot/11' }), '/', undefined)).toEqual({ selfId: '10001', role: 'Universal' });
  });
});
