import type { Redis } from 'ioredis';
import type { Keys } from './keys';
import { ACQUIRE, MEMBERS, RELEASE, RENEW } from './scripts';

/** A partition this worker owns, with the fencing epoch its acquisition took. */
export interface Ownership {
  readonly partition: number;
  readonly epoch: number;
  /** The lease value, `<owner>|<epoch>`. */
  readonly token: string;
  /** Set while the partition is being given up (no reading; in-flight handlings finish, then it is released). */
  releasing: boolean;
  /**
   * Local time (ms) until which the lease is surely still ours: when the last successful acquisition or
   * renewal was sent, plus the lease term. Redis cannot expire it earlier, so nobody else can own it before.
   */
  validUntil: number;
}

/** What the lease keeper reports to the worker. */
export interface LeaseHooks {
  /** A partition was acquired: re-deliver its pending entries, then start reading it. */
  acquired(ownership: Ownership): Promise<void>;
  /** A partition was lost (renewal failed or Redis unreachable for a lease term): stop it at once. */
  lost(ownership: Ownership): void;
  /** A partition is to be given up: stop reading it, let in-flight handlings finish and ack; then resolve. */
  drain(ownership: Ownership): Promise<void>;
}

/** Settings of {@link keepLeases}. */
export interface LeaseSettings {
  readonly redis: Redis;
  readonly keys: Keys;
  readonly partitions: number;
  /** Stable worker name (the consumer name): the membership entry and the base of the assignment. */
  readonly member: string;
  /** Unique per process: `<member>/<instance>` owns the leases. */
  readonly owner: string;
  readonly leaseTtl: number;
  /** Whether the worker wants work now (something consumes events). */
  readonly wanted: () => boolean;
  readonly onError: (error: unknown) => void;
}

/** The partitions `member` should own: partition p goes to the p-th live member (sorted by name) modulo their number. */
export function assignment(members: readonly string[], member: string, partitions: number): Set<number> {
  const sorted = [...new Set(members)].sort();
  const mine = new Set<number>();
  if (sorted.length === 0) return mine;
  for (let p = 0; p < partitions; p++) if (sorted[p % sorted.length] === member) mine.add(p);
  return mine;
}

function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Keeps a worker's membership and leases: every third of a lease term it refreshes its membership, renews the
 * leases it holds (a failed renewal, or no answer for a whole term, loses them at once), gives up the
 * partitions no longer assigned to it (after draining them), and takes the free ones assigned to it, each with
 * a new epoch. Returns the owned partitions and a `stop` that releases everything.
 */
export function keepLeases(settings: LeaseSettings, hooks: LeaseHooks): { owned: Map<number, Ownership>; stop(): Promise<void> } {
  const { redis, keys, leaseTtl } = settings;
  const owned = new Map<number, Ownership>();
  const period = Math.max(50, Math.floor(leaseTtl / 3));
  let stopped = false;
  let ticking: Promise<void> | undefined;
  const run = (): void => {
    if (ticking !== undefined || stopped) return;
    ticking = tick()
      .catch(settings.onError)
      .finally(() => {
        ticking = undefined;
      });
  };

  const lose = (o: Ownership): void => {
    if (owned.get(o.partition) !== o) return;
    owned.delete(o.partition);
    hooks.lost(o);
  };

  const release = async (o: Ownership): Promise<void> => {
    await hooks.drain(o);
    if (owned.get(o.partition) !== o) return;
    owned.delete(o.partition);
    await RELEASE.run(redis, [keys.lease(o.partition)], [o.token]).catch(() => undefined);
  };

  const tick = async (): Promise<void> => {
    const started = Date.now();
    const wanted = settings.wanted();
    const members = (await withDeadline(MEMBERS.run(redis, [keys.members], [settings.member, wanted ? leaseTtl : 0]), leaseTtl)) as string[];
    const renewals = [...owned.values()];
    const renewed = await withDeadline(Promise.all(renewals.map((o) => RENEW.run(redis, [keys.lease(o.partition)], [o.token, leaseTtl]))), leaseTtl);
    renewals.forEach((o, i) => {
      if (Number(renewed[i]) !== 1) lose(o);
      else o.validUntil = Math.max(o.validUntil, started + leaseTtl);
    });
    const mine = wanted ? assignment(members, settings.member, settings.partitions) : new Set<number>();
    for (const o of owned.values()) {
      if (!mine.has(o.partition) && !o.releasing) {
        o.releasing = true;
        void release(o);
      }
    }
    for (const partition of mine) {
      if (owned.has(partition) || stopped) continue;
      const asked = Date.now();
      // Bounded like the renewals: a tick waiting for an answer that never comes (Redis gone with the command
      // unanswered) held every later tick and `stop()`, so a worker closing during the outage never closed.
      const epoch = Number(await withDeadline(ACQUIRE.run(redis, [keys.lease(partition), keys.epoch(partition)], [settings.owner, leaseTtl]), leaseTtl));
      if (epoch > 0 && !stopped) {
        const o: Ownership = { partition, epoch, token: `${settings.owner}|${epoch}`, releasing: false, validUntil: asked + leaseTtl };
        owned.set(partition, o);
        // A take-over that fails (Redis lost mid-claim) must not leave the lease held and the partition unread:
        // it is given up at once and taken again, with a new epoch, by a later tick.
        hooks.acquired(o).catch((e: unknown) => {
          settings.onError(e);
          if (owned.get(partition) !== o) return;
          lose(o);
          void RELEASE.run(redis, [keys.lease(partition)], [o.token]).catch(() => undefined);
        });
      }
    }
  };

  const timer = setInterval(() => {
    const now = Date.now();
    for (const o of [...owned.values()]) if (now >= o.validUntil) lose(o);
    run();
  }, period);
  run();

  return {
    owned,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await ticking;
      const all = [...owned.values()];
      owned.clear();
      await withDeadline(
        Promise.all([
          ...all.map((o) => RELEASE.run(redis, [keys.lease(o.partition)], [o.token])),
          MEMBERS.run(redis, [keys.members], [settings.member, 0]),
        ]),
        leaseTtl,
      ).catch(() => undefined);
    },
  };
}
