/**
 * What every bench client shares: its arguments, its clock and the one JSON line it prints.
 */

/** The load a client is asked to run. */
export interface ClientArgs {
  /** Load server base URL, e.g. `ws://127.0.0.1:4321`. */
  readonly server: string;
  /** Events to receive or round trips to make. */
  readonly count: number;
  /** Requests kept in flight (actions only). */
  readonly inFlight: number;
}

/** Whether a client measured received events or action round trips. */
export type BenchKind = 'events' | 'actions';

/** The line a client prints: one measurement. */
export interface ClientResult {
  readonly name: string;
  readonly kind: BenchKind;
  readonly count: number;
  readonly ms: number;
  readonly perSec: number;
  readonly maxRssMb: number;
  /** CPU time (user + system) of the client process per event or round trip, in µs, over the timed span. */
  readonly cpuUsPerOp?: number;
}

/** Reads `--server URL --count N --in-flight N` from the command line. */
export function clientArgs(argv: readonly string[] = process.argv.slice(2)): ClientArgs {
  const value = (flag: string): string | undefined => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const server = value('--server');
  if (server === undefined) throw new Error('bench client: --server is required');
  return {
    server,
    count: Number(value('--count') ?? 200_000),
    inFlight: Number(value('--in-flight') ?? 1_000),
  };
}

/** The URL that asks the load server for `count` events. */
export const eventsUrl = (args: ClientArgs): string => `${args.server}/?mode=events&count=${args.count}`;

/** The URL of the load server's action responder. */
export const actionsUrl = (args: ClientArgs): string => `${args.server}/?mode=actions`;

/** A stopwatch started at its first `start()`; later calls keep the first instant. */
export interface Stopwatch {
  start(): void;
  elapsedMs(): number;
}

/** CPU time of the process when the first stopwatch started (µs), for {@link printResult}'s `cpuUsPerOp`. */
let cpuAtStart: number | undefined;

const cpuNowUs = (): number => {
  const { user, system } = process.cpuUsage();
  return user + system;
};

/** A monotonic stopwatch over `process.hrtime`; its start also marks the CPU time the result line counts from. */
export function stopwatch(): Stopwatch {
  let startedAt: bigint | undefined;
  return {
    start: () => {
      startedAt ??= process.hrtime.bigint();
      cpuAtStart ??= cpuNowUs();
    },
    elapsedMs: () => (startedAt === undefined ? 0 : Number(process.hrtime.bigint() - startedAt) / 1e6),
  };
}

/** The process's peak resident set so far, in MiB. */
export const maxRssMb = (): number => process.resourceUsage().maxRSS / 1024;

/** Prints the one result line of a client. */
export function printResult(name: string, kind: BenchKind, count: number, ms: number): void {
  const result: ClientResult = {
    name,
    kind,
    count,
    ms: Math.round(ms * 10) / 10,
    perSec: Math.round((count / ms) * 1000),
    maxRssMb: Math.round(maxRssMb() * 10) / 10,
    ...(cpuAtStart === undefined || count === 0 ? {} : { cpuUsPerOp: Math.round(((cpuNowUs() - cpuAtStart) / count) * 100) / 100 }),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** Fails the process loudly: a bench that cannot count every event or reply must not report a figure. */
export function abort(reason: string): never {
  process.stderr.write(`${reason}\n`);
  process.exit(1);
}

/**
 * Aborts the client when `progress()` has not moved for `ms` (lost events, missing replies).
 * Returns a function that stops the watchdog.
 */
export function watchdog(progress: () => number, ms = 15_000): () => void {
  let last = -1;
  const timer = setInterval(() => {
    const now = progress();
    if (now === last) abort(`bench client stalled at ${now}`);
    last = now;
  }, ms);
  timer.unref();
  return () => clearInterval(timer);
}
