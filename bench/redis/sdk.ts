/**
 * The Redis stage's SDK runs: a gateway fed by the load server, and workers (in this process or each in a
 * process of its own) whose handler does nothing or a fixed amount of CPU work; and the gateway alone.
 */
import { Redis } from 'ioredis';
import { createClient } from '../../src/index';
import { createGateway, createWorker } from '../../src/redis/index';
import { type BenchChild, type ChildBody, type ChildSpec, spawnChild } from './children';
import { type Run, measured, until } from './measure';
import { EVENTS, PARTITIONS } from './options';
import { prime, streamsOf } from './raw';
import { work } from './work';

/** How {@link sdk} runs its workers. */
export interface SdkSetup {
  /** Events of the run. */
  readonly events: number;
  /** Each worker in a process of its own (as deployed), instead of in this (the gateway's) process. */
  readonly processes: boolean;
  /** Steps of CPU work the handler does per event (`work.ts`); 0: it returns at once. */
  readonly iterations: number;
  /** The workers' `readAhead` (default: the SDK's). */
  readonly readAhead?: number;
  /** Entries handled before the clock starts, so the workers are past their warm-up (default 0). */
  readonly warmUp?: number;
}

/** An SDK run: the {@link Run}, the worker processes' CPU per event (µs; NaN in-process) and the re-deliveries. */
export interface SdkRun extends Run {
  readonly workersCpu: number;
  readonly redelivered: number;
  /** Partition leases taken during the run (each take bumps the partition's epoch): hand-overs, 0 when settled. */
  readonly moves: number;
}

/** End to end through the SDK with `n` workers: the clock runs from the gateway's start to the last entry acked. */
export async function sdk(url: string, loadUrl: string, n: number, name: string, setup: SdkSetup): Promise<SdkRun> {
  const { events, processes, iterations, readAhead, warmUp = 0 } = setup;
  const prefix = `bench-${name}-${n}`;
  const children: BenchChild[] = processes ? Array.from({ length: n }, (_, i) => spawnChild({ kind: 'worker', url, prefix, consumer: `w${i}`, iterations, readAhead })) : [];
  const workers = processes ? [] : Array.from({ length: n }, (_, i) => benchWorker({ kind: 'worker', url, prefix, consumer: `w${i}`, iterations, readAhead }));
  const check = new Redis(url);
  // Settled: every partition leased by the worker the assignment gives it (partition p to the (p mod n)-th
  // worker by name), so no hand-over is left to happen during the run.
  await until(async () => {
    const owners = await check.mget(...Array.from({ length: PARTITIONS }, (_, p) => `${prefix}:lease:${p}`));
    return owners.every((owner, p) => owner?.startsWith(`w${p % n}/`) === true);
  });
  await Promise.all(children.map((c) => c.ready));
  const acked = async () => Number((await check.hget(`${prefix}:stats`, 'acked')) ?? 0);
  if (warmUp > 0) {
    await prime(check, streamsOf(prefix), warmUp);
    await until(async () => (await acked()) >= warmUp);
  }
  const epochs = async () => (await check.mget(...Array.from({ length: PARTITIONS }, (_, p) => `${prefix}:epoch:${p}`))).reduce((sum, e) => sum + Number(e ?? 0), 0);
  const epochsBefore = await epochs();
  let socket: ReturnType<typeof createClient> | undefined;
  let gateway: ReturnType<typeof createGateway> | undefined;
  for (const c of children) c.mark();
  const run = await measured(check, events, async () => {
    socket = createClient({ url: `${loadUrl}/?mode=events&count=${events}` });
    gateway = createGateway({ redis: url, clients: socket, prefix, partitions: PARTITIONS, maxBuffer: events });
    await until(async () => (await acked()) >= warmUp + events);
  });
  const moves = (await epochs()) - epochsBefore;
  const cpu = await Promise.all(children.map((c) => c.stop()));
  await Promise.all(workers.map((w) => w.close()));
  const redelivered = Number((await check.hget(`${prefix}:stats`, 'redelivered')) ?? 0);
  await gateway?.close();
  await socket?.close();
  check.disconnect();
  return { ...run, workersCpu: processes ? cpu.reduce((a, b) => a + b, 0) / events : NaN, redelivered, moves };
}

/** The gateway alone (no worker): WebSocket events to partition entries, until all are written. */
export async function gatewayAlone(url: string, loadUrl: string, round: number): Promise<Run> {
  const prefix = `gw${round}`;
  const check = new Redis(url);
  let socket: ReturnType<typeof createClient> | undefined;
  let gateway: ReturnType<typeof createGateway> | undefined;
  const written = async () => {
    const pipeline = check.pipeline();
    for (let p = 0; p < PARTITIONS; p++) pipeline.xlen(`${prefix}:events:${p}`);
    return ((await pipeline.exec()) ?? []).reduce((sum, [, n]) => sum + Number(n), 0);
  };
  const run = await measured(check, EVENTS, async () => {
    socket = createClient({ url: `${loadUrl}/?mode=events&count=${EVENTS}` });
    gateway = createGateway({ redis: url, clients: socket, prefix, partitions: PARTITIONS, maxBuffer: EVENTS });
    await until(async () => (await written()) >= EVENTS);
  });
  await gateway?.close();
  await socket?.close();
  check.disconnect();
  return run;
}

/**
 * A bench worker: handles every group message, doing `iterations` steps of CPU work (none: it returns at once),
 * so each entry is acked when handled. The SDK's defaults but a 5 s lease (so the partitions settle sooner
 * before each run): the default `blockMs` (1 s) too, as deployed, since a blocking read that times out costs a
 * round trip (the reply stream, idle in this bench, woke 10 times a second with 100 ms: 0.7% of a core per
 * idle worker against 0.2%, paid per worker process, so a fixed cost that grew with N).
 */
function benchWorker({ url, prefix, consumer, iterations, readAhead }: ChildSpec): ReturnType<typeof createWorker> {
  const w = createWorker({ redis: url, prefix, group: 'bench', consumer, partitions: PARTITIONS, leaseTtl: 5_000, ...(readAhead === undefined ? {} : { readAhead }) });
  let seed = 0;
  if (iterations === 0) w.handle('message.group', () => undefined);
  else w.handle('message.group', () => work(iterations, ++seed));
  return w;
}

/** The body of a worker child: one bench worker. */
export const workerBody: ChildBody = async (spec) => {
  const w = benchWorker(spec);
  return () => w.close();
};
