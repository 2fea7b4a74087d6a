/**
 * The scale-out contract point by point (API.md "Scale-out", SCALE-OUT.md "Pinned details") against a real
 * redis-server: error classes as in one process, the account rule, a duplicate of a key whose first run never
 * ends, `stats$` fields, reading only while something consumes, and the keys a handling's calls carry.
 */
import { EMPTY, catchError, concat, filter, finalize, firstValueFrom, from, retry, skip, switchMap, take, tap, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../src/client/client';
import { isActionTimeoutError, isDisconnectedError, isInvalidParamsError } from '../../src/errors';
import { createGateway, createWorker } from '../../src/redis';
import type { ActionCall, Simulator } from '../../src/testing';
import { WebSocketServer } from 'ws';
import { hasRedisServer, type RedisServer } from '../helpers/redis-server';
import { until } from './cluster-harness';
import { redisSuite } from './redis-suite';

function callsSoFar(sim: Simulator): ActionCall[] {
  const calls: ActionCall[] = [];
  sim.calls$.subscribe((c) => calls.push(c)).unsubscribe();
  return calls;
}

const GROUPS = [{ group_id: 501, group_name: 'a' }];
const STATS_FIELDS = ['acked', 'delivered', 'duplicatesSuppressed', 'lag', 'overflowed', 'published', 'redelivered', 'trimmed'];

describe.runIf(hasRedisServer || process.env.CI)('scale-out contract (real redis-server)', () => {
  const suite = redisSuite();

  /** The simulator, a gateway holding its account that has published 'hello' (in Redis), and a worker. */
  const cluster = async (prefix: string, worker: Partial<Parameters<typeof createWorker>[0]> = {}) => {
    const server = suite.server();
    const { sim, gateway } = await suite.serve({ prefix, partitions: 2, statsInterval: 50 }, { groups: GROUPS });
    await sim.waitForConnection();
    await sim.emit(sim.events.groupMessage({ group_id: 501, user_id: 7, message: 'hello' }));
    // The connection's lifecycle event and 'hello': both in Redis. (The account is known from the first: the
    // gateway adds it before publishing, on the same connection. Waiting for the account alone let a test go on
    // with 'hello' still on its way, and the re-delivery case then read the streams without it.)
    await firstValueFrom(gateway.stats$.pipe(filter((s) => s.published >= 2)));
    const w = suite.track(createWorker({ redis: server.url, prefix, group: 'bots', consumer: 'w1', partitions: 2, leaseTtl: 2_000, blockMs: 100, statsInterval: 50, ...worker }));
    return { sim, gateway, worker: w };
  };

  it('pinned 1: 64-bit IDs stay exact from a raw server through Redis to the handler, in the action the server receives, and in its reply', async () => {
    const self = '12345678901234567890';
    const event = `{"post_type":"message", "message_type":"group","sub_type":"normal","time":1,"self_id":${self},"user_id":9007199254740993,"group_id":9007199254740995,"message_id":1,"message":[{"type":"text","data":{"text":"hi"}}],"raw_message":"hi","font":0,"sender":{"user_id":9007199254740993}}`;
    const received: string[] = [];
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise((r) => wss.once('listening', r));
    suite.track({ close: () => new Promise((r) => wss.close(r)) }); // closed last (waits for its connections to end)
    wss.on('connection', (ws) => {
      ws.on('message', (data) => {
        const text = String(data);
        const { action, echo } = JSON.parse(text) as { action: string; echo: string };
        received.push(text);
        const reply = action === 'send_group_msg' ? '{"message_id":9007199254740997}' : '{}';
        ws.send(`{"status":"ok","retcode":0,"data":${reply},"echo":${JSON.stringify(echo)}}`);
      });
      ws.send(event);
    });
    const server = suite.server();
    const client = suite.track(createClient({ url: `ws://127.0.0.1:${(wss.address() as { port: number }).port}` }));
    suite.track(createGateway({ redis: server.url, clients: client, prefix: 'c1', partitions: 2 }));
    const worker = suite.track(createWorker({ redis: server.url, prefix: 'c1', group: 'bots', consumer: 'w1', partitions: 2, leaseTtl: 2_000, blockMs: 100 }));
    const sent = new Promise<unknown>((resolve) =>
      worker.handle('message.group', (m, ctx) => {
        expect([m.self_id, m.group_id, m.user_id].map(String)).toEqual([self, '9007199254740995', '9007199254740993']);
        return ctx.sendGroupMessage(m.group_id, 'exact').pipe(tap(resolve));
      }),
    );
    expect(await sent).toEqual({ message_id: '9007199254740997' });
    const call = received.find((t) => t.includes('send_group_msg'))!;
    expect(call).toMatch(/"group_id":"?9007199254740995"?[,}]/);
    expect(await server.client().exists(`c1:actions:${self}`)).toBe(1);
  });

  it('pinned 5: a worker whose lease was taken (a newer epoch) unsubscribes its in-flight handling at once, sends nothing for it, and does not ack it', async () => {
    const lines: string[] = [];
    const logger = { debug: () => undefined, info: () => undefined, warn: (m: unknown) => void lines.push(String(m)), error: () => undefined };
    const { sim, worker } = await cluster('c5', { partitions: 2, leaseTtl: 600, logger });
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let started = false;
    let cut = false;
    let outcome: unknown;
    worker.handle('message.group', (m, ctx) => {
      if (m.raw_message !== 'fenced') return EMPTY;
      started = true;
      return from(gate).pipe(
        switchMap(() => ctx.sendGroupMessage(m.group_id, 'late')),
        catchError((e: unknown) => {
          outcome = e;
          return EMPTY;
        }),
        finalize(() => (cut = outcome === undefined)),
      );
    });
    await sim.emit(sim.events.groupMessage({ group_id: 501, user_id: 7, message: 'fenced' }));
    await until(() => started, worker.stats$);
    const raw = suite.server().client();
    const partition = Number((await partitionOfText(raw, 'c5', 'fenced')).split(':').pop());
    // Another owner takes the partition with a newer epoch (as after this worker froze past its lease), in one
    // step: with the lease deleted first and set after, a renewal of the worker between the two could find it
    // free and take it again (a second handling, whose call then meets the thief's newer epoch).
    const steal = "redis.call('SET', KEYS[1], 'thief|' .. redis.call('INCR', KEYS[2]), 'PX', 600000)";
    await raw.eval(steal, 2, `c5:lease:${partition}`, `c5:epoch:${partition}`);
    await until(() => lines.some((l) => l.includes(`lost partition ${partition}`)), worker.stats$);
    expect(cut).toBe(true); // unsubscribed when the partition was lost, before its call
    open();
    await gate;
    expect(outcome).toBeUndefined();
    expect(callsSoFar(sim).filter((c) => c.action === 'send_group_msg')).toEqual([]);
    expect(((await raw.xpending(`c5:events:${partition}`, 'bots')) as [number])[0]).toBe(1);
  });

  it('pinned 8: outside a handling with several accounts, a call fails with InvalidParamsError naming selfId, and nothing is posted', async () => {
    const server = suite.server();
    const raw = server.client();
    await raw.sadd('c8:accounts', '10001', '10002');
    const worker = suite.track(createWorker({ redis: server.url, prefix: 'c8', group: 'bots', consumer: 'w1', partitions: 2, blockMs: 100 }));
    const error = await firstValueFrom(worker.api.get_login_info({})).catch((e: unknown) => e);
    expect(isInvalidParamsError(error)).toBe(true);
    expect((error as Error).message).toMatch(/selfId/);
    expect(await raw.keys('c8:actions:*')).toEqual([]);
  });

  it('a DisconnectedError at the gateway reaches the worker as DisconnectedError { sent: true }, as in one process', async () => {
    const { sim, worker } = await cluster('cdis');
    sim.delayReplies(600_000); // the call stays pending at the gateway until the socket drops
    const outcome = firstValueFrom(worker.api.get_login_info({})).catch((e: unknown) => e);
    await firstValueFrom(sim.calls$.pipe(filter((c) => c.action === 'get_login_info')));
    await sim.drop();
    const error = await outcome;
    expect(isDisconnectedError(error)).toBe(true);
    expect((error as { sent: boolean }).sent).toBe(true);
    expect((error as { action: string }).action).toBe('get_login_info');
  });

  it('pinned 7: a key whose first run never ended (its gateway died) is not run again; the duplicate ends as ActionTimeoutError { sent: true }', async () => {
    const { sim, gateway, worker } = await cluster('c7');
    await suite.server().client().set('c7:idem:dead:0', 'P|gw-dead:1-0', 'PX', 600_000);
    // The call's own timeout is the outcome under test (the gateway waits for the first run until it). It is a
    // wall-clock deadline by the wire format, and an entry the gateway picks up past it is dropped unanswered and
    // uncounted: 2 s leaves a loaded machine ample time to pick it up, so the duplicate is counted below.
    const error = await firstValueFrom(worker.callApi('send_group_msg', { group_id: 501, message: 'twice?' }, { idempotencyKey: 'dead:0', timeout: 2_000 })).catch((e: unknown) => e);
    expect(isActionTimeoutError(error)).toBe(true);
    expect((error as { sent: boolean }).sent).toBe(true);
    const stats = await firstValueFrom(gateway.stats$.pipe(filter((s) => s.duplicatesSuppressed >= 1)));
    expect(stats.duplicatesSuppressed).toBe(1);
    expect(callsSoFar(sim).filter((c) => c.action === 'send_group_msg')).toEqual([]);
  });

  it('pinned 4: gateway and worker stats$ carry exactly the contract fields', async () => {
    const { gateway, worker } = await cluster('c4');
    worker.handle('message.group', () => undefined);
    const [g, w] = await Promise.all([
      firstValueFrom(gateway.stats$.pipe(filter((s) => s.acked >= 1))),
      firstValueFrom(worker.stats$.pipe(filter((s) => s.acked >= 1))),
    ]);
    expect(Object.keys(g).sort()).toEqual(STATS_FIELDS);
    expect(Object.keys(w).sort()).toEqual(STATS_FIELDS);
    expect(Object.keys(g.lag).sort()).toEqual(['0', '1']);
  });

  it('pinned 4: a new owner’s re-deliveries count in the shared redelivered figure the gateway reports', async () => {
    const { gateway, worker } = await cluster('c4r');
    const raw = suite.server().client();
    const streams = ['c4r:events:0', 'c4r:events:1'];
    for (const stream of streams) await raw.xgroup('CREATE', stream, 'bots', '0', 'MKSTREAM').catch(() => undefined);
    // A worker that read these entries and died before handling them (it holds no lease).
    const read = (await raw.xreadgroup('GROUP', 'bots', 'dead', 'COUNT', 100, 'STREAMS', ...streams, '>', '>')) as Array<[string, unknown[]]>;
    const taken = read.reduce((n, [, entries]) => n + entries.length, 0);
    expect(taken).toBeGreaterThanOrEqual(1);
    const seen: string[] = [];
    worker.handle('message.group', (m) => {
      seen.push(String(m.raw_message));
    });
    const stats = await firstValueFrom(gateway.stats$.pipe(filter((s) => s.redelivered >= taken)));
    expect(stats.redelivered).toBe(taken);
    expect(seen).toEqual(['hello']);
    expect((await firstValueFrom(worker.stats$.pipe(filter((s) => s.redelivered >= taken)))).redelivered).toBe(taken);
  });

  it('pinned 4: entries trimmed from a capped stream before anyone handled them count in trimmed, never silently', async () => {
    const server = suite.server();
    const { sim, gateway } = await suite.serve({ prefix: 'c4t', partitions: 1, maxLen: 5, statsInterval: 50 });
    await sim.waitForConnection();
    for (let i = 0; i < 110; i++) await sim.emit(sim.events.groupMessage({ group_id: 501, user_id: 7, message: `t${i}` }));
    const stats = await firstValueFrom(gateway.stats$.pipe(filter((s) => s.published >= 111 && s.trimmed > 0)));
    const left = await server.client().xlen('c4t:events:0');
    expect(stats.trimmed).toBeGreaterThanOrEqual(95);
    expect(stats.trimmed + left).toBe(stats.published);
  });

  it('pinned 3: a worker takes no partition while nothing consumes; a subscription then reads what was published before', async () => {
    const { sim, worker } = await cluster('c3');
    const raw = suite.server().client();
    await firstValueFrom(worker.api.get_login_info({})); // the worker's session is up (its calls work)
    const idle = await firstValueFrom(worker.stats$.pipe(filter(() => true)));
    expect(idle.lag).toEqual({});
    expect(await raw.keys('c3:lease:*')).toEqual([]);
    const first = await firstValueFrom(worker.groupMessages$);
    expect(first.raw_message).toBe('hello');
    expect((await raw.keys('c3:lease:*')).length).toBe(2);
    void sim;
  });

  it('pinned 2: a handling’s calls carry <entry id>:<ordinal> in the order they are subscribed, a retry taking the next ordinal (counted from 1)', async () => {
    const { worker } = await cluster('c2');
    const raw = suite.server().client();
    // The last call is created before the retry re-subscribes the first: keys follow subscriptions, not creation.
    worker.handle('message.group', (m, ctx) =>
      concat(ctx.callApi('send_group_msg', { group_id: 999_999, message: 'fails' }).pipe(retry(1), catchError(() => EMPTY)), ctx.sendGroupMessage(m.group_id, 'after')),
    );
    await until(async () => (await raw.keys('c2:idem:*')).length >= 3, worker.stats$);
    const id = await entryIdOf(raw, 'c2', 'hello');
    expect((await raw.keys('c2:idem:*')).sort()).toEqual([`c2:idem:${id}:1`, `c2:idem:${id}:2`, `c2:idem:${id}:3`]);
  });
});

