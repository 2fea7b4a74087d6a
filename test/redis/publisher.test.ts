import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { createClient } from '../../src/client/client';
import type { Logger } from '../../src/logger';
import { createGateway } from '../../src/redis';
import { keysOf } from '../../src/redis/keys';
import { batchPublisher } from '../../src/redis/publisher';
import { zeroCounters } from '../../src/redis/stats';
import { hasRedisServer, type RedisServer, startRedis } from '../helpers/redis-server';
import { entriesIn } from './cluster-harness';

const silent: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

/** Counts the pipelines and the plain XADDs `redis` is asked for. */
function spied(redis: Redis): { pipelines: number[]; plainXadds: () => number } {
  const pipelines: number[] = [];
  let plain = 0;
  const pipeline = redis.pipeline.bind(redis);
  const xadd = redis.xadd.bind(redis);
  Object.assign(redis, {
    pipeline: (...args: Parameters<Redis['pipeline']>) => {
      const p = pipeline(...args);
      const exec = p.exec.bind(p);
      p.exec = (...rest: Parameters<typeof p.exec>) => {
        pipelines.push(p.length);
        return exec(...rest);
      };
      return p;
    },
    xadd: (...args: unknown[]) => {
      plain++;
      return (xadd as (...a: unknown[]) => unknown)(...args);
    },
  });
  return { pipelines, plainXadds: () => plain };
}

const entry = (n: number): string[] => ['i', `e${n}`, 'f', `{"n":${n}}`];

describe.runIf(hasRedisServer || process.env.CI)('batch publisher (real redis-server)', () => {
  let server: RedisServer;
  let redis: Redis;
  const keys = keysOf('pub');
  beforeAll(async () => {
    // A unix socket: a test restarts the server, and a loopback port freed by the kill could be taken (another
    // file's server, an outgoing connection's port) before the restart binds it again.
    server = await startRedis({ unixSocket: true });
  });
  afterAll(() => server.stop());
  beforeEach(async () => {
    redis = server.client();
    await redis.flushall();
  });

  const framesOf = async (partition: number): Promise<string[]> =>
    (await redis.xrange(keys.events(partition), '-', '+')).map(([, fields]) => fields[3]!);

  it('writes a burst as a few pipelines (one per tick, at most maxBatch each), keeping each partition in order', async () => {
    const spy = spied(redis);
    const counters = zeroCounters();
    const publisher = batchPublisher({ redis, keys, maxLen: 100_000, maxBuffer: 10_000, maxBatch: 1_000, counters, logger: silent, redact: (t) => t });
    for (let n = 0; n < 2_500; n++) publisher.publish(n % 4, entry(n));
    await publisher.flush();
    expect(spy.pipelines).toEqual([1_000, 1_000, 500]);
    expect(spy.plainXadds()).toBe(0);
    expect(counters).toMatchObject({ published: 2_500, overflowed: 0 });
    for (let p = 0; p < 4; p++) {
      const expected = Array.from({ length: 625 }, (_, k) => `{"n":${k * 4 + p}}`);
      expect(await framesOf(p)).toEqual(expected);
    }
  });

  it('events of separate ticks go out as separate pipelines', async () => {
    const spy = spied(redis);
    const counters = zeroCounters();
    const publisher = batchPublisher({ redis, keys, maxLen: 100_000, maxBuffer: 10_000, maxBatch: 1_000, counters, logger: silent, redact: (t) => t });
    publisher.publish(0, entry(0));
    publisher.publish(0, entry(1));
    await new Promise((r) => setImmediate(r));
    publisher.publish(0, entry(2));
    await publisher.flush();
    expect(spy.pipelines).toEqual([2, 1]);
    expect(await framesOf(0)).toEqual(['{"n":0}', '{"n":1}', '{"n":2}']);
  });

  it('counts and logs an XADD Redis refuses (the rest of its pipeline is written), never silently', async () => {
    await redis.set(keys.events(1), 'not a stream');
    const warnings: string[] = [];
    const counters = zeroCounters();
    const logger = { ...silent, warn: (m: string) => warnings.push(m) };
    const publisher = batchPublisher({ redis, keys, maxLen: 100_000, maxBuffer: 10_000, maxBatch: 1_000, counters, logger, redact: (t) => t });
    for (let n = 0; n < 6; n++) publisher.publish(n % 2, entry(n));
    await publisher.flush();
    expect(counters).toMatchObject({ published: 3, overflowed: 3 });
    expect(await framesOf(0)).toEqual(['{"n":0}', '{"n":2}', '{"n":4}']);
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toContain('WRONGTYPE');
  });

  it('holds at most maxBuffer events queued or in flight, counts the rest, and takes events again once written', async () => {
    const counters = zeroCounters();
    const publisher = batchPublisher({ redis, keys, maxLen: 100_000, maxBuffer: 10, maxBatch: 4, counters, logger: silent, redact: (t) => t });
    for (let n = 0; n < 25; n++) publisher.publish(0, entry(n));
    expect(counters.overflowed).toBe(15);
    await publisher.flush();
    publisher.publish(0, entry(99));
    await publisher.flush();
    expect(counters).toMatchObject({ published: 11, overflowed: 15 });
    expect(await framesOf(0)).toEqual([...Array.from({ length: 10 }, (_, n) => `{"n":${n}}`), '{"n":99}']);
  });

  it('holds the batch while Redis is down and writes it, in order, once Redis is back', async () => {
    const own = new Redis(server.url, { maxRetriesPerRequest: null, retryStrategy: () => 20 });
    own.on('error', () => undefined);
    await own.ping();
    await server.kill();
    const counters = zeroCounters();
    const publisher = batchPublisher({ redis: own, keys, maxLen: 100_000, maxBuffer: 100, maxBatch: 10, counters, logger: silent, redact: (t) => t });
    for (let n = 0; n < 30; n++) publisher.publish(n % 2, entry(n));
    const flushed = publisher.flush();
    await server.restart();
    await flushed;
    redis = server.client();
    expect(counters).toMatchObject({ published: 30, overflowed: 0 });
    expect(await framesOf(1)).toEqual(Array.from({ length: 15 }, (_, k) => `{"n":${k * 2 + 1}}`));
    own.disconnect();
  });

  it('the gateway publishes each frame’s text exactly as the server sent it (64-bit IDs, spacing and all)', async () => {
    const text = '{"post_type":"message", "message_type":"group","sub_type":"normal","time":1,"self_id":12345678901234567890,"user_id":9007199254740993,"group_id":7,"message_id":1,"message":[{"type":"text","data":{"text":"hi"}}],"raw_message":"hi","font":0,"sender":{"user_id":9007199254740993}}';
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise((r) => wss.once('listening', r));
    wss.on('connection', (ws) => ws.send(text));
    const { port } = wss.address() as { port: number };
    const client = createClient({ url: `ws://127.0.0.1:${port}` });
    const gateway = createGateway({ redis: server.url, clients: client, prefix: 'pub', partitions: 1 });
    await entriesIn(redis, keys.events(0), 1);
    const [[, fields]] = (await redis.xrange(keys.events(0), '-', '+')) as [[string, string[]]];
    expect(fields[3]).toBe(text);
    expect(fields[5]).toBe('12345678901234567890');
    await gateway.close();
    await client.close();
    await new Promise((r) => wss.close(r));
  });

  it('serves every account one client’s events name, also when they alternate (each account is served once)', async () => {
    const event = (self: number, n: number) =>
      `{"post_type":"message","message_type":"private","sub_type":"friend","time":1,"self_id":${self},"user_id":7,"message_id":${n},"message":[],"raw_message":"","font":0,"sender":{"user_id":7}}`;
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise((r) => wss.once('listening', r));
    wss.on('connection', (ws) => [event(101, 1), event(101, 2), event(202, 3), event(101, 4), event(303, 5)].forEach((t) => ws.send(t)));
    const { port } = wss.address() as { port: number };
    const client = createClient({ url: `ws://127.0.0.1:${port}` });
    const gateway = createGateway({ redis: server.url, clients: client, prefix: 'pub', partitions: 1 });
    await entriesIn(redis, keys.events(0), 5);
    expect((await redis.smembers(keys.accounts)).sort()).toEqual(['101', '202', '303']);
    await gateway.close();
    await client.close();
    await new Promise((r) => wss.close(r));
  });
});

