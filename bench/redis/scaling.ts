/**
 * The Redis stage's scaling section: what more workers are for. Each handler does a fixed amount of CPU work
 * per event (`work.ts`, `--handler-us`, default 200 µs), as a busy account's slow handlers do, and N = 1, 2, 4
 * workers, each a process of its own, share the events; beside each N, the raw counterpart with the same N:
 * N consumer processes of one consumer group (Redis spreads the entries among them), each reading COUNT 200
 * across all partitions, `JSON.parse` of each frame, the same work per entry, one XACK pipeline per read, fed
 * by the raw pipeline's producer (`ws` → `JSON.parse` → XADD per tick). Per N: events/s, SDK / raw at that N,
 * the speed-up over the first N of each, and CPU per event of the producer side, the worker / consumer
 * processes and Redis, from which the closing lines work out on paper what more cores would give.
 */
import { availableParallelism, loadavg } from 'node:os';
import { Redis } from 'ioredis';
import type { WebSocket } from 'ws';
import { type ChildBody, spawnChild } from './children';
import { type Run, measured, median, until, x } from './measure';
import { HANDLER_US, ROUNDS, SCALING_COUNTS, SCALING_EVENTS } from './options';
import { feedFromSocket, prime, readBatch, streamsOf } from './raw';
import { type SdkRun, sdk } from './sdk';
import { calibrate, work } from './work';

/**
 * The workers' `readAhead`: the SDK's default (1 000). A read's worth of slow synchronous handlings (≈ 0.2 s of
 * CPU here) no longer holds the event loop past the lease renewals: the worker lets it run every 10 ms of
 * synchronous handling (`src/redis/time-slice.ts`). Before that, a worker of an overloaded 2-core machine was
 * seen blocked past its lease and its partitions handed over mid-run, and this section used 200.
 */
const READ_AHEAD: number | undefined = undefined;

/**
 * Entries each run's `n` worker / consumer processes handle before the clock starts (prebuilt frames XADDed
 * straight to the partitions): a fresh process spends its first few hundred events compiling the hot paths
 * (the SDK's more than the raw loop's), which a long-running worker has long paid; without this, that one-off
 * cost, paid once per process, made CPU per event grow with N.
 */
const warmUpOf = (n: number): number => 500 * n;

/** A raw run with its consumer processes' CPU per event (µs). */
interface RawRun extends Run {
  readonly workersCpu: number;
}

/** The body of a raw consumer child: reads, parses, works and acks until told to stop, counting its acks in `<prefix>:stats`. */
export const rawConsumerBody: ChildBody = async ({ url, prefix, consumer, iterations }) => {
  const redis = new Redis(url);
  await redis.ping();
  const streams = streamsOf(prefix);
  let stopped = false;
  let seed = 0;
  const loop = (async () => {
    while (!stopped) {
      const reply = await readBatch(redis, streams, consumer);
      if (reply === null) continue;
      const pipeline = redis.pipeline();
      let n = 0;
      for (const [stream, entries] of reply) {
        for (const [, fields] of entries) {
          JSON.parse(fields[3]!);
          work(iterations, ++seed);
        }
        if (entries.length > 0) pipeline.xack(stream, 'g', ...entries.map(([id]) => id));
        n += entries.length;
      }
      pipeline.hincrby(`${prefix}:stats`, 'acked', n);
      await pipeline.exec();
    }
  })();
  return async () => {
    stopped = true;
    await loop;
    redis.disconnect();
  };
};

/** The raw counterpart with `n` consumer processes: the clock runs from the socket's open to the last entry acked. */
async function rawScaled(url: string, loadUrl: string, n: number, name: string, iterations: number): Promise<RawRun> {
  const prefix = `rawn-${name}-${n}`;
  const streams = streamsOf(prefix);
  const producer = new Redis(url);
  const check = new Redis(url);
  for (const s of streams) await producer.xgroup('CREATE', s, 'g', '0', 'MKSTREAM');
  const children = Array.from({ length: n }, (_, i) => spawnChild({ kind: 'raw', url, prefix, consumer: `c${i}`, iterations }));
  await Promise.all(children.map((c) => c.ready));
  const acked = async () => Number((await check.hget(`${prefix}:stats`, 'acked')) ?? 0);
  await prime(check, streams, warmUpOf(n));
  await until(async () => (await acked()) >= warmUpOf(n));
  let socket: WebSocket | undefined;
  for (const c of children) c.mark();
  const run = await measured(check, SCALING_EVENTS, async () => {
    socket = feedFromSocket(producer, loadUrl, streams, SCALING_EVENTS);
    await until(async () => (await acked()) >= warmUpOf(n) + SCALING_EVENTS);
  });
  const cpu = await Promise.all(children.map((c) => c.stop()));
  socket?.close();
  producer.disconnect();
  check.disconnect();
  return { ...run, workersCpu: cpu.reduce((a, b) => a + b, 0) / SCALING_EVENTS };
}

