import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { hasRedisServer, startRedis } from '../helpers/redis-server';

/**
 * The test helper that starts redis-server: a restart must come back as the same server at the same address,
 * or fail saying so. A loopback port freed by the kill can be taken by any process meanwhile (another test
 * file's server picks free ports too); a restart that then took the other server's PING for its own resumed
 * the test against a foreign, empty Redis, and the test waited for its lost entries until its timeout.
 */
describe.runIf(hasRedisServer || process.env.CI)('the redis-server test helper', () => {
  const stops: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  });

  it('fails a restart whose port another redis-server took while it was down', async () => {
    const server = await startRedis();
    stops.push(() => server.stop());
    await server.kill();
    const other = spawn('redis-server', ['--port', String(server.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    const exited = new Promise((resolve) => other.once('exit', resolve));
    stops.push(async () => {
      other.kill('SIGKILL');
      await exited;
    });
    const taker = new Redis({ port: server.port!, host: '127.0.0.1', retryStrategy: () => 20, maxRetriesPerRequest: null });
    taker.on('error', () => undefined); // refused until the other server listens
    stops.push(() => taker.disconnect());
    await taker.ping(); // the other server holds the port now
    // The restarted process cannot bind the port: whether its exit or the other server's answer to the probe
    // comes first is a race between two processes (the exit won 2 times in 30), and either fails the restart.
    await expect(server.restart()).rejects.toThrow(/answered by another redis-server|bind: Address already in use/);
  });

  it('restarts a unix-socket server at the same path, with its data, and removes the socket directory on stop', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'onebot-rx-helper-'));
    stops.push(() => rmSync(dir, { recursive: true, force: true }));
    const server = await startRedis({ unixSocket: true, persistDir: dir });
    expect(server.port).toBeUndefined();
    expect(server.url.startsWith('/')).toBe(true);
    const client = server.client();
    await client.set('k', 'v');
    const before = server.pid;
    await server.restart();
    expect(server.pid).not.toBe(before);
    expect(await client.get('k')).toBe('v'); // the client reconnected to the restarted server at the same path
    await server.stop();
    expect(existsSync(dirname(server.url))).toBe(false);
  });
});
