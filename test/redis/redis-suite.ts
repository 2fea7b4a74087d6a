import { afterAll, afterEach, beforeAll } from 'vitest';
import { type Client, createClient } from '../../src/client/client';
import { createGateway, type Gateway, type GatewayOptions } from '../../src/redis';
import { createSimulator, type Simulator, type SimulatorOptions } from '../../src/testing';
import { type RedisServer, type RedisServerOptions, startRedis } from '../helpers/redis-server';

/** Something a test starts and the suite closes after it (a simulator, a client, a gateway, a worker). */
interface Closable {
  close(): Promise<unknown>;
}

/** What {@link redisSuite} gives a describe block. */
export interface RedisSuite {
  /** The block's redis-server (started before its first test). */
  server(): RedisServer;
  /** Closes `part` after the current test (the last tracked first) and returns it. */
  track<T extends Closable>(part: T): T;
  /**
   * Starts a simulator (no heartbeats, `world` as given), a client connected to it and a gateway on the block's
   * server (unless `gateway.redis` says otherwise), each closed after the test.
   */
  serve(gateway: ServedGatewayOptions, world?: SimulatorOptions['world']): Promise<{ sim: Simulator; client: Client; gateway: Gateway }>;
}

/** A gateway's options in {@link RedisSuite.serve}: its client is the simulator's, its Redis the suite's by default. */
export type ServedGatewayOptions = Omit<GatewayOptions, 'redis' | 'clients'> & { readonly redis?: GatewayOptions['redis'] };

/**
 * A real redis-server for one describe block, started before its tests and stopped after them. What a test
 * `track`s is closed after it, last first (workers before the gateway, the gateway before its client, the
 * client before the simulator), then the server is flushed. `options` go to `startRedis` (a block whose tests
 * restart the server takes `{ unixSocket: true }`: nobody can take its address while it is down).
 *
 * @example
 * const suite = redisSuite();
 * it('…', async () => {
 *   const sim = suite.track(await createSimulator());
 *   const worker = suite.track(createWorker({ redis: suite.server().url, group: 'g', consumer: 'w1' }));
 * });
 */
export function redisSuite(options: RedisServerOptions = {}): RedisSuite {
  let server: RedisServer | undefined;
  let flusher: ReturnType<RedisServer['client']> | undefined;
  let parts: Closable[] = [];
  beforeAll(async () => {
    server = await startRedis(options);
    flusher = server.client(); // connected first: it stays authenticated if a block then sets a password
  });
  afterAll(() => server?.stop());
  afterEach(async () => {
    const closing = parts.reverse();
    parts = [];
    for (const part of closing) await part.close();
    await flusher?.flushall();
  });
  const suite: RedisSuite = {
    server: () => {
      if (server === undefined) throw new Error('redisSuite: the server starts in beforeAll; use it inside a test');
      return server;
    },
    track: (part) => {
      parts.push(part);
      return part;
    },
    serve: async (options, world) => {
      const sim = suite.track(await createSimulator({ heartbeatInterval: 0, ...(world === undefined ? {} : { world }) }));
      const client = suite.track(createClient({ url: sim.url }));
      const gateway = suite.track(createGateway({ redis: suite.server().url, ...options, clients: client }));
      return { sim, client, gateway };
    },
  };
  return suite;
}
