import { firstValueFrom } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { type Client, createClient, isActionTimeoutError } from '../../src/index';
import { ManualClock } from '../helpers/manual-clock';
import { type SilentHttp, startSilentHttp } from '../transport/silent-http';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function setup(): Promise<{ server: SilentHttp; bot: Client; clock: ManualClock }> {
  const server = await startSilentHttp();
  cleanups.push(() => server.close());
  // Virtual time: the action timeout fires only when the test advances the clock, after the server holds the
  // request (with real timers a slow first fetch let the timeout win, and the request never reached the server).
  // The idle grace never passes either, so the session (and its requests) stays: only cancel can abort them.
  const clock = new ManualClock();
  const bot = createClient({ url: server.url, reconnect: { initialDelay: 10, maxDelay: 50, jitter: 0 }, idleGrace: 60_000, scheduler: clock });
  cleanups.push(() => bot.close());
  return { server, bot, clock };
}

describe('HTTP API calls given up by the client', () => {
  it('aborts the request of a call that timed out, which fails with ActionTimeoutError { sent: true }', async () => {
    const { server, bot, clock } = await setup();
    let e: unknown = 'pending';
    bot.api.get_status(undefined, { timeout: 50 }).subscribe({ error: (error: unknown) => (e = error) });
    const held = await server.request(1);
    expect(held.url).toBe('/get_status');
    clock.advance(49);
    expect(e).toBe('pending');
    clock.advance(1);
    expect(isActionTimeoutError(e) && e.sent).toBe(true);
    expect(await held.outcome).toBe('aborted');
  });

  it('aborts the request of a call unsubscribed before its reply, and the client keeps working', async () => {
    const { server, bot } = await setup();
    const subscription = bot.api.get_status().subscribe();
    const held = await server.request(1);
    subscription.unsubscribe();
    expect(await held.outcome).toBe('aborted');
    const next = firstValueFrom(bot.api.get_status());
    (await server.request(2)).answer('{"status":"ok","retcode":0,"data":{"online":true,"good":true}}');
    expect(await next).toMatchObject({ online: true, good: true });
  });
});
