/**
 * Redis scale-out stage (`tsx bench/redis.ts [--events N] [--rounds R] [--workers 1,2,4] [--commands]`):
 * events/s end to end through the SDK with 1, 2 and 4 workers, beside the same job done by hand and beside the
 * engine alone, in the same round; R rounds (default 3), each ratio paired within its round, and the medians.
 *
 * - Events: the bench's load server (`load-server.ts`, its own process, as NapCat is) blasts N realistic
 *   NapCat group messages (~900 bytes, 50 groups) over one WebSocket as fast as the socket takes them, as a
 *   busy account does. The SDK path is gateway (WebSocket, event decode, XADD of the frame text, batched per
 *   tick) → Redis → workers (XREADGROUP, event decode, `handle()` dispatch to a handler that returns at once)
 *   → XACK; the clock runs from the gateway's start to the last entry acknowledged.
 * - Raw (`raw ws → Redis → consumer`, the baseline of the issue's ratio, as every other stage of this bench
 *   compares with a raw `ws` + `JSON.parse` client): the same job by hand. A `ws` client takes the same frames
 *   from the load server, `JSON.parse`s each for its routing key, XADDs the frame text with the gateway's
 *   fields to the same partition, the events of one tick in one pipeline; one consumer reads COUNT 200 across
 *   all partitions, `JSON.parse`s each frame and XACKs once per stream per read.
 * - Engine (`engine (prebuilt XADDs)`, an extra line so nothing is hidden): the same frames and fields XADDed
 *   from memory in pipelines of {@link BURST}, the same consumer. It pays no WebSocket and no parse on the
 *   producer side: the limit of ioredis + Redis on this machine, not a job a gateway can do.
 * - Gateway and workers run in this process (one core for all of them on a 2-core machine, Redis on the
 *   other), so the figures show the per-event cost, not the scaling more cores would give. For that, each
 *   round also times the two halves apart: the gateway alone (WebSocket to XADD) against the raw XADDs alone.
 * - `--worker-processes` runs each worker in a process of its own, as deployed (the gateway stays here; `CPU per
 *   event` is then the gateway process's alone). It shows scaling only where cores outnumber the processes: on a
 *   2-core machine the load server, Redis, the gateway and N workers share two cores.
 * - Each line gives the CPU time per event of this process and of Redis (what the machine's load does not
 *   change much), and how the main thread spent the wall time (/proc/self/schedstat): running, waiting for a
 *   CPU (other processes had it), or idle (waiting for I/O: a stall).
 * - It runs itself compiled (esbuild, as the client bench does), so no TypeScript loader is on the clock.
 * - `--commands` prints the Redis commands per event of each run (`INFO commandstats`); `BENCH_WINDOW=1` prints
 *   each run's `process.hrtime` window (µs), to cut a `node --cpu-prof` profile to the measured part.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { WebSocket } from 'ws';
import { createClient } from '../src/index';
import { createGateway, createWorker } from '../src/redis/index';
import { partitionOf } from '../src/redis/partition';
import { EVENT_FIELDS as E } from '../src/redis/wire';
import { compileScripts } from './compile';
import { eventFrames } from './frames';
import { startLoadServer } from './processes';

const PARTITIONS = 16;
const argAt = process.argv.indexOf('--events');
const EVENTS = argAt >= 0 ? Number(process.argv[argAt + 1]) : 20_000;
/** Events XADDed in one pipeline by the raw producer. */
const BURST = 500;
const SHOW_COMMANDS = process.argv.includes('--commands');
const roundsAt = process.argv.indexOf('--rounds');
/** Rounds of raw, then each worker count; the ratios are paired within a round and their median reported. */
const ROUNDS = roundsAt >= 0 ? Number(process.argv[roundsAt + 1]) : 3;
const workersAt = process.argv.indexOf('--workers');
const WORKER_COUNTS = workersAt >= 0 ? process.argv[workersAt + 1]!.split(',').map(Number) : [1, 2, 4];
/** `--worker-processes`: each worker in a process of its own (as deployed), instead of in the gateway's process. */
const WORKER_PROCESSES = process.argv.includes('--worker-processes');
/** Set in a worker child (`--worker-processes`): `<redis url> <prefix> <consumer>`. */
const WORKER_CHILD = 'ONEBOT_RX_BENCH_WORKER';
/** The load server's frames (the same ones, round-robin, as `load-server.ts` sends). */
const FRAMES = eventFrames(512).map((b) => b.toString());

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((r) => setTimeout(r, 10));
}

