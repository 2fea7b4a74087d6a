import { firstValueFrom } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { type Client, createClient, isActionTimeoutError } from '../../src/index';
import { type SilentHttp, startSilentHttp } from '../transport/silent-http';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function setup(): Promise<{ server: SilentHttp; bot: Client }> {
  const server = await startSilentHttp();
  cleanups.push(() => server.close());
  // A long idleGrace keeps the session (and its requests) alive after a call ends: only cancel can abort them.
  const bot = createClient({ url: server.url, reconnect: { initialDelay: 10, maxDelay: 50, jitter: 0 }, idleGrace: 60_000 });
  cleanups.push(() => bot.close());
  return { server, bot };
}

const failure = (promise: Promise<unknown>): Promise<unknown> => promise.then(() => undefined, (e: unknown) => e);

describe('HTTP API calls given up by the client', () => {
  it('aborts the request of a call that timed out, which fails with ActionTimeoutError { sent: true }', async () => {
    const { server, bot } = await setup();
    const error = failure(firstValueFrom(bot.api.get_status(undefined, { timeout: 50 })));
    const held = await server.request(1);
    expect(held.url).toBe('/get_status');
    const e = await error;
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
