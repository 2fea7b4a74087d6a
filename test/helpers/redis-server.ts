import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';

/** Whether a `redis-server` binary is on the PATH (CI installs the Debian package; see .ci/run). */
export const hasRedisServer: boolean = (() => {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** A real `redis-server` on loopback, without persistence, for one test file. */
export interface RedisServer {
  readonly port: number;
  readonly url: string;
  /** A new client (closed by `stop`). */
  client(): Redis;
  /** Kills the server (SIGKILL) and waits for the process to exit (data is lost unless `persistDir`). */
  kill(): Promise<void>;
  /** Starts it again on the same port and waits until it answers PING. */
  restart(): Promise<void>;
  /** Stops it and closes every client it handed out. */
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Resolves when the server answers PING (retrying the connection until it does), or rejects when the process exits. */
async function answered(port: number, process: ChildProcess): Promise<void> {
  const exited = new Promise<never>((_, reject) => process.once('exit', (code) => reject(new Error(`redis-server exited (${code})`))));
  const probe = new Redis({ port, host: '127.0.0.1', retryStrategy: () => 20, maxRetriesPerRequest: null });
  probe.on('error', () => undefined); // refused until the server listens: retried
  try {
    await Promise.race([probe.ping(), exited]);
  } finally {
    probe.disconnect();
  }
}

/** Options of {@link startRedis}. */
export interface RedisServerOptions {
  /**
   * Keep the data across `restart()` in this directory (append-only file, fsync on every write): for the test
   * that restarts Redis mid-run. Default: no persistence at all.
   */
  readonly persistDir?: string;
}

function launch(port: number, options: RedisServerOptions): ChildProcess {
  const persistence =
    options.persistDir === undefined
      ? ['--save', '', '--appendonly', 'no']
      : ['--save', '', '--appendonly', 'yes', '--appendfsync', 'always', '--dir', options.persistDir];
  return spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--protected-mode', 'no', ...persistence], { stdio: 'ignore' });
}

/** Starts `redis-server` on a free loopback port and waits until it answers PING. */
export async function startRedis(options: RedisServerOptions = {}): Promise<RedisServer> {
  const port = await freePort();
  let child = launch(port, options);
  await answered(port, child);
  const clients: Redis[] = [];
  const kill = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await exited;
  };
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    client: () => {
      const c = new Redis({ port, host: '127.0.0.1', maxRetriesPerRequest: null });
      c.on('error', () => undefined);
      clients.push(c);
      return c;
    },
    kill,
    restart: async () => {
      await kill();
      child = launch(port, options);
      await answered(port, child);
    },
    stop: async () => {
      for (const c of clients.splice(0)) c.disconnect();
      await kill();
    },
  };
}