/** An ioredis `AbortError`: what the client answers for the unanswered rest of a pipeline cut by a lost connection. */
function aborted(): Error {
  const e = new Error('Command aborted due to connection close');
  e.name = 'AbortError';
  return e;
}

describe('batch publisher, a pipeline cut by a lost connection (fake client)', () => {
  it('queues the aborted XADDs again ahead of anything newer: nothing lost, each partition in order', async () => {
    const written: string[][] = [];
    let execs = 0;
    const fake = {
      pipeline: () => {
        const batch: string[] = [];
        const p = {
          xadd: (_key: string, _id: string, ...fields: string[]) => {
            batch.push(fields[3]!);
            return p;
          },
          exec: async () => {
            await Promise.resolve();
            execs++;
            // The first pipeline: its first two XADDs answered (applied), the rest aborted (not applied).
            const answered = execs === 1 ? 2 : batch.length;
            written.push(batch.slice(0, answered));
            return batch.map((_, i) => (i < answered ? [null, `${execs}-${i}`] : [aborted(), null]));
          },
        };
        return p;
      },
    };
    const counters = zeroCounters();
    const publisher = batchPublisher({ redis: fake as never, keys: keysOf('abort'), maxLen: 100_000, maxBuffer: 100, maxBatch: 5, counters, logger: silent, redact: (t) => t });
    for (let n = 0; n < 5; n++) publisher.publish(0, entry(n)); // a full batch: written at once
    publisher.publish(0, entry(5)); // newer, queued while the first pipeline is in flight
    await publisher.flush();
    expect(written.flat()).toEqual([0, 1, 2, 3, 4, 5].map((n) => `{"n":${n}}`));
    expect(written[0]).toEqual(['{"n":0}', '{"n":1}']);
    expect(counters).toMatchObject({ published: 6, overflowed: 0 });
  });
});
