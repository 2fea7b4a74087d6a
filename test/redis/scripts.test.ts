import type { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { keysOf } from '../../src/redis/keys';
import { ACQUIRE, CLAIM, MEMBERS, RELEASE, RENEW, TRIM } from '../../src/redis/scripts';
import { hasRedisServer, type RedisServer, startRedis } from '../helpers/redis-server';

describe.runIf(hasRedisServer || process.env.CI)('Redis scripts (real redis-server)', () => {
  let server: RedisServer;
  let redis: Redis;
  const keys = keysOf('t');
  beforeAll(async () => {
    server = await startRedis();
    redis = server.client();
  });
  afterAll(() => server.stop());
  beforeEach(() => redis.flushall());

  it('leases: one holder at a time, each acquisition a new epoch, renew and release only by the holder', async () => {
    const lease = [keys.lease(0), keys.epoch(0)];
    expect(await ACQUIRE.run(redis, lease, ['a', 60_000])).toBe(1);
    expect(await ACQUIRE.run(redis, lease, ['b', 60_000])).toBe(0);
    expect(await RENEW.run(redis, [keys.lease(0)], ['b|1', 60_000])).toBe(0);
    expect(await RENEW.run(redis, [keys.lease(0)], ['a|1', 60_000])).toBe(1);
    expect(await RELEASE.run(redis, [keys.lease(0)], ['b|1'])).toBe(0);
    expect(await RELEASE.run(redis, [keys.lease(0)], ['a|1'])).toBe(1);
    expect(await ACQUIRE.run(redis, lease, ['b', 60_000])).toBe(2);
    expect(await RENEW.run(redis, [keys.lease(0)], ['a|1', 60_000])).toBe(0);
  });

  it('a lease expires by itself (server time), and the next holder gets a higher epoch', async () => {
    await ACQUIRE.run(redis, [keys.lease(1), keys.epoch(1)], ['a', 30]);
    let epoch = 0;
    while (epoch === 0) epoch = Number(await ACQUIRE.run(redis, [keys.lease(1), keys.epoch(1)], ['b', 60_000])); // positive signal: it expired
    expect(epoch).toBe(2);
  });

  it('members: joins, lists, leaves, and drops the expired', async () => {
    expect(await MEMBERS.run(redis, [keys.members], ['w1', 60_000])).toEqual(['w1']);
    expect((await MEMBERS.run(redis, [keys.members], ['w2', 60_000]) as string[]).sort()).toEqual(['w1', 'w2']);
    expect(await MEMBERS.run(redis, [keys.members], ['w1', 0])).toEqual(['w2']);
    await redis.zadd(keys.members, 1, 'ghost');
    expect(await MEMBERS.run(redis, [keys.members], ['w2', 60_000])).toEqual(['w2']);
  });

  it('claims: a key runs once, repeats see the record, an older epoch is refused without claiming, a lost answer is claimed again by the same claimant', async () => {
    const idem = keys.idempotency('e1:0');
    await redis.set(keys.epoch(3), '5');
    expect(await CLAIM.run(redis, [idem, keys.epoch(3), keys.stats], ['4', 60_000, 'gw:1-0'])).toEqual(['stale', '5']);
    expect(await redis.exists(idem)).toBe(0);
    expect(await CLAIM.run(redis, [idem, keys.epoch(3), keys.stats], ['5', 60_000, 'gw:1-0'])).toEqual(['new']);
    expect(await CLAIM.run(redis, [idem, keys.epoch(3), keys.stats], ['5', 60_000, 'gw:1-0'])).toEqual(['new']); // its own answer was lost
    expect(await CLAIM.run(redis, [idem, keys.epoch(3), keys.stats], ['6', 60_000, 'gw:2-0'])).toEqual(['dup', 'P|gw:1-0']);
    await redis.set(idem, '{"status":"ok"}', 'KEEPTTL');
    expect(await CLAIM.run(redis, [idem, idem, keys.stats], ['', 60_000, 'gw:1-0'])).toEqual(['dup', '{"status":"ok"}']);
    expect(await redis.hget(keys.stats, 'duplicatesSuppressed')).toBe('2');
    expect(await redis.pttl(idem)).toBeGreaterThan(0);
  });

  it('trim: counts the entries trimmed before a group handled them (unread or pending), not the acked ones', async () => {
    const stream = keys.events(0);
    for (let i = 1; i <= 10; i++) await redis.xadd(stream, `1-${i}`, 'n', String(i));
    expect(await TRIM.run(redis, [stream, keys.stats], [8, 100])).toBe(2); // no group yet: both unhandled
    await redis.xgroup('CREATE', stream, 'g', '0');
    const read = (await redis.xreadgroup('GROUP', 'g', 'c', 'COUNT', 4, 'STREAMS', stream, '>')) as [string, [string, string[]][]][];
    const ids = read[0]![1].map(([id]) => id); // 1-3 … 1-6
    await redis.xack(stream, 'g', ids[0]!, ids[1]!); // 1-3, 1-4 handled; 1-5, 1-6 pending
    expect(await TRIM.run(redis, [stream, keys.stats], [2, 100])).toBe(4); // trims 1-3 … 1-8: 1-5, 1-6 pending + 1-7, 1-8 unread
    expect(await redis.xlen(stream)).toBe(2);
    expect(await redis.hget(keys.stats, 'trimmed')).toBe('6');
    expect(await TRIM.run(redis, [stream, keys.stats], [5, 100])).toBe(0);
  });
});