/** Redis commands per event since the last `CONFIG RESETSTAT` (`--commands`): what a run asks of the server. */
async function commandsPerEvent(admin: Redis): Promise<string> {
  const info = await admin.info('commandstats');
  const counts = [...info.matchAll(/cmdstat_(\w+(?:\|\w+)?):calls=(\d+)/g)].map(([, name, calls]) => [name!, Number(calls) / EVENTS] as const);
  const total = counts.reduce((sum, [, n]) => sum + n, 0);
  const top = counts.filter(([, n]) => n >= 0.0005).sort((a, b) => b[1] - a[1]);
  const failed = [...info.matchAll(/cmdstat_(\w+(?:\|\w+)?):.*failed_calls=(\d+)/g)].filter(([, , n]) => Number(n) > 0).map(([, name, n]) => `${name} ${n}`);
  return `${total.toFixed(2)} commands/event: ${top.map(([name, n]) => `${name} ${n.toFixed(3)}`).join(', ')}${failed.length > 0 ? `; failed: ${failed.join(', ')}` : ''}`;
}

/** One measured run: events/s, and the CPU time per event of this process and of Redis (µs). */
interface Run {
  readonly rate: number;
  readonly nodeCpu: number;
  readonly redisCpu: number;
  /** Shares of the wall time the main thread ran, waited for a CPU (the machine busy), and waited for I/O. */
  readonly running: number;
  readonly starved: number;
  readonly idle: number;
  /** Redis commands per event within the run (`--commands`), else ''. */
  readonly commands: string;
}

/** The main thread's time on a CPU and waiting for one (runnable, not running), ns; zeros where /proc is missing. */
function schedStat(): [onCpu: number, waiting: number] {
  try {
    const [onCpu, waiting] = readFileSync('/proc/self/schedstat', 'utf8').split(' ').map(Number);
    return [onCpu ?? 0, waiting ?? 0];
  } catch {
    return [0, 0];
  }
}

/** Redis's own CPU time so far (s), from `INFO cpu`. */
async function redisCpuSeconds(admin: Redis): Promise<number> {
  const info = await admin.info('cpu');
  const field = (name: string) => Number(new RegExp(`${name}:([\\d.]+)`).exec(info)?.[1] ?? 0);
  return field('used_cpu_sys') + field('used_cpu_user');
}

/** Times `body` (wall clock, this process's CPU, Redis's CPU) as a {@link Run} over {@link EVENTS}. */
async function measured(admin: Redis, body: () => Promise<void>): Promise<Run> {
  if (SHOW_COMMANDS) await admin.config('RESETSTAT');
  const redisBefore = await redisCpuSeconds(admin);
  const started = performance.now();
  const hrStarted = process.hrtime.bigint() / 1000n;
  const cpu = process.cpuUsage();
  const sched = schedStat();
  await body();
  const [onCpu, waiting] = schedStat().map((v, i) => v - sched[i]!) as [number, number];
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  if (process.env.BENCH_WINDOW) console.log(`window ${hrStarted} ${process.hrtime.bigint() / 1000n}`);
  const commands = SHOW_COMMANDS ? await commandsPerEvent(admin) : '';
  const redisSeconds = (await redisCpuSeconds(admin)) - redisBefore;
  const wall = seconds * 1e9;
  return {
    rate: EVENTS / seconds,
    nodeCpu: (used.user + used.system) / EVENTS,
    redisCpu: (redisSeconds * 1e6) / EVENTS,
    running: onCpu / wall,
    starved: waiting / wall,
    idle: Math.max(0, 1 - (onCpu + waiting) / wall),
    commands,
  };
}

