/*
 * One cluster under test for the fault tests (a real Redis, the simulator, workers and maybe a gateway as child
 * processes): setting it up, the waits a test makes on it, tearing it down whatever happened, and the snapshot
 * of what it was doing that a failed test prints (what was awaited, what was seen).
 */
import { Redis } from 'ioredis';
import { Subject } from 'rxjs';
import { createClient } from 'onebot-rx';
import { createGateway } from '../../src/redis';
import { createSimulator, type Simulator } from '../../src/testing';
import { type RedisServer, startRedis } from '../helpers/redis-server';
import { type Child, readLog, replyCounts, settled, spawnFixture, tempDir, until, type WaitGuard } from './cluster-harness';

export const PARTITIONS = 16;
export const CONVERSATIONS = 50;
export const LEASE_TTL = 1_500;
export const groupOf = (c: number): number => 1000 + c;

/** One cluster under test. */
export interface Run {
  readonly redis: RedisServer;
  readonly sim: Simulator;
  readonly prefix: string;
  readonly dir: ReturnType<typeof tempDir>;
  readonly children: Child[];
  /** The worker logs, in the order the workers were started. */
  readonly logs: string[];
  /** Closes what runs in the test process (the in-process gateway), before Redis and the simulator stop. */
  readonly cleanups: Array<() => Promise<void>>;
  /** The ids (`<group>:<n>`) of the events emitted so far. */
  readonly emitted: string[];
  /** What the test is waiting for now, outermost first. */
  readonly waiting: string[];
  /** Ends the run's waits: aborted by the teardown, failed by a crash nobody asked for. */
  readonly guard: WaitGuard;
  /** The crashes seen (a child or redis-server exiting without the test killing it). */
  readonly crashes: string[];
  /** Each `stats$` report of a worker or gateway of the run (every 50 ms each): what wakes its waits. */
  readonly reports: Subject<void>;
}

/** Options of {@link setUp}. */
export interface RunOptions {
  /** Redis keeps its data across a restart (append-only file, fsync always). */
  readonly persist?: boolean;
  /** Redis listens on a unix socket (an address nobody can take while it is down), not a loopback port. */
  readonly unixSocket?: boolean;
}

/** Starts Redis and the simulator (50 groups) for one test; whatever failed half-way is undone. */
export async function setUp(prefix: string, options: RunOptions = {}): Promise<Run> {
  const stop = new AbortController();
  let fail: (e: Error) => void = () => undefined;
  const failure = new Promise<never>((_, reject) => {
    fail = reject;
  });
  failure.catch(() => undefined);
  const crashes: string[] = [];
  const crashed = (description: string) => {
    crashes.push(description);
    fail(new Error(`crashed while the test ran: ${description}`));
  };
  const dir = tempDir();
  let redis: RedisServer | undefined;
  try {
    redis = await startRedis({ ...(options.persist ? { persistDir: dir.path } : {}), unixSocket: options.unixSocket ?? false, onCrash: crashed });
    const groups = Array.from({ length: CONVERSATIONS }, (_, c) => ({ group_id: groupOf(c), group_name: `g${c}` }));
    const sim = await createSimulator({ heartbeatInterval: 0, world: { groups } });
    const guard = { stop: stop.signal, failure };
    const run: Run = { redis, sim, prefix, dir, children: [], logs: [], cleanups: [], emitted: [], waiting: [], guard, crashes, reports: new Subject() };
    aborts.set(run, { stop, crashed });
    return run;
  } catch (e) {
    await redis?.stop();
    dir.remove();
    throw e;
  }
}

const aborts = new WeakMap<Run, { stop: AbortController; crashed: (description: string) => void }>();

function watch(r: Run, child: Child): Child {
  r.children.push(child);
  child.reports$.subscribe(() => r.reports.next());
  void child.exited.then((how) => {
    if (!child.killed) aborts.get(r)?.crashed(`${child.name} ${how}: ${child.stderrTail()}`);
  });
  return child;
}

/** `e` saying what the test was waiting for (once, at the innermost wait). */
function whileWaiting(r: Run, e: unknown): unknown {
  if (!(e instanceof Error) || e.message.includes('\n  while waiting for: ')) return e;
  e.message += `\n  while waiting for: ${r.waiting.join(' > ')}`;
  return e;
}

/** Waits for `check` (a positive signal) while saying what it waits for; fails at once on a crash. */
export async function waitFor(r: Run, what: string, check: () => Promise<boolean> | boolean): Promise<void> {
  r.waiting.push(what);
  try {
    await until(check, r.reports, r.guard);
  } catch (e) {
    throw whileWaiting(r, e);
  } finally {
    r.waiting.splice(r.waiting.lastIndexOf(what), 1);
  }
}

