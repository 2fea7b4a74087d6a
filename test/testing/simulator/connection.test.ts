import { filter, firstValueFrom } from 'rxjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSimulator } from '../../../src/testing/simulator';
import type { Simulator, SimulatorOptions } from '../../../src/testing/simulator';
import { connect, type TestClient } from './ws-client';

let sim: Simulator | undefined;
const clients: TestClient[] = [];

async function start(options: SimulatorOptions = {}): Promise<Simulator> {
  sim = await createSimulator({ catalogue: {}, ...options });
  return sim;
}

async function open(url: string, headers?: Record<string, string>): Promise<TestClient> {
  const client = await connect(url, headers);
  clients.push(client);
  return client;
}

afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await sim?.close();
  sim = undefined;
});

const status = (promise: Promise<unknown>): Promise<unknown> => promise.then(() => 'open', (e: { status?: number }) => e.status);

describe('the token check on the upgrade', () => {
  it('refuses a connection without a token with 401', async () => {
    const s = await start({ accessToken: 'secret' });
    expect(await status(open(s.url))).toBe(401);
  });

  it('refuses a connection with a wrong token with 403', async () => {
    const s = await start({ accessToken: 'secret' });
    expect(await status(open(s.url, { Authorization: 'Bearer wrong' }))).toBe(403);
    expect(await status(open(`${s.url}?access_token=secre`))).toBe(403);
  });

  it('accepts the token as Bearer, as Token, and as an access_token query parameter', async () => {
    const s = await start({ accessToken: 'secret' });
    expect(await status(open(s.url, { Authorization: 'Bearer secret' }))).toBe('open');
    expect(await status(open(s.url, { Authorization: 'Token secret' }))).toBe('open');
    expect(await status(open(`${s.url}?access_token=secret`))).toBe('open');
    expect(s.connections).toBe(3);
  });

  it('accepts any client when no token is configured', async () => {
    const s = await start();
    expect(await status(open(s.url))).toBe('open');
  });

  it('refuses upgrades with the chosen status while rejecting connections, and accepts them again after', async () => {
    const s = await start();
    s.rejectConnections(503);
    expect(await status(open(s.url))).toBe(503);
    s.acceptConnections();
    expect(await status(open(s.url))).toBe('open');
  });
});

describe('what a client receives on connect', () => {
  it('sends a lifecycle connect meta event first, with self_id and a time from the clock', async () => {
    const s = await start({ selfId: 12345, clock: () => 1_700_000_000_000 });
    const client = await open(s.url);
    const lifecycle = await client.next((f) => f['post_type'] === 'meta_event');
    expect(lifecycle).toStrictEqual({
      time: 1_700_000_000,
      self_id: 12345,
      post_type: 'meta_event',
      meta_event_type: 'lifecycle',
      sub_type: 'connect',
    });
  });

  it('sends heartbeats at the configured interval with NapCat status fields', async () => {
    const s = await start({ heartbeatInterval: 40, clock: () => 1_700_000_000_000 });
    const client = await open(s.url);
    const beat = await client.next((f) => f['meta_event_type'] === 'heartbeat');
    expect(beat).toStrictEqual({
      time: 1_700_000_000,
      self_id: 10000,
      post_type: 'meta_event',
      meta_event_type: 'heartbeat',
      status: { online: true, good: true },
      interval: 40,
    });
  });

  it('sends no heartbeat when the interval is 0', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const s = await start({ heartbeatInterval: 0 });
    const client = await open(s.url);
    vi.advanceTimersByTime(60_000);
    await client.call('get_status'); // its reply comes behind anything written before
    expect(client.frames.map((f) => f['meta_event_type'] ?? 'reply')).toStrictEqual(['lifecycle', 'reply']);
  });

  it('sends no events to a client on the /api path but answers its actions', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const s = await start({ heartbeatInterval: 30 });
    const client = await open(`${s.url}api`);
    const reply = await client.call('get_status');
    vi.advanceTimersByTime(10 * 30); // ten heartbeat periods
    await client.call('get_status'); // its reply comes behind any heartbeat written meanwhile
    expect(reply['data']).toStrictEqual({ online: true, good: true, stat: {} });
    expect(client.frames.filter((f) => 'post_type' in f)).toStrictEqual([]);
  });

  it('serves only under its configured path', async () => {
    const s = await start({ path: '/onebot' });
    expect(s.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/onebot$/);
    expect(await status(open(s.url.replace('/onebot', '/other')))).toBe(404);
    expect(await status(open(s.url))).toBe('open');
  });

  it('resolves waitForConnection once a client connects and counts connections', async () => {
    const s = await start();
    const counts: number[] = [];
    s.connections$.subscribe((n) => counts.push(n));
    const waiting = s.waitForConnection();
    const client = await open(s.url);
    await waiting;
    expect(s.connections).toBe(1);
    await client.close();
    await firstValueFrom(s.connections$.pipe(filter((n) => n === 0)));
    expect(counts).toStrictEqual([0, 1, 0]);
  });
});
