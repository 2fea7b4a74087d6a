import { firstValueFrom } from 'rxjs';
import { type Server, type Socket, connect, createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createWorker } from '../../src/redis';
import { hasRedisServer } from '../helpers/redis-server';
import { redisSuite } from './redis-suite';
import { entriesIn } from './cluster-harness';

/**
 * A TCP proxy in front of Redis that, once armed with a marker, cuts the connection whose next answer from
 * Redis carries it, without forwarding that answer: a reply read by the server but lost on the way, as when a
 * network path or a Redis host dies at the wrong moment.
 */
async function lossyProxy(port: number): Promise<{ port: number; arm(marker: string): void; cuts(): number; close(): Promise<void> }> {
  let marker: string | undefined;
  let cuts = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client: Socket) => {
    const redis = connect(port, '127.0.0.1');
    sockets.add(client).add(redis);
    const end = () => {
      client.destroy();
      redis.destroy();
    };
    client.on('data', (chunk) => redis.write(chunk));
    redis.on('data', (chunk) => {
      if (marker !== undefined && chunk.includes(marker)) {
        marker = undefined;
        cuts++;
        end();
        return;
      }
      client.write(chunk);
    });
    client.on('close', end).on('error', end);
    redis.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    arm: (m) => {
      marker = m;
    },
    cuts: () => cuts,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

describe.runIf(hasRedisServer || process.env.CI)('a reply lost on its way to the worker (real redis-server, lossy proxy)', () => {
  const suite = redisSuite();

  it('is read again after the reconnect, so the call gets its answer', async () => {
    const server = suite.server();
    const proxy = suite.track(await lossyProxy(server.port!));
    const raw = server.client();
    const worker = suite.track(createWorker({ redis: `redis://127.0.0.1:${proxy.port}`, prefix: 'rl', group: 'bots', consumer: 'w1', partitions: 1, selfId: '999', blockMs: 100 }));
    const call = firstValueFrom(worker.api.get_login_info({}));
    await entriesIn(raw, 'rl:actions:999');
    const [[, posted]] = (await raw.xrange('rl:actions:999', '-', '+')) as [[string, string[]]];
    const fields = Object.fromEntries(posted.flatMap((v, i) => (i % 2 === 0 ? [[v, posted[i + 1]]] : [])));
    const echo = (JSON.parse(fields.f!) as { echo: string }).echo;
    // The gateway's answer, as the gateway writes it; the first read that carries it never reaches the worker.
    proxy.arm('"nickname":"answered once"');
    await raw.xadd(fields.r!, '*', 'f', JSON.stringify({ status: 'ok', retcode: 0, data: { user_id: 4242, nickname: 'answered once' }, echo }));
    expect(await call).toEqual({ user_id: 4242, nickname: 'answered once' });
    expect(proxy.cuts()).toBe(1);
  });
});
