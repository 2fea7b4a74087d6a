/**
 * The Redis stage's settings, from the command line (see `bench/redis.ts` for what each section measures).
 */
import { eventFrames } from '../frames';

/** The value after `flag` on the command line, or `undefined`. */
function valueOf(flag: string): string | undefined {
  const at = process.argv.indexOf(flag);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

/** A comma-separated list of counts after `flag`, or `fallback`. */
const countsOf = (flag: string, fallback: readonly number[]): readonly number[] => valueOf(flag)?.split(',').map(Number) ?? fallback;

/** Event partitions of every deployment the stage builds. */
export const PARTITIONS = 16;
/** Events per run of the per-event section (`--events`, default 20 000). */
export const EVENTS = Number(valueOf('--events') ?? 20_000);
/** Events XADDed in one pipeline by the engine line's producer. */
export const BURST = 500;
/** `--commands`: print the Redis commands per event of each run. */
export const SHOW_COMMANDS = process.argv.includes('--commands');
/** Rounds (`--rounds`, default 3); ratios are paired within a round and their median reported. */
export const ROUNDS = Number(valueOf('--rounds') ?? 3);
/** Worker counts of the per-event section (`--workers`, default 1,2,4). */
export const WORKER_COUNTS = countsOf('--workers', [1, 2, 4]);
/** `--worker-processes`: the per-event section runs each worker in a process of its own, as deployed. */
export const WORKER_PROCESSES = process.argv.includes('--worker-processes');
/** `--scaling-only`: only the scaling section; `--no-scaling`: only the per-event section. */
export const SECTIONS = {
  perEvent: !process.argv.includes('--scaling-only'),
  scaling: !process.argv.includes('--no-scaling'),
} as const;
/**
 * Events per run of the scaling section (`--scaling-events`, default 30 000): long enough that each of 4 worker
 * processes handles thousands, so what each process costs whatever its load weighs per event as it does in a
 * long-running deployment (with 10 000, worker CPU per event rose 243 → 292 µs from 1 to 4 processes; with
 * 40 000, 239 → 264).
 */
export const SCALING_EVENTS = Number(valueOf('--scaling-events') ?? 30_000);
/** Worker / consumer process counts of the scaling section (`--scaling-workers`, default 1,2,4). */
export const SCALING_COUNTS = countsOf('--scaling-workers', [1, 2, 4]);
/** CPU time of the scaling section's handler per event, µs (`--handler-us`, default 200). */
export const HANDLER_US = Number(valueOf('--handler-us') ?? 200);
/** The load server's frames (the same ones, round-robin, as `load-server.ts` sends). */
export const FRAMES = eventFrames(512).map((b) => b.toString());
