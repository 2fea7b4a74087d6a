import { filter, firstValueFrom, take, toArray } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type Client,
  type OneBotServer,
  type ServerOptions,
  DisconnectedError,
  createServer,
  isActionTimeoutError,
  isDisconnectedError,
} from '../../src/index';
import { type Simulator, ReverseRefusedError, createSimulator } from '../../src/testing/index';
import { stateReaches } from '../client/harness';
import { ManualClock } from '../helpers/manual-clock';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function listening(options: Partial<ServerOptions> = {}): Promise<{ server: OneBotServer; url: string }> {
  const server = createServer({ port: 0, path: '/onebot', idleGrace: 20, ...options });
  cleanups.push(() => server.close());
  await server.ready;
  return { server, url: `ws://127.0.0.1:${server.port}/onebot` };
}

async function simulator(selfId = 10000): Promise<Simulator> {
  const sim = await createSimulator({ heartbeatInterval: 0, selfId });
  cleanups.push(() => sim.close());
  return sim;
}

/** Resolves once the simulator's connection count is `n`. */
const connectionsReach = (sim: Simulator, n: number): Promise<number> => firstValueFrom(sim.connections$.pipe(filter((c) => c === n)));

const statusOf = (error: unknown): number | undefined => (error instanceof ReverseRefusedError ? error.status : undefined);

