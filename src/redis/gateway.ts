import { randomBytes } from 'node:crypto';
import { EMPTY, type Observable, type SchedulerLike, type Subscription, asyncScheduler, catchError, isObservable, mergeMap, of, tap } from 'rxjs';
import type { Client, InboundFrame, Logger } from 'onebot-rx';
import { type RedisInput, SILENT_LOGGER, linkTo, whileConnected } from './connect';
import { runActions } from './gateway-actions';
import { DEFAULT_PARTITIONS, DEFAULT_PREFIX, keysOf } from './keys';
import { partitionOf } from './partition';
import { batchPublisher } from './publisher';
import { type ScaleOutStats, sampleEvery, sharedCounters, zeroCounters } from './stats';
import { EVENT_FIELDS as E } from './wire';

/** Options of {@link createGateway}. */
export interface GatewayOptions {
  /** Redis: a URL (`redis://user:pass@host:6379`, `rediss://` for TLS; never logged) or an ioredis client. */
  readonly redis: RedisInput;
  /** The connection(s) to publish: one `Client`, or an `Observable<Client>` such as a reverse-WS server's `bots$`. */
  readonly clients: Client | Observable<Client>;
  /** Key prefix of the deployment (default `onebot`). */
  readonly prefix?: string;
  /** Number of event partitions (default 16); every gateway and worker of a deployment must agree. */
  readonly partitions?: number;
  /** Entries kept per partition stream (default 100 000); trimming an unhandled entry is counted in `trimmed`. */
  readonly maxLen?: number;
  /** Events held while Redis is unreachable (default 10 000); more are dropped and counted in `overflowed`. */
  readonly maxBuffer?: number;
  /**
   * Events written to Redis in one pipeline at most (default 1 000): the events that arrive in one tick of the
   * event loop go out together, so a burst costs one socket write rather than one per event.
   */
  readonly maxBatch?: number;
  /** How long an idempotency key is remembered, ms (default 1 hour; longer than any re-delivery). */
  readonly idempotencyTtl?: number;
  /** Actions executed at once per account (default 1 000). */
  readonly maxInFlight?: number;
  /** Period of `stats$`, ms (default 1 000). */
  readonly statsInterval?: number;
  readonly logger?: Logger;
  readonly scheduler?: SchedulerLike;
}

/** A running gateway: holds the OneBot connections, publishes their events, executes the workers' actions. */
export interface Gateway {
  /** Cumulative counters every `statsInterval` ms; the shared ones cover the whole deployment. */
  readonly stats$: Observable<ScaleOutStats>;
  /**
   * Stops publishing and executing, waits for what is in flight (the actions running, then the events held; each
   * at most 5 s, so a Redis outage cannot hold it), and closes the Redis connections it opened.
   */
  close(): Promise<void>;
}

const isHeartbeat = (event: { post_type?: unknown; meta_event_type?: unknown }): boolean =>
  event.post_type === 'meta_event' && event.meta_event_type === 'heartbeat';

/**
 * Starts a gateway: every inbound event of `clients` becomes an entry of its conversation's partition stream
 * (`<prefix>:events:<n>`), and the actions workers post to `<prefix>:actions:<self_id>` are executed on the
 * client holding that account, each idempotency key at most once. Heartbeats stay local (they describe the
 * gateway's socket, not work). The clients are not closed by `close()`.
 *
 * @example
 * const server = createServer({ port: 8080, path: '/onebot', accessToken });
 * const gateway = createGateway({ redis: process.env.REDIS_URL!, clients: server.bots$, partitions: 16 });
 */
