import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keysOf } from '../../src/redis/keys';
import { type Ownership, keepLeases } from '../../src/redis/leases';
import { hasRedisServer, type RedisServer, startRedis } from '../helpers/redis-server';

describe.runIf(hasRedisServer || process.env.CI)('lease keeper (real redis-server)', () => {
  let server: RedisServer;
  let redis: Redis;
  beforeAll(async () => {
    server = await startRedis();
    redis = server.client();
  });
  afterAll(async () => {
    redis.disconnect();
    await server.stop();
  });

  it('a take-over that fails gives the lease up and takes the partition again with a new epoch (never held unread)', async () => {
    const keys = keysOf('lk');
    const acquired: Ownership[] = [];
    const lost: Ownership[] = [];
    let resolveSecond!: () => void;
    const second = new Promise<void>((resolve) => (resolveSecond = resolve));
    const leases = keepLeases(
      { redis, keys, partitions: 1, member: 'm', owner: 'm/1', leaseTtl: 2_000, wanted: () => true, onError: () => undefined },
      {
        acquired: async (o) => {
          acquired.push(o);
          if (acquired.length === 1) throw new Error('LOADING Redis is loading the dataset in memory');
          resolveSecond();
        },
        lost: (o) => lost.push(o),
        drain: async () => undefined,
      },
    );
    await second;
    expect(acquired.map((o) => o.epoch)).toEqual([1, 2]);
    expect(lost).toEqual([acquired[0]]);
    expect(leases.owned.get(0)).toBe(acquired[1]);
    expect(await redis.get(keys.lease(0))).toBe('m/1|2');
    await leases.stop();
  });
});
