/**
 * Scale-out demo: the embedded OneBot 11 simulator, a gateway holding its socket, and two workers sharing
 * the conversations through Redis Streams, in one command. Each group's messages go to one worker, in order;
 * every reply goes out once, through the gateway.
 *
 *   npm run demo:cluster                              # starts a local redis-server (Debian: apt install redis-server)
 *   REDIS_URL=redis://127.0.0.1:6379 npm run demo:cluster   # uses a running Redis instead (keys under demo-<pid>:)
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { filter, firstValueFrom, take, toArray } from 'rxjs';
import { createClient, textOf } from '../../src/index';
import { createGateway, createWorker } from '../../src/redis/index';
import { createSimulator } from '../../src/testing/index';

const GROUPS = [
  { group_id: 100_001, group_name: 'Rust 学习群' },
  { group_id: 100_002, group_name: 'TypeScript 交流' },
  { group_id: 100_003, group_name: '摸鱼' },
];

/** A free loopback port. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Starts `redis-server` without persistence; resolves once it says it is ready. */
async function startRedis(): Promise<{ url: string; stop(): Promise<void> } | undefined> {
  if (spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status !== 0) return undefined;
  const port = await freePort();
  const child: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Ready to accept connections')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited (${code})`)));
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function main(): Promise<void> {
  const local = process.env.REDIS_URL === undefined ? await startRedis() : undefined;
  const url = process.env.REDIS_URL ?? local?.url;
  if (url === undefined) {
    console.log('demo:cluster needs Redis: install redis-server (Debian/Ubuntu: apt install redis-server) or set REDIS_URL=redis://host:6379');
    return;
  }
  const prefix = `demo-${process.pid}`;
  const sim = await createSimulator({ heartbeatInterval: 0, world: { groups: GROUPS } });
  const socket = createClient({ url: sim.url });
  const gateway = createGateway({ redis: url, clients: socket, prefix, partitions: 8 });
  const workers = ['worker-a', 'worker-b'].map((consumer) => {
    const worker = createWorker({ redis: url, prefix, group: 'echo', consumer, partitions: 8, blockMs: 200 });
    worker.handle('message.group', (m, ctx) => {
      console.log(`  ${consumer} ← group ${m.group_id}: ${textOf(m)}`);
      return ctx.reply(`${consumer} says: ${textOf(m).toUpperCase()}`);
    });
    return worker;
  });
  console.log(`Redis ${local === undefined ? 'at REDIS_URL' : 'started locally'}; gateway + 2 workers over 8 partitions`);
  await sim.waitForConnection();
  // Balanced: each worker owns its half of the partitions (so the conversations spread over both).
  await Promise.all(workers.map((w) => firstValueFrom(w.stats$.pipe(filter((s) => Object.keys(s.lag).length === 8 / workers.length)))));

  const lines = ['hello', 'how are you', 'ping', 'scale out', 'bye'];
  const sends = firstValueFrom(sim.calls$.pipe(filter((c) => c.action === 'send_group_msg'), take(lines.length * GROUPS.length), toArray()));
  for (const text of lines) {
    for (const group of GROUPS) await sim.emit(sim.events.groupMessage({ group_id: group.group_id, user_id: 20_001, message: text }));
  }
  const replies = await sends;
  console.log(`→ the simulator received ${replies.length} replies for ${lines.length * GROUPS.length} messages (each once)`);
  // Every entry acked: the 15 messages and the entry of the connection's lifecycle event, published first.
  const stats = await firstValueFrom(gateway.stats$.pipe(filter((s) => s.acked >= replies.length + 1)));
  console.log(`stats: published ${stats.published}, acked ${stats.acked}, duplicates suppressed ${stats.duplicatesSuppressed}, trimmed ${stats.trimmed}`);

  await Promise.all(workers.map((w) => w.close({ drain: 2_000 })));
  await gateway.close();
  await socket.close();
  await sim.close();
  await local?.stop();
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
