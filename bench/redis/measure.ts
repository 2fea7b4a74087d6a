/**
 * How the Redis stage times a run: wall clock, CPU time per event of this process and of Redis, how this
 * process's main thread spent the run, and the line that prints it.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { Redis } from 'ioredis';
import { SHOW_COMMANDS } from './options';

/** A free loopback TCP port. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once `check` answers true (polled every 10 ms). */
export async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((r) => setTimeout(r, 10));
}

/** Redis commands per event since the last `CONFIG RESETSTAT` (`--commands`): what a run asks of the server. */
async function commandsPerEvent(admin: Redis, events: number): Promise<string> {
  const info = await admin.info('commandstats');
  const counts = [...info.matchAll(/cmdstat_(\w+(?:\|\w+)?):calls=(\d+)/g)].map(([, name, calls]) => [name!, Number(calls) / events] as const);
  const total = counts.reduce((sum, [, n]) => sum + n, 0);
  const top = counts.filter(([, n]) => n >= 0.0005).sort((a, b) => b[1] - a[1]);
  const failed = [...info.matchAll(/cmdstat_(\w+(?:\|\w+)?):.*failed_calls=(\d+)/g)].filter(([, , n]) => Number(n) > 0).map(([, name, n]) => `${name} ${n}`);
  return `${total.toFixed(2)} commands/event: ${top.map(([name, n]) => `${name} ${n.toFixed(3)}`).join(', ')}${failed.length > 0 ? `; failed: ${failed.join(', ')}` : ''}`;
}

/** One measured run: events/s, and the CPU time per event of this process and of Redis (µs). */
export interface Run {
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

/** Times `body` (wall clock, this process's CPU, Redis's CPU) as a {@link Run} over `events`. */
export async function measured(admin: Redis, events: number, body: () => Promise<void>): Promise<Run> {
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
  const commands = SHOW_COMMANDS ? await commandsPerEvent(admin, events) : '';
  const redisSeconds = (await redisCpuSeconds(admin)) - redisBefore;
  const wall = seconds * 1e9;
  return {
    rate: events / seconds,
    nodeCpu: (used.user + used.system) / events,
    redisCpu: (redisSeconds * 1e6) / events,
    running: onCpu / wall,
    starved: waiting / wall,
    idle: Math.max(0, 1 - (onCpu + waiting) / wall),
    commands,
  };
}

/** A ratio as printed, e.g. `0.85x`. */
export const x = (r: number): string => `${r.toFixed(2)}x`;

/** The median of `xs` (the upper one of an even count, as the rounds are few). */
export const median = (xs: readonly number[]): number => [...xs].sort((p, q) => p - q)[Math.floor(xs.length / 2)]!;

const pct = (share: number) => `${(share * 100).toFixed(0).padStart(2)}%`;

/** One printed run; `ratio` is a figure beside the events/s (e.g. `0.85x raw, 0.40x engine`). */
export const line = (name: string, run: Run, ratio = ''): string =>
  `  ${name.padEnd(26)} ${run.rate.toFixed(0).padStart(7)} events/s  ${ratio.padEnd(26)}` +
  `   CPU per event: node ${run.nodeCpu.toFixed(0).padStart(3)} µs, redis ${run.redisCpu.toFixed(0).padStart(3)} µs` +
  `   main thread: ran ${pct(run.running)}, waited for a CPU ${pct(run.starved)}, idle ${pct(run.idle)}` +
  (run.commands === '' ? '' : `\n    ${run.commands}`);
