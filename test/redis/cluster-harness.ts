import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import { fileURLToPath } from 'node:url';
import { type Observable, Subject } from 'rxjs';
import type { ActionCall, Simulator } from '../../src/testing';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** A fixture running as a child process. */
export interface Child {
  readonly name: string;
  readonly process: ChildProcess;
  /** Resolves when the child printed "ready"; rejects if it exits first. */
  readonly ready: Promise<void>;
  /** Each "stats" line the child prints (a fixture reports its `stats$`: its state may have moved on). */
  readonly reports$: Observable<void>;
  /** Resolves when the process has exited, with how. */
  readonly exited: Promise<string>;
  /** Whether the exit was asked for by {@link Child.kill}. */
  readonly killed: boolean;
  /** The last lines it wrote to stderr. */
  stderrTail(lines?: number): string;
  /** Sends `signal` (an expected exit) and waits for the exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Every fixture process still running: killed when this process exits, whatever the tests did. */
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

/**
 * Runs `fixtures/<name>.ts` under tsx with `env`, named `label`. Its stdin is a pipe the fixture watches: when
 * this process dies without killing it, the pipe closes and the fixture exits instead of running on.
 */
export function spawnFixture(name: string, env: Record<string, string>, label = name): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', join(FIXTURES, `${name}.ts`)], {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  live.add(child);
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-16_000);
  });
  child.stdin?.on('error', () => undefined); // EPIPE once the child is gone
  const exited = new Promise<string>((resolve) => {
    child.once('error', (e) => resolve(`could not start (${e.message})`));
    child.once('exit', (code, signal) => resolve(`exited (${signal ?? code})`));
  });
  void exited.then(() => live.delete(child));
  const reports = new Subject<void>();
  void exited.then(() => reports.complete());
  const ready = new Promise<void>((resolve, reject) => {
    let partial = '';
    child.stdout?.on('data', (d: Buffer) => {
      const lines = (partial + d.toString()).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready') resolve();
        else if (line === 'stats') reports.next();
      }
    });
    void exited.then((how) => reject(new Error(`${label} ${how} before ready: ${stderr.slice(-2000)}`)));
  });
  ready.catch(() => undefined);
  let killed = false;
  return {
    name: label,
    process: child,
    ready,
    reports$: reports.asObservable(),
    exited,
    get killed() {
      return killed;
    },
    stderrTail: (lines = 10) => stderr.trim().split('\n').slice(-lines).join('\n'),
    kill: async (signal = 'SIGKILL') => {
      killed = true;
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

/** A temporary directory for worker logs (removed by `remove`). */
export function tempDir(): { path: string; file(name: string): string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'onebot-rx-cluster-'));
  return { path, file: (name) => join(path, name), remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** The "<group> <n>" lines of a worker log. */
export function readLog(file: string): Array<[group: number, n: number]> {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => l.split(' ').map(Number) as [number, number]);
}

/**
 * Per-conversation order in one worker's log: leaving out repeats (an at-least-once re-handling of an event
 * this worker had already handled), each conversation's numbers must increase. Returns the violations.
 */
export function orderViolations(log: ReadonlyArray<[number, number]>): string[] {
  const last = new Map<number, number>();
  const seen = new Set<string>();
  const violations: string[] = [];
  for (const [group, n] of log) {
    const id = `${group}:${n}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const before = last.get(group) ?? -1;
    if (n <= before) violations.push(`${group}: ${n} after ${before}`);
    last.set(group, n);
  }
  return violations;
}

/** The reply texts ("r:<group>:<n>") the simulator received, with how many times each. */
export function replyCounts(sim: Simulator): Map<string, number> {
  const counts = new Map<string, number>();
  const calls: ActionCall[] = [];
  sim.calls$.subscribe((c) => calls.push(c)).unsubscribe();
  for (const call of calls) {
    if (call.action !== 'send_group_msg') continue;
    const message = call.params.message as Array<{ data?: { text?: string } }> | string;
    const text = typeof message === 'string' ? message : (message[0]?.data?.text ?? '');
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  return counts;
}

/** Whether every partition of `group` and the gateway's action streams have nothing left unacknowledged. */
export async function settled(redis: Redis, prefix: string, partitions: number, selfId: number): Promise<boolean> {
  const pipeline = redis.pipeline();
  for (let p = 0; p < partitions; p++) pipeline.call('XINFO', 'GROUPS', `${prefix}:events:${p}`);
  pipeline.call('XINFO', 'GROUPS', `${prefix}:actions:${selfId}`);
  const results = (await pipeline.exec()) ?? [];
  for (const [error, groups] of results) {
    if (error) {
      if (String(error).includes('no such key')) continue;
      return false;
    }
    for (const g of groups as unknown[][]) {
      const f: Record<string, unknown> = {};
      for (let i = 0; i + 1 < g.length; i += 2) f[String(g[i])] = g[i + 1];
      if (Number(f.pending) !== 0 || (f.lag !== null && Number(f.lag) !== 0)) return false;
    }
  }
  return true;
}

/**
 * Resolves once `stream` holds `count` entries (counted from its first): an XREAD that blocks on a connection of
 * its own until Redis hands it the entries as they are added. A positive signal from Redis itself, no polling.
 */
export async function entriesIn(redis: Redis, stream: string, count = 1): Promise<void> {
  const reader = redis.duplicate();
  try {
    let last = '0';
    for (let seen = 0; seen < count; ) {
      const read = (await reader.xread('COUNT', count - seen, 'BLOCK', 0, 'STREAMS', stream, last)) ?? [];
      const entries = read[0]?.[1] ?? [];
      seen += entries.length;
      last = entries.at(-1)?.[0] ?? last;
    }
  } finally {
    reader.disconnect();
  }
}

/** How a wait ends other than by its signal: `stop` aborts it (teardown), `failure` rejects it (a crash seen). */
export interface WaitGuard {
  readonly stop: AbortSignal;
  readonly failure: Promise<never>;
}

/**
 * Resolves once `check()` holds, checking it again each time `wake` emits: a sign from the system under test
 * that its state may have moved on (a worker's or gateway's `stats$` report, a logged line). A positive signal,
 * with no timer of its own and no deadline (the test's timeout is the net). Rejects as soon as `guard.failure`
 * does (a process that should be running exited, so the signal can never come); once `guard.stop` is aborted it
 * stops checking and never settles.
 *
 * @example
 * await until(async () => (await redis.xpending(stream, 'bots'))[0] === 0, worker.stats$);
 */
export async function until(check: () => Promise<boolean> | boolean, wake: Observable<unknown>, guard?: WaitGuard): Promise<void> {
  let wakes = 0;
  let resume: (() => void) | undefined;
  const subscription = wake.subscribe(() => {
    wakes++;
    resume?.();
  });
  const settle = <T>(step: Promise<T> | T): Promise<T> => (guard === undefined ? Promise.resolve(step) : Promise.race([guard.failure, step])); // failure first: it wins once settled
  try {
    for (;;) {
      if (guard?.stop.aborted) return await new Promise<never>(() => undefined);
      const before = wakes;
      if (await settle(check())) return;
      if (wakes === before) await settle(new Promise<void>((resolve) => (resume = resolve))); // (else it woke meanwhile)
      resume = undefined;
    }
  } finally {
    subscription.unsubscribe();
  }
}