/** XADDs every frame in pipelines of {@link BURST} to `streams`. */
async function produce(producer: Redis, streams: readonly string[]): Promise<void> {
  for (let i = 0; i < EVENTS; i += BURST) {
    const pipeline = producer.pipeline();
    for (let j = i; j < Math.min(EVENTS, i + BURST); j++) {
      pipeline.xadd(streams[j % PARTITIONS]!, '*', E.id, `raw-${j}`, E.frame, FRAMES[j % FRAMES.length]!, E.self, '3889012345', E.time, String(Date.now()));
    }
    await pipeline.exec();
  }
}

/** The producer half alone: the raw XADDs (what a gateway's work compares with). */
async function rawProducer(url: string, round: number): Promise<Run> {
  const producer = new Redis(url);
  const streams = Array.from({ length: PARTITIONS }, (_, p) => `rawp${round}:events:${p}`);
  const run = await measured(producer, () => produce(producer, streams));
  producer.disconnect();
  return run;
}

/** The gateway alone (no worker): WebSocket events to partition entries, until all are written. */
async function gatewayAlone(url: string, loadUrl: string, round: number): Promise<Run> {
  const prefix = `gw${round}`;
  const check = new Redis(url);
  let socket: ReturnType<typeof createClient> | undefined;
  let gateway: ReturnType<typeof createGateway> | undefined;
  const written = async () => {
    const pipeline = check.pipeline();
    for (let p = 0; p < PARTITIONS; p++) pipeline.xlen(`${prefix}:events:${p}`);
    return ((await pipeline.exec()) ?? []).reduce((sum, [, n]) => sum + Number(n), 0);
  };
  const run = await measured(check, async () => {
    socket = createClient({ url: `${loadUrl}/?mode=events&count=${EVENTS}` });
    gateway = createGateway({ redis: url, clients: socket, prefix, partitions: PARTITIONS, maxBuffer: EVENTS });
    await until(async () => (await written()) >= EVENTS);
  });
  await gateway?.close();
  await socket?.close();
  check.disconnect();
  return run;
}

/** The raw engine: XADD every frame (pipelined), one consumer XREADGROUP COUNT 200 + XACK until every entry is acked. */
async function raw(url: string, round: number): Promise<Run> {
  const producer = new Redis(url);
  const consumer = new Redis(url);
  const streams = Array.from({ length: PARTITIONS }, (_, p) => `raw${round}:events:${p}`);
  for (const s of streams) await producer.xgroup('CREATE', s, 'g', '0', 'MKSTREAM');
  const run = await measured(producer, async () => {
    const consume = rawConsume(consumer, streams);
    await produce(producer, streams);
    await consume;
  });
  producer.disconnect();
  consumer.disconnect();
  return run;
}

/**
 * One raw consumer: XREADGROUP COUNT 200 across `streams`, `JSON.parse` of each frame, one XACK pipeline per
 * read, until {@link EVENTS} entries are acknowledged.
 */
async function rawConsume(consumer: Redis, streams: readonly string[]): Promise<void> {
  let acked = 0;
  while (acked < EVENTS) {
    const reply = (await consumer.xreadgroup('GROUP', 'g', 'c', 'COUNT', 200, 'BLOCK', 100, 'STREAMS', ...streams, ...streams.map(() => '>'))) as
      | [string, [string, string[]][]][]
      | null;
    const pipeline = consumer.pipeline();
    for (const [stream, entries] of reply ?? []) {
      for (const [, fields] of entries) JSON.parse(fields[3]!);
      if (entries.length > 0) pipeline.xack(stream, 'g', ...entries.map(([id]) => id));
      acked += entries.length;
    }
    await pipeline.exec();
  }
}

/**
 * The same job as the SDK's, written by hand (the baseline every other stage of this bench uses: a raw `ws` +
 * `JSON.parse` client): a `ws` client takes the load server's frames, `JSON.parse`s each for its routing key,
 * XADDs the frame text with the gateway's fields to the conversation's partition, the events of one tick in
 * one pipeline; one consumer reads and acknowledges them as {@link rawConsume} does.
 */
