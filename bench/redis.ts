/**
 * Redis scale-out stage (`tsx bench/redis.ts [--events N]`): events/s end to end (simulator → gateway → Redis →
 * workers → handler, acknowledged) with 1, 2 and 4 workers, beside a raw ioredis client doing the same XADD /
 * XREADGROUP / XACK on the same partitions in the same run. Workers run in this process (one core for all of
 * them on a 2-core machine), so the figures show the per-event cost, not the scaling more cores would give.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { createClient } from '../src/index';
import { createGateway, createWorker } from '../src/redis/index';
import { createSimulator } from '../src/testing/index';

const PARTITIONS = 16;
const argAt = process.argv.indexOf('--events');
const EVENTS = argAt >= 0 ? Number(process.argv[argAt + 1]) : 20_000;
const CONVERSATIONS = 50;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((r) => setTimeout(r, 20));
}

/** The raw engine: XADD all events (pipelined), one consumer XREADGROUP COUNT 200 + XACK until every entry is acked. */
async function raw(url: string, frame: string): Promise<number> {
  const producer = new Redis(url);
  const consumer = new Redis(url);
  const streams = Array.from({ length: PARTITIONS }, (_, p) => `raw:events:${p}`);
  for (const s of streams) await producer.xgroup('CREATE', s, 'g', '0', 'MKSTREAM');
  const started = performance.now();
  let acked = 0;
  const consume = (async () => {
    while (acked < EVENTS) {
      const reply = (await consumer.xreadgroup('GROUP', 'g', 'c', 'COUNT', 200, 'BLOCK', 100, 'STREAMS', ...streams, ...streams.map(() => '>'))) as
        | [string, [string, string[]][]][]
        | null;
      const pipeline = consumer.pipeline();
      for (const [stream, entries] of reply ?? []) {
        for (const [, fields] of entries) JSON.parse(fields[1]!);
        if (entries.length > 0) pipeline.xack(stream, 'g', ...entries.map(([id]) => id));
        acked += entries.length;
      }
      await pipeline.exec();
    }
  })();
  for (let i = 0; i < EVENTS; i += 500) {
    const pipeline = producer.pipeline();
    for (let j = i; j < Math.min(EVENTS, i + 500); j++) pipeline.xadd(streams[j % PARTITIONS]!, '*', 'f', frame);
    await pipeline.exec();
  }
  await consume;
  const seconds = (performance.now() - started) / 1000;
  producer.disconnect();
  consumer.disconnect();
  return EVENTS / seconds;
}

/** End to end through the SDK with `n` workers (handler: nothing, so the entry is acked when handled). */
async function sdk(url: string, n: number): Promise<number> {
  const prefix = `bench${n}`;
  const groups = Array.from({ length: CONVERSATIONS }, (_, c) => ({ group_id: 1000 + c, group_name: `g${c}` }));
  const sim = await createSimulator({ heartbeatInterval: 0, world: { groups } });
  const socket = createClient({ url: sim.url });
  const gateway = createGateway({ redis: url, clients: socket, prefix, partitions: PARTITIONS, maxBuffer: EVENTS });
  const workers = Array.from({ length: n }, (_, i) => {
    const w = createWorker({ redis: url, prefix, group: 'bench', consumer: `w${i}`, partitions: PARTITIONS, blockMs: 100, leaseTtl: 5_000 });
    w.handle('message.group', () => undefined);
    return w;
  });
  const check = new Redis(url);
  await sim.waitForConnection();
  await until(async () => (await check.keys(`${prefix}:lease:*`)).length === PARTITIONS && (await check.zcard(`${prefix}:members`)) === n);
  const events = Array.from({ length: EVENTS }, (_, i) => sim.events.groupMessage({ group_id: 1000 + (i % CONVERSATIONS), user_id: 42, message: `m${i}` }));
  const started = performance.now();
  for (const e of events) await sim.emit(e);
  await until(async () => Number((await check.hget(`${prefix}:stats`, 'acked')) ?? 0) >= EVENTS);
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(workers.map((w) => w.close()));
  await gateway.close();
  await socket.close();
  await sim.close();
  check.disconnect();
  return EVENTS / seconds;
}

async function main(): Promise<void> {
  if (spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status !== 0) {
    console.log('redis stage skipped: redis-server is not installed');
    return;
  }
  const port = await freePort();
  const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  const probe = new Redis(url, { retryStrategy: () => 20 });
  probe.on('error', () => undefined);
  await probe.ping();
  probe.disconnect();
  try {
    const frame = JSON.stringify({ post_type: 'message', message_type: 'group', group_id: 1000, user_id: 42, message: [{ type: 'text', data: { text: 'm' } }] });
    const rawRate = await raw(url, frame);
    console.log(`  raw XADD/XREADGROUP/XACK   ${rawRate.toFixed(0).padStart(8)} events/s`);
    for (const n of [1, 2, 4]) {
      const rate = await sdk(url, n);
      console.log(`  onebot-rx, ${n} worker${n > 1 ? 's' : ' '}        ${rate.toFixed(0).padStart(8)} events/s  (${(rate / rawRate).toFixed(2)}x raw)`);
    }
  } finally {
    server.kill('SIGTERM');
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