/** Waits for `promise` while saying what it waits for; fails at once on a crash. */
export async function waitOn<T>(r: Run, what: string, promise: Promise<T>): Promise<T> {
  r.waiting.push(what);
  try {
    return await Promise.race([r.guard.failure, promise]); // failure first: it wins once settled
  } catch (e) {
    throw whileWaiting(r, e);
  } finally {
    r.waiting.splice(r.waiting.lastIndexOf(what), 1);
  }
}

/** Starts a worker process named `name` (its log: one line per handling started). */
export function startWorker(r: Run, name: string, actionTimeout = 30_000, blockMs = 200): Child {
  const log = r.dir.file(`${name}.log`);
  r.logs.push(log);
  const env = { REDIS_URL: r.redis.url, PREFIX: r.prefix, CONSUMER: name, LOG: log, LEASE_TTL: String(LEASE_TTL), ACTION_TIMEOUT: String(actionTimeout), BLOCK_MS: String(blockMs) };
  return watch(r, spawnFixture('worker-process', env, name));
}

/** Starts a gateway process connected to the simulator. */
export function startGatewayProcess(r: Run): Child {
  const n = r.children.filter((c) => c.name.startsWith('gateway')).length + 1;
  return watch(r, spawnFixture('gateway-process', { REDIS_URL: r.redis.url, PREFIX: r.prefix, SIM_URL: r.sim.url }, `gateway${n}`));
}

/** Starts a gateway in the test process. */
export function startGatewayHere(r: Run): void {
  const client = createClient({ url: r.sim.url });
  const gateway = createGateway({ redis: r.redis.url, clients: client, prefix: r.prefix, partitions: PARTITIONS, statsInterval: 50 });
  const reporting = gateway.stats$.subscribe(() => r.reports.next());
  r.cleanups.push(async () => {
    reporting.unsubscribe();
    await gateway.close();
    await client.close();
  });
}

/** Emits event i ("e:<group>:<n>", conversations round-robin); waits for a connected gateway when there is none. */
export async function emit(r: Run, i: number, order: readonly number[] = []): Promise<void> {
  if (r.guard.stop.aborted) return new Promise<never>(() => undefined); // torn down (the test timed out): emit no more
  const c = order[i % CONVERSATIONS] ?? i % CONVERSATIONS;
  const n = Math.floor(i / CONVERSATIONS);
  const event = r.sim.events.groupMessage({ group_id: groupOf(c), user_id: 42, message: `e:${groupOf(c)}:${n}` });
  for (;;) {
    try {
      await r.sim.emit(event);
      r.emitted.push(`${groupOf(c)}:${n}`);
      return;
    } catch {
      await waitOn(r, `a gateway connected to the simulator (to emit event ${i})`, r.sim.waitForConnection());
    }
  }
}

/** The distinct events handled so far, by any worker. */
const handledSoFar = (r: Run): Set<string> => new Set(r.logs.flatMap((f) => readLog(f).map(([g, n]) => `${g}:${n}`)));

/** Waits until every event's reply reached the simulator (or `allowMissing` says it may not) and nothing is left pending. */
export async function finish(r: Run, total: number, allowMissing = false): Promise<void> {
  const check = r.redis.client();
  const what = `all ${total} events handled${allowMissing ? '' : ' and answered'}, nothing pending in Redis`;
  await waitFor(r, what, async () => {
    if (handledSoFar(r).size < total) return false;
    if (!allowMissing && replyCounts(r.sim).size < total) return false;
    return settled(check, r.prefix, PARTITIONS, r.sim.selfId);
  });
}

/** Kills everything the run started, whatever state the test left it in; throws the first error after trying all. */
export async function tearDown(r: Run): Promise<void> {
  aborts.get(r)?.stop.abort();
  const errors: unknown[] = [];
  const step = async (f: () => Promise<unknown> | void) => {
    try {
      await f();
    } catch (e) {
      errors.push(e);
    }
  };
  await step(() => Promise.all(r.children.map((c) => c.kill('SIGKILL'))));
  // The in-process gateway closes against a running Redis (a test that timed out may have left it killed; its
  // close would wait for Redis to come back).
  if (r.cleanups.length > 0 && r.redis.pid === undefined) await step(() => r.redis.restart());
  if (r.redis.pid !== undefined) for (const cleanup of r.cleanups.splice(0).reverse()) await step(cleanup);
  await step(() => r.sim.close());
  await step(() => r.redis.stop());
  await step(() => r.dir.remove());
  if (errors.length > 0) throw errors[0];
}

const list = (ids: readonly string[], max = 20) => (ids.length === 0 ? 'none' : `${ids.slice(0, max).join(', ')}${ids.length > max ? `, … (${ids.length})` : ''}`);