/** The figures of one N over the rounds. */
interface PerN {
  readonly sdk: SdkRun[];
  readonly raw: RawRun[];
  /** SDK / raw, paired within each round. */
  readonly ratio: number[];
  /** Events/s over the first N's in the same round. */
  readonly sdkSpeedUp: number[];
  readonly rawSpeedUp: number[];
}

const us = (v: number) => `${v.toFixed(0).padStart(3)} µs`;
const waited = (run: Run) => `${(run.starved * 100).toFixed(0).padStart(2)}%`;

/** One printed run of the section. */
function scaledLine(name: string, run: SdkRun | RawRun, ratio: string, producer: string, workers: string): string {
  const churn = 'moves' in run ? [run.moves > 0 ? `${run.moves} partition hand-overs` : '', run.redelivered > 0 ? `${run.redelivered} re-delivered` : ''].filter((s) => s !== '') : [];
  return (
    `  ${name.padEnd(26)} ${run.rate.toFixed(0).padStart(7)} events/s  ${ratio.padEnd(22)}` +
    `   CPU per event: ${producer} ${us(run.nodeCpu)}, ${workers} ${us(run.workersCpu)}, redis ${us(run.redisCpu)}` +
    `   ${producer}'s thread waited for a CPU ${waited(run)}${churn.length > 0 ? `   ${churn.join(', ')}` : ''}` +
    (run.commands === '' ? '' : `\n    ${run.commands}`)
  );
}

/** Runs the scaling section for {@link ROUNDS} rounds and prints its runs, medians and what more cores would give. */
export async function scalingSection(url: string, loadUrl: string, admin: Redis): Promise<void> {
  const iterations = calibrate(HANDLER_US);
  const cores = availableParallelism();
  const first = SCALING_COUNTS[0]!;
  console.log(
    `  scaling: handler work ${iterations} xorshift steps ≈ ${HANDLER_US} µs CPU per event (calibrated in this process), ` +
      `${SCALING_EVENTS} events per run after ${warmUpOf(1)} × N untimed, worker / consumer processes ${SCALING_COUNTS.join(', ')} ` +
      `(workers' readAhead ${READ_AHEAD ?? 'default'}), ${cores} cores, load average ${loadavg()[0]!.toFixed(1)}`,
  );
  const perN = new Map<number, PerN>(SCALING_COUNTS.map((n) => [n, { sdk: [], raw: [], ratio: [], sdkSpeedUp: [], rawSpeedUp: [] }]));
  for (let round = 1; round <= ROUNDS; round++) {
    if (ROUNDS > 1) console.log(`  scaling round ${round}/${ROUNDS}`);
    for (const n of SCALING_COUNTS) {
      const p = perN.get(n)!;
      // Alternate which of the pair runs first, so neither always finds the machine as the other left it.
      const runRaw = async () => {
        const run = await rawScaled(url, loadUrl, n, `r${round}`, iterations);
        await admin.flushall();
        return run;
      };
      const runSdk = async () => {
        const run = await sdk(url, loadUrl, n, `s${round}`, { events: SCALING_EVENTS, processes: true, iterations, readAhead: READ_AHEAD, warmUp: warmUpOf(n) });
        await admin.flushall();
        return run;
      };
      let raw: RawRun;
      let s: SdkRun;
      if (round % 2 === 1) {
        raw = await runRaw();
        s = await runSdk();
      } else {
        s = await runSdk();
        raw = await runRaw();
      }
      const base = perN.get(first)!;
      p.raw.push(raw);
      p.sdk.push(s);
      p.ratio.push(s.rate / raw.rate);
      p.rawSpeedUp.push(raw.rate / base.raw[round - 1]!.rate);
      p.sdkSpeedUp.push(s.rate / base.sdk[round - 1]!.rate);
      const procs = `${n} ${n > 1 ? 'processes' : 'process'}`;
      console.log(scaledLine(`raw, ${procs}`, raw, `${x(p.rawSpeedUp.at(-1)!)} N=${first}`, 'producer', 'consumers'));
      console.log(scaledLine(`onebot-rx, ${procs}`, s, `${x(p.ratio.at(-1)!)} raw, ${x(p.sdkSpeedUp.at(-1)!)} N=${first}`, 'gateway', 'workers'));
    }
  }
  report(perN, cores, first);
}

