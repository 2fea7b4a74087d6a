import { randomBytes, randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { Observable } from 'rxjs';
import type { DeliveredFrame, DeliveryOutcome, Logger, OpenTransport, SendMeta, SocketOpen, TransportSignal } from 'onebot-rx';
import { ackBatcher } from './ack-batcher';
import { type RedisInput, linkTo, whileConnected } from './connect';
import type { Demand } from './demand';
import type { Keys } from './keys';
import { type Ownership, keepLeases } from './leases';
import type { LocalCounters } from './stats';
import { timeSlice } from './time-slice';
import { Tracked, eventFieldsOf } from './tracked-entry';
import { ACTION_FIELDS as A, type RawEntry, ensureGroup, entriesOf, isNoGroup, localFailure, replyTextOf } from './wire';
import { readReply } from './reply-stream';

/** Settings of {@link workerTransport}. */
export interface WorkerTransportSettings {
  readonly redis: RedisInput;
  readonly keys: Keys;
  readonly partitions: number;
  readonly group: string;
  readonly consumer: string;
  readonly selfId?: string;
  readonly leaseTtl: number;
  readonly readAhead: number;
  readonly blockMs: number;
  readonly drainTimeout: number;
  readonly logger: Logger;
  readonly demand: Demand;
  readonly counters: LocalCounters;
  /** The current session's Redis connection and partitions, for `stats$`. */
  readonly live: { main?: Redis; owned?: ReadonlyMap<number, Ownership> };
}

/** A blocking read in flight: the ownerships it covers, and when its entries have been handed out. */
interface Read {
  readonly covers: ReadonlySet<Ownership>;
  readonly done: Promise<void>;
}

const MAX_ACTION_STREAM = 10_000;

/**
 * The transport of a worker: a session reads the partitions this worker owns from Redis Streams (re-delivering
 * a new partition's pending entries first) and yields each entry as a `DeliveredFrame`, acknowledging it once
 * every handling that claimed it settled (at once when nobody claimed it); `send(text, meta)` posts the action
 * to `<prefix>:actions:<self_id>` with its idempotency key and fencing epoch, and the gateway's reply frames
 * come back on this worker's reply stream.
 */
export function workerTransport(settings: WorkerTransportSettings): OpenTransport {
  const { keys, group, consumer, logger, demand, counters } = settings;
  return (generation, onRelease) =>
    new Observable<TransportSignal>((subscriber) => {
      const link = linkTo(settings.redis, logger, `worker ${consumer}`);
      const { main } = link;
      const reader = link.blocking('events');
      const replier = link.blocking('replies');
      const instance = `${consumer}/${randomBytes(4).toString('hex')}`;
      const replyList = keys.replies(instance);
      /** The handlings' view, by delivery id (what `send` looks idempotency keys up by). */
      const tracked = new Map<string, Tracked>();
      /** Every entry handed out and not finished, per ownership still held, by entry id. */
      const live = new Map<Ownership, Map<string, Tracked>>();
      let current: Read | undefined;
      let inFlight = 0;
      let stopped = false;
      let wakeUp: (() => void) | undefined;
      let accounts: string[] = [];
      const say = (e: unknown) => link.redact(e instanceof Error ? e.message : String(e));
      const wake = () => {
        const w = wakeUp;
        wakeUp = undefined;
        w?.();
      };
      const stopWatching = demand.watch(wake);

      const acks = ackBatcher({
        redis: main,
        keys,
        group,
        counters,
        owns: (partition) => leases.owned.has(partition),
        warn: (e) => logger.warn(`onebot-rx/redis: worker ack failed: ${say(e)}`),
      });

      const uncount = (t: Tracked): void => {
        if (!t.counted) return;
        t.counted = false;
        inFlight--;
      };
      const finish = (t: Tracked): void => {
        if (t.finished || t.delivering || t.claims > 0) return;
        t.finished = true;
        const entries = live.get(t.ownership);
        if (entries?.get(t.entryId) === t) {
          entries.delete(t.entryId);
          if (entries.size === 0 && leases.owned.get(t.ownership.partition) !== t.ownership) live.delete(t.ownership);
        }
        uncount(t);
        const { partition } = t.ownership;
        if (leases.owned.get(partition) === t.ownership && !t.cancelled) {
          acks.add(partition, t.entryId);
        }
        if (drained.size > 0) drained.get(partition)?.();
        wake();
      };

      /** Ends an ownership's claim on its unfinished entries: handlings cancelled, not acked; a next owner re-delivers them. */
      const forget = (o: Ownership): void => {
        const entries = live.get(o);
        if (entries === undefined || !live.delete(o)) return;
        for (const t of [...entries.values()].reverse()) { // latest first: a cancelled one's queued successor is revoked already
          uncount(t);
          t.revoke();
        }
      };

      const settled = (t: Tracked, outcome: DeliveryOutcome): void => {
        if (outcome === 'cancelled') t.cancelled = true;
        if (t.claims === 0 && tracked.get(t.id) === t) tracked.delete(t.id);
        finish(t);
      };

      const deliver = (ownership: Ownership, [entryId, flat]: RawEntry): void => {
        let entries = live.get(ownership);
        if (entries === undefined) live.set(ownership, (entries = new Map()));
        else if (entries.has(entryId)) return;
        const f = eventFieldsOf(flat);
        const t = new Tracked(ownership, entryId, f.id ?? `${ownership.partition}/${entryId}`, f.self, settled);
        entries.set(entryId, t);
        tracked.set(t.id, t);
        inFlight++;
        counters.delivered++;
        try {
          subscriber.next({ text: f.frame, delivery: t } satisfies DeliveredFrame);
        } finally {
          t.delivering = false;
          if (t.claims === 0 && tracked.get(t.id) === t) tracked.delete(t.id);
          finish(t);
        }
      };

      const drained = new Map<number, () => void>();
      const reading = new Set<Ownership>();
      const leases = keepLeases(
        {
          redis: main,
          keys,
          partitions: settings.partitions,
          member: consumer,
          owner: instance,
          leaseTtl: settings.leaseTtl,
          wanted: () => demand.active && !stopped,
          onError: (e) => logger.warn(`onebot-rx/redis: worker ${consumer} leases: ${say(e)}`),
        },
        {
          acquired: async (o) => {
            const stream = keys.events(o.partition);
            await ensureGroup(main, stream, group);
            let cursor = '0-0';
            let redelivered = 0;
            do {
              const [next, entries] = (await main.call('XAUTOCLAIM', stream, group, consumer, '0', cursor, 'COUNT', '200')) as [string, RawEntry[]];
              cursor = next;
              const slice = timeSlice();
              for (const entry of entries) {
                if (leases.owned.get(o.partition) !== o || stopped) return;
                if (!Array.isArray(entry?.[1])) continue;
                redelivered++;
                counters.redelivered++;
                deliver(o, entry);
                if (slice.due()) await slice.pause();
              }
            } while (cursor !== '0-0');
            if (redelivered > 0) void main.hincrby(keys.stats, 'redelivered', redelivered).catch(() => undefined);
            reading.add(o);
            wake();
          },
          lost: (o) => {
            reading.delete(o);
            logger.warn(`onebot-rx/redis: worker ${consumer} lost partition ${o.partition} (epoch ${o.epoch}); its in-flight handlings are not acknowledged`);
            forget(o);
            wake();
          },
          drain: async (o) => {
            reading.delete(o);
            // A read still blocked on this partition would take entries the next owner never sees: let it end
            // (it hands what it got to the handlings below) before the lease goes.
            while (current?.covers.has(o)) await current.done;
            const pendingOf = () => (live.get(o)?.size ?? 0) > 0;
            if (pendingOf()) {
              await new Promise<void>((resolve) => {
                const timer = setTimeout(done, settings.drainTimeout);
                function done() {
                  clearTimeout(timer);
                  drained.delete(o.partition);
                  resolve();
                }
                drained.set(o.partition, () => {
                  if (!pendingOf()) done();
                });
              });
            }
            forget(o); // what outlived the drain timeout is left pending for the next owner
            await acks.flushNow(); // acks before the release, on the same connection
          },
        },
      );
      settings.live.main = main;
      settings.live.owned = leases.owned;

      /**
       * Hands out `entries` of `o` in order (but those in `skip`), letting the event loop run after every
       * slice of synchronous handling so that slow synchronous handlers cannot starve the lease renewals;
       * stops once `o` is no longer ours (the read was served while it was: its next owner claims the rest).
       */
      const deliverAll = async (o: Ownership, entries: readonly RawEntry[], skip?: ReadonlySet<string>): Promise<void> => {
        const slice = timeSlice();
        for (const entry of entries) {
          if (stopped || leases.owned.get(o.partition) !== o) return;
          if (skip?.has(entry[0]) !== true) deliver(o, entry);
          if (slice.due()) await slice.pause();
        }
      };

      /** Delivers again this consumer's pending entries of `open` not in flight here (a read answer lost with the connection). */
      const recover = async (open: readonly Ownership[]): Promise<void> => {
        for (const o of open) {
          let from = '0';
          for (;;) {
            const reply = await main.call('XREADGROUP', 'GROUP', group, consumer, 'COUNT', '500', 'STREAMS', keys.events(o.partition), from);
            const entries = entriesOf(reply)[0]?.[1] ?? [];
            if (entries.length === 0 || leases.owned.get(o.partition) !== o) break;
            await deliverAll(o, entries, new Set(acks.queued(o.partition)));
            from = entries[entries.length - 1]![0];
          }
        }
      };

      /**
       * A blocking read must end while the leases it covers are surely ours (else Redis could hand a next
       * owner's entries to it): it covers only partitions with more than `margin` of lease left, and blocks
       * no longer than the shortest of them.
       */
      const margin = Math.max(20, Math.floor(settings.leaseTtl / 5));
      const leaseLeft = (o: Ownership, now: number): number => o.validUntil - now - margin;

      const readLoop = async (): Promise<void> => {
        let recovering = false;
        while (!stopped) {
          const now = Date.now();
          const open = [...reading].filter((o) => leases.owned.get(o.partition) === o && !o.releasing && leaseLeft(o, now) >= 10);
          const room = settings.readAhead - inFlight;
          if (!demand.active || open.length === 0 || room <= 0) {
            await new Promise<void>((resolve) => {
              wakeUp = resolve;
              setTimeout(wake, settings.blockMs);
            });
            continue;
          }
          const count = Math.max(1, Math.floor(room / open.length));
          const block = Math.max(1, Math.min(settings.blockMs, ...open.map((o) => leaseLeft(o, now))));
          let ended: () => void = () => undefined;
          current = { covers: new Set(open), done: new Promise<void>((resolve) => (ended = resolve)) };
          try {
            if (recovering) {
              await recover(open);
              recovering = false;
            }
            const streams = new Map(open.map((o) => [keys.events(o.partition), o]));
            const reply = await reader.call('XREADGROUP', 'GROUP', group, consumer, 'COUNT', String(count), 'BLOCK', String(block), 'STREAMS', ...streams.keys(), ...open.map(() => '>'));
            for (const [stream, entries] of entriesOf(reply)) {
              const o = streams.get(stream);
              // Lost while reading: the read was served while the lease was ours, so the next owner claims these.
              if (o === undefined || leases.owned.get(o.partition) !== o) continue;
              await deliverAll(o, entries);
            }
          } catch (e) {
            if (stopped) return;
            recovering = true; // the answer may have been lost with the connection
            if (isNoGroup(e)) {
              for (const o of open) await ensureGroup(main, keys.events(o.partition), group).catch(() => undefined);
            } else {
              logger.warn(`onebot-rx/redis: worker ${consumer} reading: ${say(e)}`);
              await new Promise((r) => setTimeout(r, 200));
            }
          } finally {
            current = undefined;
            ended();
          }
        }
      };

      /**
       * Reads this worker's reply stream from the last entry handled on: reading removes nothing, so a read
       * whose answer is lost with the connection is read again (a popped list item would be gone, and its call
       * would wait for its deadline); what was read is trimmed after.
       */
      const replyLoop = async (): Promise<void> => {
        let after = '0-0';
        while (!stopped) {
          try {
            const reply = await replier.call('XREAD', 'COUNT', '1000', 'BLOCK', String(Math.max(1, settings.blockMs)), 'STREAMS', replyList, after);
            const entries = entriesOf(reply)[0]?.[1] ?? [];
            for (const [id, flat] of entries) {
              if (stopped) break;
              after = id;
              const item = readReply(replyTextOf(flat));
              if ('pass' in item) subscriber.next(item.pass);
              else logger.warn(`onebot-rx/redis: worker ${consumer} dropped ${item.drop} found on its reply stream`);
            }
            if (entries.length > 0 && !stopped) void main.xtrim(replyList, 'MINID', after).catch(() => undefined);
          } catch (e) {
            if (stopped) return;
            logger.warn(`onebot-rx/redis: worker ${consumer} replies: ${say(e)}`);
            await new Promise((r) => setTimeout(r, 200));
          }
        }
      };

      const refreshAccounts = async (): Promise<string[]> => {
        accounts = await main.smembers(keys.accounts);
        return accounts;
      };

      const post = (selfId: string, key: string, text: string, meta: SendMeta | undefined, t: Tracked | undefined): void => {
        main
          .xadd(keys.actions(selfId), 'MAXLEN', '~', String(MAX_ACTION_STREAM), '*',
            A.key, key, A.frame, text, A.replyTo, replyList, A.deadline, String(meta?.deadline ?? ''),
            A.partition, t === undefined ? '' : String(t.ownership.partition), A.epoch, t === undefined ? '' : String(t.ownership.epoch))
          .catch((e: unknown) => logger.warn(`onebot-rx/redis: worker ${consumer} posting an action failed: ${say(e)}`));
      };

      const answerLocally = (text: string, message: string): void => {
        const failed = localFailure(text, message);
        if (failed !== undefined) queueMicrotask(() => stopped || subscriber.next(failed));
      };

      const send = (text: string, meta?: SendMeta): boolean => {
        if (stopped) return false;
        const key = meta?.idempotencyKey ?? `r:${randomUUID()}`;
        const cut = meta?.idempotencyKey === undefined ? -1 : key.lastIndexOf(':');
        const t = cut > 0 ? tracked.get(key.slice(0, cut)) : undefined;
        const selfId = meta?.selfId ?? (t?.selfId || undefined) ?? settings.selfId ?? (accounts.length === 1 ? accounts[0] : undefined);
        if (selfId !== undefined) {
          post(selfId, key, text, meta, t);
          return true;
        }
        refreshAccounts().then(
          (list) => {
            if (list.length === 1) post(list[0]!, key, text, meta, t);
            else answerLocally(text, `selfId: ${list.length === 0 ? 'no gateway holds an account yet' : `the gateways hold ${list.length} accounts`}; pass createWorker({ selfId })`);
          },
          (e: unknown) => answerLocally(text, `selfId: the accounts could not be read (${say(e)})`),
        );
        return true;
      };

      const socket: SocketOpen = { type: 'open', generation, send };
      subscriber.next(socket);
      void refreshAccounts().catch(() => undefined);
      const loops = Promise.all([readLoop(), replyLoop()]);

      return () => {
        stopped = true;
        stopWatching();
        wake();
        onRelease(
          (async () => {
            reader.disconnect();
            replier.disconnect();
            await loops.catch(() => undefined);
            await leases.stop();
            await new Promise((r) => setImmediate(r));
            await whileConnected(main, () => main.del(replyList)); // (offline, it would wait for Redis)
            await link.close();
          })(),
        );
      };
    });
}
