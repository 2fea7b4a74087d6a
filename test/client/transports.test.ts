import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { filter, firstValueFrom, map, pairwise, take, toArray } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type ClientOptions,
  ActionFailedError,
  createClient,
  createWebhook,
  isActionTimeoutError,
  isAuthError,
  isDisconnectedError,
} from '../../src/index';
import { type Simulator, createSimulator } from '../../src/testing/index';
import { stateReaches } from './harness';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function simulator(accessToken?: string): Promise<Simulator> {
  const sim = await createSimulator({ heartbeatInterval: 0, ...(accessToken === undefined ? {} : { accessToken }) });
  cleanups.push(() => sim.close());
  return sim;
}

function client(options: ClientOptions) {
  const created = createClient({ reconnect: { initialDelay: 10, maxDelay: 50, jitter: 0 }, idleGrace: 20, ...options });
  cleanups.push(() => created.close());
  return created;
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return (server.address() as AddressInfo).port;
}

/** Listens on `port`, resolving with it once bound (fails when something still holds it). */
async function listenOn(server: Server, port: number): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return (server.address() as AddressInfo).port;
}

async function freePort(): Promise<number> {
  const probe = createHttpServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

const failure = <T>(promise: Promise<T>): Promise<unknown> => promise.then(() => undefined, (e: unknown) => e);

describe('forward WebSocket with split /api and /event endpoints', () => {
  it('sends actions on /api and receives events from /event', async () => {
    const sim = await simulator('secret');
    const bot = client({ url: { api: `${sim.url}api`, event: `${sim.url}event` }, accessToken: 'secret' });
    const message = firstValueFrom(bot.privateMessages$);
    await stateReaches(bot, 'open');
    expect(sim.connections).toBe(2);
    await sim.chat([{ user_id: 20001, message: 'split' }]);
    expect((await message).raw_message).toBe('split');
    expect(await firstValueFrom(bot.getLoginInfo())).toMatchObject({ user_id: sim.selfId });
  });

  it('fails with AuthError when either endpoint rejects the token', async () => {
    const sim = await simulator('secret');
    const bot = client({ url: { api: `${sim.url}api`, event: `${sim.url}event` }, accessToken: 'wrong' });
    expect(isAuthError(await failure(firstValueFrom(bot.events$)))).toBe(true);
  });

  it('reconnects both sockets when one drops', async () => {
    const sim = await simulator();
    const bot = client({ url: { api: `${sim.url}api`, event: `${sim.url}event` } });
    const hold = bot.connect();
    await stateReaches(bot, 'open');
    // Watched from before the drop: a late look could miss 'reconnecting' (the 10 ms reconnect may be done by then).
    const reopened = firstValueFrom(
      bot.state$.pipe(
        map((s) => s.status),
        pairwise(),
        filter(([from, to]) => from === 'reconnecting' && to === 'open'),
      ),
    );
    await sim.drop();
    await reopened;
    expect(await firstValueFrom(bot.api.get_status())).toMatchObject({ online: true });
    hold.unsubscribe();
  });
});

describe('HTTP API', () => {
  it('POSTs actions to /:action with the Bearer token and gives the same typed results', async () => {
    const sim = await simulator('secret');
    const calls = firstValueFrom(sim.calls$);
    const bot = client({ url: sim.httpUrl, accessToken: 'secret' });
    expect(await firstValueFrom(bot.getLoginInfo())).toMatchObject({ user_id: sim.selfId });
    expect(await calls).toMatchObject({ action: 'get_login_info', echo: undefined });
    await firstValueFrom(bot.sendGroupMessage(300001, 'over http'));
    expect(await firstValueFrom(bot.getGroupInfo(300001))).toMatchObject({ group_id: 300001 });
  });

  it('keeps 64-bit IDs exact both in the params it POSTs and in the reply', async () => {
    const bodies: string[] = [];
    const reply = '{"status":"ok","retcode":0,"data":{"user_id":1152921504606846977,"nickname":"big","sex":"unknown","age":0}}';
    const port = await listen(
      createHttpServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => {
          bodies.push(`${req.url} ${Buffer.concat(chunks).toString()}`);
          res.writeHead(200, { 'Content-Type': 'application/json' }).end(reply);
        });
      }),
    );
    const bot = client({ url: `http://127.0.0.1:${port}/` });
    const stranger = await firstValueFrom(bot.api.get_stranger_info({ user_id: 2n ** 60n + 1n }));
    expect(bodies).toEqual(['/get_stranger_info {"user_id":1152921504606846977}']);
    expect(stranger.user_id).toBe('1152921504606846977');
  });

  it('fails every call with AuthError on 401 and 403', async () => {
    const sim = await simulator('secret');
    const missing = client({ url: sim.httpUrl });
    const wrong = client({ url: sim.httpUrl, accessToken: 'wrong' });
    const [missingError, wrongError] = [
      await failure(firstValueFrom(missing.api.get_status())),
      await failure(firstValueFrom(wrong.api.get_status())),
    ];
    expect([isAuthError(missingError), isAuthError(wrongError)]).toEqual([true, true]);
    expect([(missingError as { status: number }).status, (wrongError as { status: number }).status]).toEqual([401, 403]);
    expect(await stateReaches(wrong, 'closed')).toMatchObject({ status: 'closed' });
  });

  it('turns 404 into ActionFailedError with retcode 1404 and kind unknown-action', async () => {
    const sim = await simulator();
    const bot = client({ url: sim.httpUrl });
    const error = await failure(firstValueFrom(bot.callApi('no_such_action')));
    expect(error).toBeInstanceOf(ActionFailedError);
    expect(error).toMatchObject({ retcode: 1404, kind: 'unknown-action', action: 'no_such_action' });
  });

  it('turns another non-2xx status into ActionFailedError with that status as retcode', async () => {
    const port = await listen(createHttpServer((_req, res) => res.writeHead(502).end('{"message":"bad gateway"}')));
    const bot = client({ url: `http://127.0.0.1:${port}` });
    const error = await failure(firstValueFrom(bot.api.get_status()));
    expect(error).toMatchObject({ name: 'ActionFailedError', retcode: 502, kind: 'failed', message: expect.stringContaining('bad gateway') });
  });

  it('fails a call with DisconnectedError { sent: true } when the server cannot be reached', async () => {
    const port = await freePort();
    const bot = client({ url: `http://127.0.0.1:${port}` });
    const error = await failure(firstValueFrom(bot.api.get_status()));
    expect(isDisconnectedError(error) && error.sent).toBe(true);
  });

  it('fails a slow request with ActionTimeoutError { sent: true } after the call timeout', async () => {
    const sim = await simulator();
    sim.delayReplies(500);
    const bot = client({ url: sim.httpUrl });
    const error = await failure(firstValueFrom(bot.api.get_status(undefined, { timeout: 50 })));
    expect(isActionTimeoutError(error) && error.sent).toBe(true);
  });

  it('takes events from a webhook server the client runs while connected, signed with the secret', async () => {
    const sim = await simulator();
    const port = await freePort();
    const bot = client({ url: sim.httpUrl, webhook: { port, host: '127.0.0.1', path: '/events', secret: 'hmac' } });
    const messages = firstValueFrom(bot.privateMessages$.pipe(take(2), toArray()));
    await stateReaches(bot, 'open');
    const target = sim.postEventsTo({ url: `http://127.0.0.1:${port}/events`, secret: 'hmac' });
    await sim.chat([
      { user_id: 20001, message: 'one' },
      { user_id: 20001, message: 'two' },
    ]);
    expect((await messages).map((m) => m.raw_message)).toEqual(['one', 'two']);
    expect(await firstValueFrom(target.deliveries$)).toEqual({ status: 204 });
    target.remove();
    await bot.close();
    const reuse = createHttpServer();
    expect(await listenOn(reuse, port)).toBe(port);
  });

  it('takes events from an existing receiver mounted in the user’s own server', async () => {
    const sim = await simulator();
    const receiver = createWebhook({ secret: 'hmac' });
    const port = await listen(createHttpServer(receiver.handler));
    const bot = client({ url: sim.httpUrl, webhook: receiver });
    const message = firstValueFrom(bot.groupMessages$);
    await stateReaches(bot, 'open');
    sim.postEventsTo({ url: `http://127.0.0.1:${port}/`, secret: 'hmac' });
    await sim.chat([{ group_id: 300001, user_id: 20001, message: 'via receiver' }]);
    expect((await message).raw_message).toBe('via receiver');
  });

  it('rejects events with a wrong signature, and they never reach the client', async () => {
    const sim = await simulator();
    const receiver = createWebhook({ secret: 'hmac' });
    const port = await listen(createHttpServer(receiver.handler));
    const bot = client({ url: sim.httpUrl, webhook: receiver });
    const seen: string[] = [];
    bot.privateMessages$.subscribe((m) => seen.push(m.raw_message));
    await stateReaches(bot, 'open');
    const forged = sim.postEventsTo({ url: `http://127.0.0.1:${port}/`, secret: 'not-hmac' });
    await sim.chat([{ user_id: 20001, message: 'forged' }]);
    expect(await firstValueFrom(forged.deliveries$)).toEqual({ status: 403 });
    expect(seen).toEqual([]);
  });
});
