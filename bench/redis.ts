/**
 * Redis scale-out stage (`tsx bench/redis.ts [--events N] [--rounds R] [--workers 1,2,4] [--commands]
 * [--worker-processes] [--scaling-only | --no-scaling] [--scaling-events N] [--scaling-workers 1,2,4]
 * [--handler-us U]`), in two sections of R rounds each (default 3), ratios paired within a round, and the medians.
 *
 * Per-event section (`redis/per-event.ts`; the issue's ratio, the SDK's own cost per event):
 * - Events: the bench's load server (`load-server.ts`, its own process, as NapCat is) blasts N realistic
 *   NapCat group messages (~900 bytes, 50 groups) over one WebSocket as fast as the socket takes them, as a
 *   busy account does. The SDK path is gateway (WebSocket, event decode, XADD of the frame text, batched per
 *   tick) → Redis → 1, 2, 4 workers (XREADGROUP, event decode, `handle()` dispatch to a handler that returns at
 *   once) → XACK; the clock runs from the gateway's start to the last entry acknowledged.
 * - Raw (`raw ws → Redis → consumer`, the baseline of the issue's ratio, as every other stage of this bench
 *   compares with a raw `ws` + `JSON.parse` client): the same job by hand. A `ws` client takes the same frames
 *   from the load server, `JSON.parse`s each for its routing key, XADDs the frame text with the gateway's
 *   fields to the same partition, the events of one tick in one pipeline; one consumer reads COUNT 200 across
 *   all partitions, `JSON.parse`s each frame and XACKs once per stream per read.
 * - Engine (`engine (prebuilt XADDs)`, an extra line so nothing is hidden): the same frames and fields XADDed
 *   from memory in pipelines of 500, the same consumer. It pays no WebSocket and no parse on the producer
 *   side: the limit of ioredis + Redis on this machine, not a job a gateway can do.
 * - Gateway and workers run in this process (one core for all of them on a 2-core machine, Redis on the
 *   other), so the figures show the per-event cost, not scaling. Each round also times the two halves apart:
 *   the gateway alone (WebSocket to XADD) against the raw XADDs alone.
 * - `--worker-processes` runs each worker in a process of its own, as deployed (the gateway stays here; `CPU per
 *   event` is then the gateway process's alone).
 *
 * Scaling section (`redis/scaling.ts`; what workers are for, issue 14's "more workers never slower"): each
 * handler does a fixed amount of CPU work per event (`--handler-us`, default 200 µs, calibrated once here as a
 * count of xorshift steps), workers are processes, N = 1, 2, 4 of them, beside N raw consumer processes of one
 * consumer group doing the same work; per N the events/s, SDK / raw, the speed-up over N = 1, CPU per event of
 * each side, and on paper what more cores would give (`--scaling-events`, default 30 000 per run).
 *
 * - Each line gives the CPU time per event of this process and of Redis (what the machine's load does not
 *   change much), and how the main thread spent the wall time (/proc/self/schedstat): running, waiting for a
 *   CPU (other processes had it), or idle (waiting for I/O: a stall).
 * - It runs itself compiled (esbuild, as the client bench does), so no TypeScript loader is on the clock; the
 *   worker and consumer processes run the same compiled script (`redis/children.ts`).
 * - `--commands` prints the Redis commands per event of each run (`INFO commandstats`); `BENCH_WINDOW=1` prints
 *   each run's `process.hrtime` window (µs), to cut a `node --cpu-prof` profile to the measured part;
 *   `BENCH_CHILD_PROF=<dir>` runs each worker / consumer process with `--cpu-prof` into `<dir>`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { Redis } from 'ioredis';
import { compileScripts } from './compile';
import { startLoadServer } from './processes';
import { childSpec, serveChild } from './redis/children';
import { freePort } from './redis/measure';
import { SECTIONS } from './redis/options';
import { perEventSection } from './redis/per-event';
import { rawConsumerBody, scalingSection } from './redis/scaling';
import { workerBody } from './redis/sdk';

/** Set in the compiled copy this script runs itself as: the compiled load server's path. */
const COMPILED = 'ONEBOT_RX_BENCH_COMPILED';

async function main(): Promise<void> {
  const spec = childSpec();
  if (spec !== undefined) return serveChild(spec, spec.kind === 'worker' ? workerBody : rawConsumerBody);
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
  try {
    if (SECTIONS.perEvent) await perEventSection(url, load.url, admin);
    if (SECTIONS.scaling) await scalingSection(url, load.url, admin);
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