export function createGateway(options: GatewayOptions): Gateway {
  const logger = options.logger ?? SILENT_LOGGER;
  const scheduler = options.scheduler ?? asyncScheduler;
  const partitions = options.partitions ?? DEFAULT_PARTITIONS;
  const keys = keysOf(options.prefix ?? DEFAULT_PREFIX);
  const link = linkTo(options.redis, logger, 'gateway');
  const { main } = link;
  const instance = `gw-${randomBytes(6).toString('hex')}`;
  const counters = zeroCounters();
  let seq = 0;
  let closed = false;
  const runners = new Map<string, { stop(): Promise<void> }>();
  const publisher = batchPublisher({
    redis: main,
    keys,
    maxLen: options.maxLen ?? 100_000,
    maxBuffer: options.maxBuffer ?? 10_000,
    maxBatch: options.maxBatch ?? 1_000,
    counters,
    logger,
    redact: link.redact,
  });

  const publish = (event: Record<string, unknown>, text: string): void =>
    publisher.publish(partitionOf(event, partitions), [E.id, `${instance}-${++seq}`, E.frame, text, E.self, String(event.self_id), E.time, String(Date.now())]);

  const serve = (client: Client, selfId: string): void => {
    if (runners.has(selfId) || closed) return;
    void main.sadd(keys.accounts, selfId).catch(() => undefined);
    runners.set(
      selfId,
      runActions({
        keys,
        main,
        reader: link.blocking(`actions:${selfId}`),
        client,
        selfId,
        consumer: instance,
        idempotencyTtl: options.idempotencyTtl ?? 3_600_000,
        maxInFlight: options.maxInFlight ?? 1_000,
        blockMs: 1_000,
        logger,
        redact: link.redact,
      }),
    );
  };

  const onFrame = (client: Client) => {
    let seen: string | undefined; // the account of this client's previous event: served already
    return (frame: InboundFrame) => {
      if (frame.kind === 'reply') return;
      const event = frame.event as Record<string, unknown>;
      if (isHeartbeat(event)) return;
      const selfId = String(event.self_id ?? '');
      if (selfId !== seen) {
        seen = selfId;
        if (/^\d+$/.test(selfId)) serve(client, selfId);
      }
      publish(event, frame.text); // the frame as received: exact IDs, nothing re-serialised
    };
  };

  const clients$ = isObservable(options.clients) ? options.clients : of(options.clients);
  const subscription: Subscription = clients$
    .pipe(
      mergeMap((client) =>
        client.frames$.pipe(
          tap(onFrame(client)),
          catchError((e: unknown) => {
            logger.warn(`onebot-rx/redis: gateway client ended: ${link.redact(e instanceof Error ? e.message : String(e))}`);
            return EMPTY;
          }),
        ),
      ),
    )
    .subscribe();

  const readStats = async (): Promise<ScaleOutStats> => {
    const pipeline = main.pipeline().hgetall(keys.stats);
    for (let p = 0; p < partitions; p++) pipeline.call('XINFO', 'GROUPS', keys.events(p));
    const results = (await pipeline.exec()) ?? [];
    const shared = sharedCounters((results[0]?.[1] ?? {}) as Record<string, string>);
    const lag: Record<number, number> = {};
    for (let p = 0; p < partitions; p++) {
      const [error, groups] = results[p + 1] ?? [];
      lag[p] = error ? 0 : lagOf(groups);
    }
    return { ...counters, ...shared, published: counters.published, overflowed: counters.overflowed, lag };
  };

  return {
    stats$: sampleEvery(options.statsInterval ?? 1_000, scheduler, readStats),
    close: async () => {
      if (closed) return;
      closed = true;
      subscription.unsubscribe();
      // Actions in flight answer to Redis, and events held are written to it: with Redis gone, neither ends.
      await settleWithin(Promise.all([...runners.values()].map((r) => r.stop())), CLOSE_WAIT_MS);
      await settleWithin(publisher.flush(), CLOSE_WAIT_MS);
      await whileConnected(main, () => main.srem(keys.accounts, ...runners.keys())); // (offline, it would wait for Redis)
      runners.clear();
      await link.close();
    },
  };
}

/** How long `close()` waits, ms, for the actions in flight, then for the events held, to be answered by Redis. */
const CLOSE_WAIT_MS = 5_000;

/** Waits for `work` to settle, at most `ms` (what still runs then ends with the connections). */
async function settleWithin(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([work.catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer); // (a pending timer would hold the process open for the rest of the wait)
}

/** Entries not yet acknowledged in a partition: the largest `lag + pending` over its consumer groups. */
function lagOf(groups: unknown): number {
  if (!Array.isArray(groups)) return 0;
  let most = 0;
  for (const g of groups as unknown[][]) {
    const f: Record<string, unknown> = {};
    for (let i = 0; i + 1 < g.length; i += 2) f[String(g[i])] = g[i + 1];
    const total = (Number(f.lag) || 0) + (Number(f.pending) || 0);
    if (total > most) most = total;
  }
  return most;
}
