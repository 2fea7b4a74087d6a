import { filter, firstValueFrom } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../src/client/client';
import { createGateway, createWorker } from '../../src/redis';
import { createSimulator } from '../../src/testing';
import { hasRedisServer, type RedisServer, startRedis } from '../helpers/redis-server';

/**
 * close() while Redis is unreachable: the clean-up commands (the gateway's account set, the worker's reply stream,
 * QUIT) used to wait in ioredis's offline queue for a reconnection, so close() never resolved and a process
 * shutting down during a Redis outage hung. They are skipped when the connection is down.
 */
describe.runIf(hasRedisServer || process.env.CI)('close() while Redis is down (real redis-server)', () => {
  const stops: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  });
  const redis = async (): Promise<RedisServer> => {
    const server = await startRedis();
    stops.push(() => server.stop());
    return server;
  };

  it('a gateway closes', { timeout: 30_000 }, async () => {
    const server = await redis();
    const sim = await createSimulator({ heartbeatInterval: 0 });
    const client = createClient({ url: sim.url });
    stops.push(async () => {
      await client.close();
      await sim.close();
    });
    const gateway = createGateway({ redis: server.url, clients: client, prefix: 'down-g', partitions: 4, statsInterval: 20 });
    await sim.waitForConnection();
    await firstValueFrom(gateway.stats$); // its connection is up
    await server.kill();
    await expect(gateway.close()).resolves.toBeUndefined();
  });

  it('a worker closes', { timeout: 30_000 }, async () => {
    const server = await redis();
    const worker = createWorker({ redis: server.url, prefix: 'down-w', group: 'bots', consumer: 'w1', partitions: 4, leaseTtl: 1_000, blockMs: 50, statsInterval: 20 });
    worker.handle('message.group', () => undefined);
    await firstValueFrom(worker.stats$.pipe(filter((s) => Object.keys(s.lag).length > 0))); // it owns partitions
    await server.kill();
    await expect(worker.close()).resolves.toBeUndefined();
  });
});