async function rawPipeline(url: string, loadUrl: string, round: number): Promise<Run> {
  const producer = new Redis(url);
  const consumer = new Redis(url);
  const streams = Array.from({ length: PARTITIONS }, (_, p) => `rawws${round}:events:${p}`);
  for (const s of streams) await producer.xgroup('CREATE', s, 'g', '0', 'MKSTREAM');
  let socket: WebSocket | undefined;
  const run = await measured(producer, async () => {
    let pipeline: ReturnType<Redis['pipeline']> | undefined;
    let seq = 0;
    const write = () => {
      const batch = pipeline!;
      pipeline = undefined;
      void batch.exec();
    };
    socket = new WebSocket(`${loadUrl}/?mode=events&count=${EVENTS}`);
    socket.on('message', (data) => {
      const text = data.toString();
      const event = JSON.parse(text) as { self_id: number; group_id?: number; user_id?: number; post_type: string };
      if (pipeline === undefined) {
        pipeline = producer.pipeline();
        setImmediate(write);
      }
      pipeline.xadd(streams[partitionOf(event, PARTITIONS)]!, '*', E.id, `raw-${++seq}`, E.frame, text, E.self, String(event.self_id), E.time, String(Date.now()));
    });
    await rawConsume(consumer, streams);
  });
  socket?.close();
  producer.disconnect();
  consumer.disconnect();
  return run;
}

/** End to end through the SDK with `n` workers (handler: nothing, so the entry is acked when handled). */
async function sdk(url: string, loadUrl: string, n: number, round: number): Promise<Run> {
  const prefix = `bench${round}-${n}`;
  const children = WORKER_PROCESSES
    ? Array.from({ length: n }, (_, i) =>
        spawn(process.execPath, [process.argv[1]!], { stdio: 'inherit', env: { ...process.env, [WORKER_CHILD]: `${url} ${prefix} w${i}` } }),
      )
    : [];
  const workers = WORKER_PROCESSES ? [] : Array.from({ length: n }, (_, i) => benchWorker(url, prefix, `w${i}`));
  const check = new Redis(url);
  // Settled: every partition leased by the worker the assignment gives it (partition p to the (p mod n)-th
  // worker by name), so no hand-over is left to happen during the run.
  await until(async () => {
    const owners = await check.mget(...Array.from({ length: PARTITIONS }, (_, p) => `${prefix}:lease:${p}`));
    return owners.every((owner, p) => owner?.startsWith(`w${p % n}/`) === true);
  });
  let socket: ReturnType<typeof createClient> | undefined;
  let gateway: ReturnType<typeof createGateway> | undefined;
  const run = await measured(check, async () => {
    socket = createClient({ url: `${loadUrl}/?mode=events&count=${EVENTS}` });
    gateway = createGateway({ redis: url, clients: socket, prefix, partitions: PARTITIONS, maxBuffer: EVENTS });
    await until(async () => Number((await check.hget(`${prefix}:stats`, 'acked')) ?? 0) >= EVENTS);
  });
  await Promise.all(workers.map((w) => w.close()));
  await Promise.all(children.map((child) => new Promise((resolve) => child.once('exit', resolve).kill('SIGTERM'))));
  await gateway?.close();
  await socket?.close();
  check.disconnect();
  return run;
}

/** A bench worker: handles every group message at once (so each entry is acked when handled). */
function benchWorker(url: string, prefix: string, consumer: string): ReturnType<typeof createWorker> {
  const w = createWorker({ redis: url, prefix, group: 'bench', consumer, partitions: PARTITIONS, blockMs: 100, leaseTtl: 5_000 });
  w.handle('message.group', () => undefined);
  return w;
}

/** The body of a worker child (`--worker-processes`): one bench worker until SIGTERM. */
function workerChild(spec: string): void {
  const [url, prefix, consumer] = spec.split(' ') as [string, string, string];
  const w = benchWorker(url, prefix, consumer);
  process.once('SIGTERM', () => void w.close().then(() => process.exit(0)));
}

/** Set in the compiled copy this script runs itself as: the compiled load server's path. */
const COMPILED = 'ONEBOT_RX_BENCH_COMPILED';