/** The medians per N, and on paper what more cores would give. */
function report(perN: ReadonlyMap<number, PerN>, cores: number, first: number): void {
  const m = (runs: readonly Run[], pick: (r: Run) => number) => median(runs.map(pick));
  const load = loadavg()[0]!;
  const busy = load > cores ? `; load average ${load.toFixed(1)} > ${cores} cores: other jobs took CPU, events/s are low and noisy, CPU per event less so` : '';
  console.log(`  scaling, medians of ${ROUNDS} round${ROUNDS > 1 ? 's' : ''} (${cores} cores; ratios paired within a round${busy}):`);
  console.log(`    N   onebot-rx ev/s   raw ev/s   SDK/raw   speed-up over N=${first}: SDK   raw    CPU µs/event: workers  consumers  gateway  producer  redis (SDK, raw)`);
  for (const [n, p] of perN) {
    console.log(
      `    ${String(n).padEnd(3)} ${m(p.sdk, (r) => r.rate).toFixed(0).padStart(14)} ${m(p.raw, (r) => r.rate).toFixed(0).padStart(10)}   ${x(median(p.ratio)).padStart(7)}` +
        `   ${x(median(p.sdkSpeedUp)).padStart(24)} ${x(median(p.rawSpeedUp)).padStart(6)}` +
        `   ${median(p.sdk.map((r) => r.workersCpu)).toFixed(0).padStart(20)} ${median(p.raw.map((r) => r.workersCpu)).toFixed(0).padStart(10)}` +
        ` ${m(p.sdk, (r) => r.nodeCpu).toFixed(0).padStart(8)} ${m(p.raw, (r) => r.nodeCpu).toFixed(0).padStart(9)}` +
        `  ${m(p.sdk, (r) => r.redisCpu).toFixed(0).padStart(5)}, ${m(p.raw, (r) => r.redisCpu).toFixed(0)}`,
    );
  }
  // Per event at the first N: with more processes than cores, CPU time per event grows (switches, caches),
  // which a machine with a core per process would not see.
  const base = perN.get(first)!;
  for (const side of ['sdk', 'raw'] as const) {
    const runs: readonly (SdkRun | RawRun)[] = base[side];
    const w = median(runs.map((r) => r.workersCpu));
    const g = median(runs.map((r) => r.nodeCpu));
    const r = median(runs.map((run) => run.redisCpu));
    const [who, worker, front, rest] = side === 'sdk' ? ['onebot-rx', 'worker', 'the gateway', 'the worker'] : ['raw', 'consumer', 'the producer', 'read, parse, ack'];
    const perWorker = 1e6 / w;
    const ceiling = Math.min(1e6 / g, 1e6 / r);
    console.log(
      `  on paper, ${who} (CPU per event at N=${first}): each ${worker} process on a core of its own adds ≈ ${perWorker.toFixed(0)} events/s ` +
        `(1 / ${w.toFixed(0)} µs: the handler's ≈ ${HANDLER_US}, the rest ${rest}),\n    until ${front} (${g.toFixed(0)} µs/event: ≈ ${(1e6 / g).toFixed(0)} events/s) ` +
        `or Redis (${r.toFixed(0)} µs/event: ≈ ${(1e6 / r).toFixed(0)} events/s) saturates its core: at about ${(ceiling / perWorker).toFixed(1)} processes; ` +
        `all on these ${cores} cores (the load server besides): at most ≈ ${((cores * 1e6) / (w + g + r)).toFixed(0)} events/s (${cores} / ${(w + g + r).toFixed(0)} µs)`,
    );
  }
}
