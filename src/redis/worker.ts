import { type Observable, type SchedulerLike, type Subscription, asyncScheduler, defer, finalize } from 'rxjs';
import { type Client, type IdInput, type Logger, type ThrottleOptions, createClient } from 'onebot-rx';
import { type RedisInput, SILENT_LOGGER } from './connect';
import { Demand } from './demand';
import { DEFAULT_PARTITIONS, DEFAULT_PREFIX, keysOf } from './keys';
import { type ScaleOutStats, sampleEvery, sharedCounters, zeroCounters } from './stats';
import { workerTransport, type WorkerTransportSettings } from './worker-transport';

/** Options of {@link createWorker}. */
export interface WorkerOptions {
  /** Redis: a URL (`redis://user:pass@host:6379`, `rediss://` for TLS; never logged) or an ioredis client. */
  readonly redis: RedisInput;
  /** Key prefix of the deployment (default `onebot`). */
  readonly prefix?: string;
  /** Consumer group: the workers of one bot share it (another group gets every event again). */
  readonly group: string;
  /** This worker's name, unique and stable per worker (a restarted worker may keep it). */
  readonly consumer: string;
  /** The account that calls made outside a handling go to (default: the only account the gateways hold). */
  readonly selfId?: IdInput;
  /** Number of event partitions (default 16): the same as the gateway's. */
  readonly partitions?: number;
  /** Lease term of a partition, ms (default 10 000): a dead worker's partitions move on after at most this. */
  readonly leaseTtl?: number;
  /**
   * Entries read ahead of the handlers at most (default 1 000); also the default `maxQueued` of this worker's
   * `handle` registrations, so read-ahead entries wait in their conversation's queue instead of being dropped.
   */
  readonly readAhead?: number;
  /** How long one blocking read waits, ms (default 1 000). */
  readonly blockMs?: number;
  /** How long a partition being given up waits for its in-flight handlings, ms (default 30 000). */
  readonly drainTimeout?: number;
  /** Period of `stats$`, ms (default 1 000). */
  readonly statsInterval?: number;
  /** Default action timeout, ms (default 30 000). */
  readonly actionTimeout?: number;
  /** Spaces outgoing sends per target and overall. */
  readonly throttle?: ThrottleOptions;
  /** `true`: a reply whose data fails its result codec fails the call. */
  readonly strictResults?: boolean;
  readonly logger?: Logger;
  readonly scheduler?: SchedulerLike;
}

/** A worker: a `Client` fed from Redis, plus its counters. */
export type WorkerClient = Client & {
  /** Cumulative counters of this worker (and the deployment-wide ones) every `statsInterval` ms. */
  readonly stats$: Observable<ScaleOutStats>;
};

/** The client members that consume events: using one makes the worker take partitions and read. */
const EVENT_STREAMS = [
  'frames$',
  'events$',
  'messages$',
  'groupMessages$',
  'privateMessages$',
  'messageSent$',
  'notices$',
  'requests$',
  'metaEvents$',
  'unknownEvents$',
] as const;

const SUBSCRIPTION_METHODS = ['handle', 'run'] as const;

/**
 * Counts the subscriptions to the event streams, `on(...)`, `handle` and `run` of `client` in `demand`, and
 * lets a `handle` queue as many events per conversation as the worker reads ahead (`maxQueued` default): a
 * queue overflow settles the dropped events as handled, which here would acknowledge entries never handled.
 */
function trackDemand(client: Client, demand: Demand, readAhead: number): void {
  const target = client as unknown as Record<string, unknown>;
  const counted = <T>(source: Observable<T>): Observable<T> =>
    defer(() => {
      const done = demand.add();
      return source.pipe(finalize(done));
    });
  for (const name of EVENT_STREAMS) target[name] = counted(target[name] as Observable<unknown>);
  const on = client.on.bind(client);
  target.on = (...queries: Parameters<Client['on']>) => counted(on(...queries));
  for (const name of SUBSCRIPTION_METHODS) {
    const method = target[name];
    if (typeof method !== 'function') continue;
    target[name] = (...args: unknown[]): Subscription => {
      if (name === 'handle') args[2] = { maxQueued: readAhead, ...(args[2] as object | undefined) };
      const done = demand.add();
      const subscription = (method as (...a: unknown[]) => Subscription).apply(client, args);
      subscription.add(done);
      return subscription;
    };
  }
}

