import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis, type RedisOptions } from 'ioredis';

/** Whether a `redis-server` binary is on the PATH (CI installs the Debian package; see .ci/run). */
export const hasRedisServer: boolean = (() => {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** A real `redis-server`, without persistence unless asked, for one test file or one test. */
export interface RedisServer {
  /** The loopback TCP port, or `undefined` when it listens on a unix socket only. */
  readonly port: number | undefined;
  /** What a gateway or worker is given: `redis://127.0.0.1:<port>`, or the unix socket's path. */
  readonly url: string;
  /** The server's process id while it runs (`undefined` once killed; a new one after `restart`). */
  readonly pid: number | undefined;
  /** A new client (closed by `stop`). */
  client(): Redis;
  /** Kills the server (SIGKILL) and waits for the process to exit (data is lost unless `persistDir`). */
  kill(): Promise<void>;
  /** Starts it again at the same address and waits until it answers PING as this server's process. */
  restart(): Promise<void>;
  /** Stops it, closes every client it handed out and removes its socket directory. */
  stop(): Promise<void>;
}

/** Options of {@link startRedis}. */
export interface RedisServerOptions {
  /**
   * Keep the data across `restart()` in this directory (append-only file, fsync on every write): for the test
   * that restarts Redis mid-run. Default: no persistence at all.
   */
  readonly persistDir?: string;
  /**
   * Listen on a unix socket in a private temporary directory instead of a loopback port (`--port 0`): an address
   * nobody else can take while the server is down, for a test that restarts it at the same address. A freed
   * loopback port can be handed to any process (an ephemeral port of an outgoing connection, another test file's
   * server) before the restart binds it again.
   */
  readonly unixSocket?: boolean;
  /** Called when the server exits without `kill`/`stop` asking it to (a crash: the test can fail at once). */
  readonly onCrash?: (description: string) => void;
}

/** Every redis-server this process started and that still runs: killed when the process exits, whatever the tests did. */
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

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

type Address = { readonly port: number } | { readonly path: string };
const where = (address: Address) => ('path' in address ? address.path : `127.0.0.1:${address.port}`);
const connectOptions = (address: Address): RedisOptions => ('path' in address ? { path: address.path } : { port: address.port, host: '127.0.0.1' });

/** One launched server process: its exit (with the tail of its log) as a promise that rejects. */
interface Launched {
  readonly child: ChildProcess;
  readonly exited: Promise<never>;
  /** Set by `kill`: the exit was asked for. */
  expected: boolean;
  /** Set once it answered: an exit from then on, not asked for, is a crash. */
  up: boolean;
}

function launch(address: Address, options: RedisServerOptions): Launched {
  const persistence =
    options.persistDir === undefined
      ? ['--save', '', '--appendonly', 'no']
      : ['--save', '', '--appendonly', 'yes', '--appendfsync', 'always', '--dir', options.persistDir];
  const listen = 'path' in address ? ['--port', '0', '--unixsocket', address.path, '--unixsocketperm', '700'] : ['--port', String(address.port), '--bind', '127.0.0.1'];
  const child = spawn('redis-server', [...listen, '--protected-mode', 'no', ...persistence], { stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  let output = '';
  const keep = (d: Buffer) => {
    output = (output + d.toString()).slice(-4_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const launched: Launched = {
    child,
    expected: false,
    up: false,
    exited: new Promise<never>((_, reject) => {
      const report = (how: string) => {
        live.delete(child);
        reject(new Error(`redis-server at ${where(address)} ${how}; its last output:\n${output.trim().split('\n').slice(-8).join('\n')}`));
      };
      child.once('error', (e) => report(`could not start (${e.message})`));
      child.once('exit', (code, signal) => report(`exited (${signal ?? code})`));
    }),
  };
  launched.exited.catch((e: unknown) => {
    if (launched.up && !launched.expected) options.onCrash?.(e instanceof Error ? e.message : String(e));
  });
  return launched;
}

/**
 * Resolves when the server at `address` answers PING and reports the launched process's id (retrying the
 * connection until it listens); rejects when the process exits first, or when another server answers there.
 */
async function answered(address: Address, launched: Launched): Promise<void> {
  const probe = new Redis({ ...connectOptions(address), retryStrategy: () => 20, maxRetriesPerRequest: null });
  probe.on('error', () => undefined); // refused until the server listens: retried
  try {
    const info = probe.ping().then(() => probe.info('server'));
    const pid = Number(/process_id:(\d+)/.exec(await Promise.race([info, launched.exited]))?.[1]);
    if (pid !== launched.child.pid) {
      throw new Error(`${where(address)} is answered by another redis-server (pid ${pid}), not the one just started (pid ${launched.child.pid})`);
    }
    launched.up = true;
  } finally {
    probe.disconnect();
  }
}

/** Sends SIGKILL (an expected exit) and waits for the process to be gone. */
async function killLaunched(launched: Launched): Promise<void> {
  launched.expected = true;
  if (launched.child.exitCode === null && launched.child.signalCode === null) launched.child.kill('SIGKILL');
  await launched.exited.catch(() => undefined);
}

/** Launches on a fresh free port; a port taken between the probe and the bind is retried with another one. */
async function launchOnFreePort(options: RedisServerOptions): Promise<{ address: Address; launched: Launched }> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 5; attempt++) {
    const address = { port: await freePort() };
    const launched = launch(address, options);
    try {
      await answered(address, launched);
      return { address, launched };
    } catch (e) {
      lastError = e;
      await killLaunched(launched);
    }
  }
  throw lastError;
}

/** Starts `redis-server` (a free loopback port, or a unix socket) and waits until it answers PING. */
export async function startRedis(options: RedisServerOptions = {}): Promise<RedisServer> {
  const socketDir = options.unixSocket ? mkdtempSync(join(tmpdir(), 'onebot-rx-redis-')) : undefined;
  let address: Address;
  let launched: Launched;
  if (socketDir === undefined) {
    ({ address, launched } = await launchOnFreePort(options));
  } else {
    address = { path: join(socketDir, 'redis.sock') };
    launched = launch(address, options);
    try {
      await answered(address, launched);
    } catch (e) {
      await killLaunched(launched);
      rmSync(socketDir, { recursive: true, force: true });
      throw e;
    }
  }
  const clients: Redis[] = [];
  return {
    port: 'port' in address ? address.port : undefined,
    url: 'port' in address ? `redis://127.0.0.1:${address.port}` : address.path,
    get pid() {
      const { child } = launched;
      return child.exitCode === null && child.signalCode === null ? child.pid : undefined;
    },
    client: () => {
      const c = new Redis({ ...connectOptions(address), maxRetriesPerRequest: null });
      c.on('error', () => undefined);
      clients.push(c);
      return c;
    },
    kill: () => killLaunched(launched),
    restart: async () => {
      await killLaunched(launched);
      launched = launch(address, options);
      await answered(address, launched);
    },
    stop: async () => {
      for (const c of clients.splice(0)) c.disconnect();
      await killLaunched(launched);
      if (socketDir !== undefined) rmSync(socketDir, { recursive: true, force: true });
    },
  };
}