/** Field/value pairs (as XINFO answers them) as a record. */
function record(pairs: unknown): Record<string, unknown> {
  const fields = pairs as unknown[];
  const out: Record<string, unknown> = {};
  for (let i = 0; i + 1 < fields.length; i += 2) out[String(fields[i])] = fields[i + 1];
  return out;
}

/** What Redis holds for the run: leases, counters, and each stream with anything unread or unacknowledged. */
async function redisState(r: Run): Promise<string[]> {
  if (r.redis.pid === undefined) return ['redis-server: not running'];
  // A client that fails instead of waiting: the snapshot must not hang on a server that does not answer.
  const redis = new Redis(r.redis.url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null, commandTimeout: 5_000 }); // real-time: bounds a diagnostic, not a wait of the test
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    const lines = [`redis-server: pid ${r.redis.pid} at ${r.redis.url}`];
    const leases = await Promise.all(Array.from({ length: PARTITIONS }, (_, p) => redis.get(`${r.prefix}:lease:${p}`)));
    lines.push(`leases: ${leases.map((l, p) => `p${p}=${l ?? '-'}`).join(' ')}`);
    lines.push(`stats: ${JSON.stringify(await redis.hgetall(`${r.prefix}:stats`))}`);
    const streams = [...Array.from({ length: PARTITIONS }, (_, p) => `${r.prefix}:events:${p}`), `${r.prefix}:actions:${r.sim.selfId}`];
    for (const stream of streams) {
      if ((await redis.exists(stream)) === 0) continue;
      const length = await redis.xlen(stream);
      for (const group of ((await redis.call('XINFO', 'GROUPS', stream)) as unknown[]).map(record)) {
        if (Number(group.pending) === 0 && (group.lag === null || Number(group.lag) === 0)) continue;
        const consumers = ((await redis.call('XINFO', 'CONSUMERS', stream, String(group.name))) as unknown[]).map(record);
        const pending = (await redis.xpending(stream, String(group.name), '-', '+', 5)) as Array<[string, string, number, number]>;
        lines.push(
          `${stream} (${length} entries) group ${String(group.name)}: pending ${String(group.pending)}, lag ${String(group.lag)}, last delivered ${String(group['last-delivered-id'])}; ` +
            `consumers ${consumers.map((c) => `${String(c.name)} pending ${String(c.pending)} idle ${String(c.idle)} ms`).join(', ')}; ` +
            `first pending ${pending.map(([id, consumer, idle, n]) => `${id} at ${consumer} (idle ${idle} ms, delivered ${n}x)`).join(', ') || 'none'}`,
        );
      }
    }
    const clients = String(await redis.call('CLIENT', 'LIST')).split('\n').filter((l) => /name=onebot-rx/.test(l));
    lines.push(`blocked reads: ${list(clients.filter((l) => /flags=\S*b/.test(l)).map((l) => /name=(\S+)/.exec(l)?.[1] ?? '?'))}`);
    return lines;
  } catch (e) {
    return [`redis-server: pid ${r.redis.pid}, not answering (${e instanceof Error ? e.message : String(e)})`];
  } finally {
    redis.disconnect();
  }
}

/** A snapshot of the run for a failed test: what it was waiting for and what it saw. */
export async function snapshot(r: Run): Promise<string> {
  const handled = handledSoFar(r);
  const replies = replyCounts(r.sim);
  const lines = [
    `waiting for: ${r.waiting.length === 0 ? 'nothing (the test was not in a wait)' : r.waiting.join(' > ')}`,
    `crashes: ${list(r.crashes)}`,
    `events emitted: ${r.emitted.length}; handled ${handled.size}, not yet handled: ${list(r.emitted.filter((id) => !handled.has(id)))}`,
    `replies: ${replies.size} distinct, not received: ${list(r.emitted.filter((id) => !replies.has(`r:${id}`)))}; sent twice: ${list([...replies].filter(([, n]) => n > 1).map(([t]) => t))}`,
    ...r.children.map((c) => {
      const log = r.logs.find((f) => f.endsWith(`/${c.name}.log`));
      const state = c.process.exitCode === null && c.process.signalCode === null ? 'running' : `exited (${c.process.signalCode ?? c.process.exitCode}${c.killed ? ', killed by the test' : ''})`;
      const tail = c.stderrTail(5);
      return `${c.name} pid ${c.process.pid}: ${state}${log === undefined ? '' : `, ${readLog(log).length} handlings logged`}${tail === '' ? '' : `; stderr:\n    ${tail.split('\n').join('\n    ')}`}`;
    }),
    ...(await redisState(r)),
  ];
  return lines.join('\n  ');
}