/**
 * Creates a worker: a `Client` whose events come from the partitions it owns in Redis and whose actions go
 * through Redis to the gateway holding the account. `handle`, `run`, `ask`, `nextMessage`, the operators,
 * `api.*` and the seed methods work unchanged. It takes partitions and reads only while something consumes
 * events; a `handle()` handling acknowledges its entry when it completes, and its calls carry idempotency
 * keys so a re-delivered event never sends twice. Calls outside a handling get random keys (at-least-once
 * across crashes).
 *
 * @example
 * const bot = createWorker({ redis: process.env.REDIS_URL!, group: 'echo', consumer: `w-${process.pid}` });
 * bot.handle('message.group', (m, ctx) => ctx.reply(textOf(m)));
 */
export function createWorker(options: WorkerOptions): WorkerClient {
  const logger = options.logger ?? SILENT_LOGGER;
  const scheduler = options.scheduler ?? asyncScheduler;
  const keys = keysOf(options.prefix ?? DEFAULT_PREFIX);
  const demand = new Demand();
  const readAhead = options.readAhead ?? 1_000;
  const counters = zeroCounters();
  const live: WorkerTransportSettings['live'] = {};
  const transport = workerTransport({
    redis: options.redis,
    keys,
    partitions: options.partitions ?? DEFAULT_PARTITIONS,
    group: options.group,
    consumer: options.consumer,
    ...(options.selfId === undefined ? {} : { selfId: String(options.selfId) }),
    leaseTtl: options.leaseTtl ?? 10_000,
    readAhead,
    blockMs: options.blockMs ?? 1_000,
    drainTimeout: options.drainTimeout ?? 30_000,
    logger,
    demand,
    counters,
    live,
  });
  const client = createClient({
    url: `onebot-rx-worker:${options.consumer}`,
    transport,
    scheduler,
    logger,
    ...(options.actionTimeout === undefined ? {} : { actionTimeout: options.actionTimeout }),
    ...(options.throttle === undefined ? {} : { throttle: options.throttle }),
    ...(options.strictResults === undefined ? {} : { strictResults: options.strictResults }),
  });
  trackDemand(client, demand, readAhead);

  const readStats = async (): Promise<ScaleOutStats | undefined> => {
    const { main, owned } = live;
    if (main === undefined || main.status === 'end') return { ...counters, duplicatesSuppressed: 0, trimmed: 0, lag: {} };
    const partitions = [...(owned?.keys() ?? [])];
    const pipeline = main.pipeline().hgetall(keys.stats);
    for (const p of partitions) pipeline.call('XINFO', 'GROUPS', keys.events(p));
    const results = (await pipeline.exec()) ?? [];
    const shared = sharedCounters((results[0]?.[1] ?? {}) as Record<string, string>);
    const lag: Record<number, number> = {};
    partitions.forEach((p, i) => {
      const groups = results[i + 1]?.[1];
      lag[p] = groupLag(groups, options.group);
    });
    return { ...counters, duplicatesSuppressed: shared.duplicatesSuppressed, trimmed: shared.trimmed, lag };
  };
  return Object.assign(client, { stats$: sampleEvery(options.statsInterval ?? 1_000, scheduler, readStats) });
}

/** `lag + pending` of `group` in an `XINFO GROUPS` reply. */
function groupLag(groups: unknown, group: string): number {
  if (!Array.isArray(groups)) return 0;
  for (const g of groups as unknown[][]) {
    const f: Record<string, unknown> = {};
    for (let i = 0; i + 1 < g.length; i += 2) f[String(g[i])] = g[i + 1];
    if (f.name === group) return (Number(f.lag) || 0) + (Number(f.pending) || 0);
  }
  return 0;
}
