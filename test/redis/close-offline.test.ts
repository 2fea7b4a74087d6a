import { type Socket, connect, createServer } from 'node:net';
import { filter, firstValueFrom } from 'rxjs';
import { WebSocketServer } from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../src/client/client';
import { createGateway, createWorker } from '../../src/redis';
import { createSimulator } from '../../src/testing';
import { hasRedisServer, type RedisServer, startRedis } from '../helpers/redis-server';
import { until } from './cluster-harness';

/**
 * A TCP proxy in front of Redis at `port` that goes down for good at the first command a client sends holding
 * `marker`: that command is not forwarded, every connection is cut and every new one refused, so the command
 * can never be answered. `down` resolves then.
 */
async function goesDownAt(port: number, marker: string): Promise<{ url: string; down: Promise<void>; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  let isDown = false;
  let wentDown: () => void = () => undefined;
  const down = new Promise<void>((resolve) => (wentDown = resolve));
  const proxy = createServer((client) => {
    if (isDown) return void client.destroy();
    const redis = connect(port, '127.0.0.1');
    sockets.add(client).add(redis);
    const end = () => {
      client.destroy();
      redis.destroy();
    };
    client.on('data', (chunk) => {
      if (isDown) return;
      if (!chunk.includes(marker)) return void redis.write(chunk);
      isDown = true;
      for (const s of sockets) s.destroy();
      wentDown();
    });
    redis.on('data', (chunk) => isDown || client.write(chunk));
    client.on('close', end).on('error', end);
    redis.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    url: `redis://127.0.0.1:${(proxy.address() as { port: number }).port}`,
    down,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => proxy.close(() => resolve()));
    },
  };
}

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

  it('a gateway with an action in flight closes', { timeout: 30_000 }, async () => {
    // A OneBot server that takes actions and never answers: the gateway's execution waits for its reply, then
    // would answer to Redis, which is gone by then.
    const onebot = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise((resolve) => onebot.once('listening', resolve));
    const received: string[] = [];
    onebot.on('connection', (socket) => {
      socket.send(JSON.stringify({ post_type: 'meta_event', meta_event_type: 'lifecycle', sub_type: 'connect', self_id: 10_001, time: 1 }));
      socket.on('message', (data) => received.push(String(data)));
    });
    const server = await redis();
    const client = createClient({ url: `ws://127.0.0.1:${(onebot.address() as { port: number }).port}` });
    stops.push(async () => {
      await client.close();
      for (const socket of onebot.clients) socket.terminate();
      await new Promise((resolve) => onebot.close(resolve));
    });
    const gateway = createGateway({ redis: server.url, clients: client, prefix: 'down-a', partitions: 4, statsInterval: 20 });
    const raw = server.client();
    await firstValueFrom(gateway.stats$.pipe(filter((s) => s.published >= 1))); // it holds the account
    // real-time: an action entry's deadline is wall-clock ms by the wire format; ten minutes is never reached here
    const far = String(Date.now() + 600_000);
    await raw.xadd('down-a:actions:10001', '*', 'k', 'r:1', 'f', JSON.stringify({ action: 'get_status', params: {}, echo: 'e1' }), 'r', 'down-a:replies:x', 'd', far);
    await until(() => received.some((text) => text.includes('get_status')), gateway.stats$);
    await server.kill();
    await expect(gateway.close()).resolves.toBeUndefined();
  });

  it('a worker whose Redis went away while it was taking a partition closes', { timeout: 30_000 }, async () => {
    const server = await redis();
    // The only command naming an epoch key is a lease acquisition: its answer never comes, so the lease tick
    // that sent it waits (it waited for ever, and close() with it).
    const proxy = await goesDownAt(server.port!, ':epoch:');
    stops.push(() => proxy.close());
    const worker = createWorker({ redis: proxy.url, prefix: 'down-t', group: 'bots', consumer: 'w1', partitions: 4, leaseTtl: 1_000, blockMs: 50 });
    worker.handle('message.group', () => undefined);
    await proxy.down;
    await expect(worker.close()).resolves.toBeUndefined();
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