/** The stream key of `prefix` whose entries hold `text`. */
async function partitionOfText(raw: ReturnType<RedisServer['client']>, prefix: string, text: string): Promise<string> {
  for (const stream of await raw.keys(`${prefix}:events:*`)) {
    for (const [, fields] of await raw.xrange(stream, '-', '+')) if (fields[fields.indexOf('f') + 1]!.includes(text)) return stream;
  }
  throw new Error(`no entry holds ${text}`);
}

/** The gateway-assigned id (field `i`) of the entry whose frame holds `text`, in any partition of `prefix`. */
async function entryIdOf(raw: ReturnType<RedisServer['client']>, prefix: string, text: string): Promise<string> {
  for (const stream of await raw.keys(`${prefix}:events:*`)) {
    for (const [, fields] of await raw.xrange(stream, '-', '+')) {
      if (fields[fields.indexOf('f') + 1]!.includes(text)) return fields[fields.indexOf('i') + 1]!;
    }
  }
  throw new Error(`no entry holds ${text}`);
}

describe.runIf(hasRedisServer || process.env.CI)('bounded buffers (real redis-server, killed and restarted)', () => {
  // A unix socket: a loopback port freed by the kill could be taken (another file's server, an outgoing
  // connection's port) before the restart binds it again.
  const suite = redisSuite({ unixSocket: true });

  it('gateway: while Redis is down it holds at most maxBuffer events, counts the rest in overflowed, and writes what it held once Redis is back', async () => {
    const server = suite.server();
    const { sim, client, gateway } = await suite.serve({ prefix: 'buf', partitions: 1, maxBuffer: 5, statsInterval: 50 });
    await sim.waitForConnection();
    await firstValueFrom(gateway.stats$.pipe(filter((s) => s.published >= 1))); // the connection's lifecycle event
    await server.kill();
    // Subscribed after the gateway, so this sees each event after the gateway took it.
    const taken = firstValueFrom(client.groupMessages$.pipe(take(8), toArray()));
    for (let i = 0; i < 8; i++) await sim.emit(sim.events.groupMessage({ group_id: 501, user_id: 7, message: `b${i}` }));
    await taken;
    await server.restart(); // (no persistence: the stream starts empty)
    const stats = await firstValueFrom(gateway.stats$.pipe(filter((s) => s.published >= 6)));
    expect(stats.published).toBe(6);
    expect(stats.overflowed).toBe(3);
    const frames = (await server.client().xrange('buf:events:0', '-', '+')).map(([, f]) => f[f.indexOf('f') + 1]!);
    expect(frames.map((f) => (JSON.parse(f) as { raw_message: string }).raw_message)).toEqual(['b0', 'b1', 'b2', 'b3', 'b4']);
  });

  it('worker: reads at most readAhead entries ahead of its handlers, and the rest once they finish', async () => {
    const server = suite.server();
    const { sim, gateway } = await suite.serve({ prefix: 'ra', partitions: 1, statsInterval: 50 });
    const worker = suite.track(createWorker({ redis: server.url, prefix: 'ra', group: 'bots', consumer: 'w1', partitions: 1, readAhead: 10, leaseTtl: 2_000, blockMs: 50, statsInterval: 50 }));
    await sim.waitForConnection();
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const seen: string[] = [];
    worker.handle('message.group', async (m) => {
      seen.push(String(m.raw_message));
      await gate;
    });
    for (let i = 0; i < 40; i++) await sim.emit(sim.events.groupMessage({ group_id: 501, user_id: 7, message: `r${i}` }));
    await firstValueFrom(gateway.stats$.pipe(filter((s) => s.published >= 41)));
    await firstValueFrom(worker.stats$.pipe(filter((s) => s.delivered >= 10)));
    await firstValueFrom(worker.stats$.pipe(skip(5))); // five more samples: the reader had time to read on, and did not
    const raw = server.client();
    expect(((await raw.xpending('ra:events:0', 'bots')) as [number])[0]).toBe(10);
    open();
    await until(() => seen.length === 40, worker.stats$);
    expect(seen).toEqual(Array.from({ length: 40 }, (_, i) => `r${i}`));
    await until(async () => ((await raw.xpending('ra:events:0', 'bots')) as [number])[0] === 0, worker.stats$);
  });
});