describe('createServer: reverse WebSocket', () => {
  it('gives the bot that connects a client with the same events and actions as forward WS', async () => {
    const { server, url } = await listening({ accessToken: 'secret' });
    const sim = await simulator();
    const bots = firstValueFrom(server.bots$);
    await sim.connectReverse({ url, accessToken: 'secret' });
    const bot = await bots;
    expect(bot).toBe(server.bot(sim.selfId));
    const message = firstValueFrom(bot.groupMessages$);
    await stateReaches(bot, 'open');
    await sim.chat([{ group_id: 300001, user_id: 20001, message: 'hello' }]);
    expect((await message).raw_message).toBe('hello');
    expect(await firstValueFrom(bot.getLoginInfo())).toMatchObject({ user_id: sim.selfId });
  });

  it.each([
    ['Bearer header', 'bearer'],
    ['go-cqhttp Token header', 'token'],
    ['access_token query', 'query'],
  ] as const)('accepts the token as a %s', async (_name, tokenIn) => {
    const { server, url } = await listening({ accessToken: 'secret' });
    const sim = await simulator();
    await sim.connectReverse({ url, accessToken: 'secret', tokenIn });
    expect(await firstValueFrom(server.bot(sim.selfId).api.get_status())).toMatchObject({ online: true });
  });

  it('refuses a missing token with 401, a wrong one with 403, and another path with 404', async () => {
    const { url } = await listening({ accessToken: 'secret' });
    const sim = await simulator();
    expect(statusOf(await sim.connectReverse({ url }).catch((e: unknown) => e))).toBe(401);
    expect(statusOf(await sim.connectReverse({ url, accessToken: 'wrong' }).catch((e: unknown) => e))).toBe(403);
    const elsewhere = url.replace('/onebot', '/other');
    expect(statusOf(await sim.connectReverse({ url: elsewhere, accessToken: 'secret' }).catch((e: unknown) => e))).toBe(404);
    expect(sim.connections).toBe(0);
  });

  it('refuses a connection without a numeric X-Self-ID with 400', async () => {
    const { url } = await listening();
    const sim = await simulator();
    expect(statusOf(await sim.connectReverse({ url, selfId: 'abc' }).catch((e: unknown) => e))).toBe(400);
  });

  it('routes each self_id to its own client, with two bots in one process', async () => {
    const { server, url } = await listening();
    const [first, second] = [await simulator(10001), await simulator(10002)];
    const bots = firstValueFrom(server.bots$.pipe(take(2), toArray()));
    await first.connectReverse({ url });
    await second.connectReverse({ url });
    const [a, b] = (await bots) as [Client, Client];
    expect(a).toBe(server.bot(10001));
    expect(b).toBe(server.bot('10002'));
    expect(await firstValueFrom(a.getLoginInfo())).toMatchObject({ user_id: 10001 });
    expect(await firstValueFrom(b.getLoginInfo())).toMatchObject({ user_id: 10002 });
    const fromSecond = firstValueFrom(b.privateMessages$);
    const fromFirst = firstValueFrom(a.privateMessages$);
    await Promise.all([stateReaches(a, 'open'), stateReaches(b, 'open')]);
    await second.chat([{ user_id: 20001, message: 'to b' }]);
    await first.chat([{ user_id: 20001, message: 'to a' }]);
    expect((await fromSecond).raw_message).toBe('to b');
    expect((await fromFirst).raw_message).toBe('to a');
  });

  it('works with an API + Event pair: actions on one socket, events on the other', async () => {
    const { server, url } = await listening();
    const sim = await simulator();
    await sim.connectReverse({ url, roles: 'API+Event' });
    const bot = server.bot(sim.selfId);
    const message = firstValueFrom(bot.privateMessages$);
    await stateReaches(bot, 'open');
    await sim.chat([{ user_id: 20001, message: 'paired' }]);
    expect((await message).raw_message).toBe('paired');
    expect(await firstValueFrom(bot.getLoginInfo())).toMatchObject({ user_id: sim.selfId });
  });

  it('lets a bot be used before it connects: connecting, then open, and waiting actions are sent', async () => {
    const clock = new ManualClock();
    const { server, url } = await listening({ scheduler: clock });
    const sim = await simulator();
    const bot = server.bot(sim.selfId);
    const states: string[] = [];
    bot.state$.subscribe((s) => states.push(s.status));
    const login = firstValueFrom(bot.getLoginInfo());
    clock.advance(1_000);
    expect(states).toEqual(['idle', 'connecting']);
    await sim.connectReverse({ url });
    expect(await login).toMatchObject({ user_id: sim.selfId });
    expect(states).toEqual(['idle', 'connecting', 'open']);
  });

  it('never closes the bot socket when the last subscriber leaves', async () => {
    const clock = new ManualClock();
    const { server, url } = await listening({ idleGrace: 10, scheduler: clock });
    const sim = await simulator();
    await sim.connectReverse({ url });
    const counts: number[] = [];
    sim.connections$.subscribe((n) => counts.push(n));
    const bot = server.bot(sim.selfId);
    await firstValueFrom(bot.api.get_status());
    clock.advance(10);
    await stateReaches(bot, 'idle');
    clock.advance(1_000); // 100 idle graces, and less than a ping interval (no pong can come back in virtual time)
    // A call after the idle grace is answered on the same socket: the server never closed it.
    expect(await firstValueFrom(bot.api.get_status())).toMatchObject({ online: true });
    expect(counts).toEqual([1]);
  });

  it('is reconnecting after the bot leaves, fails its pending calls, and opens again when it returns', async () => {
    const { server, url } = await listening();
    const sim = await simulator();
    const connection = await sim.connectReverse({ url });
    const bot = server.bot(sim.selfId);
    const hold = bot.connect();
    await stateReaches(bot, 'open');
    sim.delayReplies(60_000);
    const pending = firstValueFrom(bot.api.get_status()).catch((e: unknown) => e);
    await firstValueFrom(sim.calls$.pipe(filter((c) => c.action === 'get_status')));
    await connection.close();
    const error = await pending;
    expect(isDisconnectedError(error) && error.sent).toBe(true);
    await stateReaches(bot, 'reconnecting');
    sim.delayReplies(0);
    const waiting = firstValueFrom(bot.getLoginInfo());
    await sim.connectReverse({ url });
    expect(await waiting).toMatchObject({ user_id: sim.selfId });
    hold.unsubscribe();
  });

  it('fails an action with ActionTimeoutError { sent: false } when the bot never connects in time', async () => {
    const { server } = await listening();
    const error = await firstValueFrom(server.bot(10000).api.get_status(undefined, { timeout: 30 })).catch((e: unknown) => e);
    expect(isActionTimeoutError(error) && !error.sent).toBe(true);
  });

  it('replaces a duplicate connection: the old socket is closed and its late frames are ignored', async () => {
    const { server, url } = await listening();
    const old = await simulator();
    const fresh = await simulator();
    await old.connectReverse({ url });
    const bot = server.bot(old.selfId);
    const texts: string[] = [];
    bot.privateMessages$.subscribe((m) => texts.push(m.raw_message));
    await stateReaches(bot, 'open');
    await fresh.connectReverse({ url });
    await old.emit(old.events.privateMessage({ user_id: 20001, message: 'late, from the old socket' })).catch(() => undefined);
    // The old socket's close completes after the server read the late frame written before it.
    await connectionsReach(old, 0);
    expect(fresh.connections).toBe(1);
    await stateReaches(bot, 'open');
    const next = firstValueFrom(bot.privateMessages$);
    await fresh.chat([{ user_id: 20001, message: 'from the new socket' }]);
    await next;
    expect(texts).toEqual(['from the new socket']);
    expect(await firstValueFrom(bot.api.get_status())).toMatchObject({ online: true });
  });

  it('closes every bot and completes bots$ on close()', async () => {
    const { server, url } = await listening();
    const sim = await simulator();
    await sim.connectReverse({ url });
    const bot = server.bot(sim.selfId);
    const all = firstValueFrom(server.bots$.pipe(toArray()));
    await server.close();
    expect(await all).toEqual([bot]);
    await connectionsReach(sim, 0);
    const error = await firstValueFrom(bot.api.get_status()).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(DisconnectedError);
    expect((error as Error).name).toBe('ClientClosedError');
  });
});
