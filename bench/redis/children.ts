/**
 * Bench children of the Redis stage: SDK workers (`--worker-processes`, the scaling section) and raw consumers
 * (the scaling section), each in a process of its own running this stage's own script (compiled), told what to
 * be by an environment variable. Over IPC a child says when it is ready, and reports its CPU time between the
 * parent's `mark` (the start of the measured run) and `stop` (its end) before it closes and exits.
 */
import { spawn } from 'node:child_process';

/** What a child runs: one SDK worker, or one raw consumer of a consumer group. */
export interface ChildSpec {
  readonly kind: 'worker' | 'raw';
  readonly url: string;
  readonly prefix: string;
  readonly consumer: string;
  /** Steps of the handler's CPU work per event (`work.ts`); 0: a handler that returns at once. */
  readonly iterations: number;
  /** A worker's `readAhead` (default: the SDK's). */
  readonly readAhead?: number | undefined;
}

/** A child's body: starts, and returns how to close it. */
export type ChildBody = (spec: ChildSpec) => Promise<() => Promise<void>>;

/** Set in a child: its {@link ChildSpec} as JSON. */
const CHILD = 'ONEBOT_RX_BENCH_CHILD';

/** This process's {@link ChildSpec} when it is a bench child, else `undefined`. */
export function childSpec(): ChildSpec | undefined {
  const spec = process.env[CHILD];
  return spec === undefined ? undefined : (JSON.parse(spec) as ChildSpec);
}

/** A running child, from the parent's side. */
export interface BenchChild {
  /** Resolves once the child has started (its Redis connection is up). */
  readonly ready: Promise<void>;
  /** Tells the child the measured run starts now. */
  mark(): void;
  /** Ends the child; resolves with its CPU time (µs) since {@link mark} (NaN if it died without saying), once it exited. */
  stop(): Promise<number>;
}

type FromChild = { readonly ready: true } | { readonly cpuUs: number };

/** Spawns a child running `spec` (this script again, so it works compiled as under tsx). */
export function spawnChild(spec: ChildSpec): BenchChild {
  const child = spawn(process.execPath, [...(process.env.BENCH_CHILD_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CHILD_PROF}`] : []), process.argv[1]!], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: { ...process.env, [CHILD]: JSON.stringify(spec) } });
  let cpuUs = NaN;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = new Promise<void>((resolve, reject) => {
    child.on('message', (message: FromChild) => {
      if ('ready' in message) resolve();
      else cpuUs = message.cpuUs;
    });
    void exited.then(() => reject(new Error(`bench child ${spec.consumer} exited before it was ready`)));
  });
  ready.catch(() => undefined);
  return {
    ready,
    mark: () => child.connected && child.send('mark'),
    stop: async () => {
      if (child.connected) child.send('stop');
      else child.kill('SIGTERM');
      await exited;
      return cpuUs;
    },
  };
}

/** Runs this process as a bench child: starts `body`, then follows the parent's `mark` and `stop`. */
export async function serveChild(spec: ChildSpec, body: ChildBody): Promise<void> {
  const closeBody = await body(spec);
  let closing: Promise<void> | undefined;
  const close = () => (closing ??= closeBody()).then(() => process.exit(0));
  let marked = process.cpuUsage();
  process.on('message', (message: string) => {
    if (message === 'mark') marked = process.cpuUsage();
    if (message !== 'stop') return;
    const used = process.cpuUsage(marked);
    process.send!({ cpuUs: used.user + used.system } satisfies FromChild, () => void close());
  });
  process.once('disconnect', () => void close());
  process.send!({ ready: true } satisfies FromChild);
}
