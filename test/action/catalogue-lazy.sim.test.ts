import { firstValueFrom, take, toArray } from 'rxjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as Source from '../../src/action/catalogue-source';
import type * as ClientModule from '../../src/client/client';
import type * as Errors from '../../src/errors';
import { type Simulator, createSimulator } from '../../src/testing/index';

// The browser build's catalogue source (what `browserVariants()` swaps in): rows loaded by `import()` on the
// first call. The client's modules are loaded afresh after the mock (not reused from a module cache that
// holds the Node source), so the first test sees the catalogue not yet loaded.
vi.mock('../../src/action/catalogue-source', () => import('../../src/action/catalogue-source.browser'));

let CATALOGUE_ROWS: typeof Source.CATALOGUE_ROWS;
let catalogueLoading: typeof Source.catalogueLoading;
let createClient: typeof ClientModule.createClient;
let DecodeError: typeof Errors.DecodeError;
let InvalidParamsError: typeof Errors.InvalidParamsError;

const GROUP = 300001;

// In order, even in a shuffled run: the first test is the one that sees the catalogue not loaded yet.
describe('the browser build loads the catalogue on the first call', { shuffle: false }, () => {
  let sim: Simulator;
  beforeAll(async () => {
    vi.resetModules();
    ({ CATALOGUE_ROWS, catalogueLoading } = await import('../../src/action/catalogue-source'));
    ({ createClient } = await import('../../src/client/client'));
    ({ DecodeError, InvalidParamsError } = await import('../../src/errors'));
    sim = await createSimulator({ heartbeatInterval: 0 });
  });
  afterAll(async () => {
    await sim.close();
  });

  it('builds a client and its api without the rows, then calls through the loaded codecs', async () => {
    const client = createClient({ url: sim.url });
    expect(Object.keys(CATALOGUE_ROWS)).toEqual([]);
    expect(client.supports('send_group_msg')).toBe(true);
    const api = client.api;
    expect(typeof api.send_group_msg).toBe('function');
    expect(typeof api.get_login_info_async).toBe('function');
    expect((api as unknown as Record<string, unknown>).then).toBeUndefined();
    // Not sent before subscription, and nothing loaded for an unsubscribed call.
    const call = client.sendGroupMessage(GROUP, 'first');
    expect(Object.keys(CATALOGUE_ROWS)).toEqual([]);
    const { message_id } = await firstValueFrom(call);
    expect(typeof message_id).toBe('number');
    expect(catalogueLoading()).toBeUndefined();
    expect(CATALOGUE_ROWS.send_group_msg?.doc).toMatch(/group/);
    // Once loaded, only catalogued names (and their variants) are methods.
    expect((api as unknown as Record<string, unknown>).no_such_action).toBeUndefined();
    expect(typeof api.send_group_msg_rate_limited).toBe('function');
    const sent = await firstValueFrom(sim.calls$.pipe(take(1), toArray()));
    expect(sent[0]).toMatchObject({ action: 'send_group_msg', params: { group_id: GROUP, message: [{ type: 'text', data: { text: 'first' } }] } });
    await client.close();
  });

  it('still checks params before sending and every result with its codec', async () => {
    const client = createClient({ url: sim.url });
    const errors: unknown[] = [];
    client.errors$.subscribe((e) => errors.push(e));
    await expect(firstValueFrom(client.api.set_group_ban({ group_id: GROUP } as never))).rejects.toBeInstanceOf(InvalidParamsError);
    void sim.expectAction('get_login_info').respond({ user_id: 'not a number', nickname: 7 });
    await firstValueFrom(client.api.get_login_info());
    expect(errors).toEqual([expect.any(DecodeError)]);
    expect((errors[0] as Errors.DecodeError).action).toBe('get_login_info');
    await client.close();
  });
});