async function main(): Promise<void> {
  const workerSpec = process.env[WORKER_CHILD];
  if (workerSpec !== undefined) return workerChild(workerSpec);
  if (spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status !== 0) {
    console.log('redis stage skipped: redis-server is not installed');
    return;
  }
  if (process.env[COMPILED] === undefined) {
    // Measure as a user's app runs: compiled JavaScript, no TypeScript loader on the clock (as the client bench does).
    const compiled = await compileScripts(['load-server.ts', 'redis.ts']);
    const child = spawn(process.execPath, [...process.execArgv.filter((a) => a.startsWith('--cpu-prof')), compiled.get('redis.ts')!, ...process.argv.slice(2)], {
      stdio: 'inherit',
      env: { ...process.env, [COMPILED]: compiled.get('load-server.ts')! },
    });
    process.exitCode = await new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
    return;
  }
  const load = await startLoadServer(process.env[COMPILED]);
  const port = await freePort();
  const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  const probe = new Redis(url, { retryStrategy: () => 20 });
  probe.on('error', () => undefined);
  await probe.ping();
  probe.disconnect();
  const admin = new Redis(url);
  const pct = (share: number) => `${(share * 100).toFixed(0).padStart(2)}%`;
  /** `ratio`: a figure beside the events/s (e.g. `0.85x raw, 0.40x engine`). */
  const line = (name: string, run: Run, ratio = '') =>
    `  ${name.padEnd(26)} ${run.rate.toFixed(0).padStart(7)} events/s  ${ratio.padEnd(26)}` +
    `   CPU per event: node ${run.nodeCpu.toFixed(0).padStart(3)} µs, redis ${run.redisCpu.toFixed(0).padStart(3)} µs` +
    `   main thread: ran ${pct(run.running)}, waited for a CPU ${pct(run.starved)}, idle ${pct(run.idle)}` +
    (run.commands === '' ? '' : `\n    ${run.commands}`);
  const x = (r: number) => `${r.toFixed(2)}x`;
  /** Per worker count, the paired ratios to the raw pipeline and to the engine alone, one per round. */
  const ratios = new Map<number, { raw: number[]; engine: number[] }>(WORKER_COUNTS.map((n) => [n, { raw: [], engine: [] }]));
  const gatewayRatios: number[] = [];
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      if (ROUNDS > 1) console.log(`  round ${round}/${ROUNDS}`);
      const rawRun = await rawPipeline(url, load.url, round);
      console.log(line('raw ws → Redis → consumer', rawRun));
      await admin.flushall();
      const engine = await raw(url, round);
      console.log(line('engine (prebuilt XADDs)', engine, `${x(engine.rate / rawRun.rate)} raw`));
      await admin.flushall();
      for (const n of WORKER_COUNTS) {
        const run = await sdk(url, load.url, n, round);
        const r = ratios.get(n)!;
        r.raw.push(run.rate / rawRun.rate);
        r.engine.push(run.rate / engine.rate);
        console.log(line(`onebot-rx, ${n} worker${n > 1 ? 's' : ''}${WORKER_PROCESSES ? ' (proc.)' : ''}`, run, `${x(run.rate / rawRun.rate)} raw, ${x(run.rate / engine.rate)} engine`));
        await admin.flushall();
      }
      const producer = await rawProducer(url, round);
      console.log(line('raw XADD alone', producer));
      await admin.flushall();
      const gateway = await gatewayAlone(url, load.url, round);
      gatewayRatios.push(gateway.rate / producer.rate);
      console.log(line('gateway alone', gateway, `${x(gateway.rate / producer.rate)} raw XADD alone`));
      await admin.flushall();
    }
    if (ROUNDS > 1) {
      const median = (xs: number[]) => [...xs].sort((p, q) => p - q)[Math.floor(xs.length / 2)]!;
      const per = (pick: 'raw' | 'engine') => WORKER_COUNTS.map((n) => `${n} worker${n > 1 ? 's' : ''} ${x(median(ratios.get(n)![pick]))}`).join(', ');
      console.log(`  median of the paired ratios over ${ROUNDS} rounds: vs raw ws → Redis → consumer: ${per('raw')}; vs engine: ${per('engine')}; gateway alone ${x(median(gatewayRatios))} raw XADD alone`);
    }
  } finally {
    admin.disconnect();
    server.kill('SIGTERM');
    await load.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
