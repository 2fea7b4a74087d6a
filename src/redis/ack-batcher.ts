import type { Redis } from 'ioredis';
import type { Keys } from './keys';
import { isAborted } from './publisher';
import type { LocalCounters } from './stats';

/** Settings of {@link ackBatcher}. */
export interface AckBatcherSettings {
  readonly redis: Redis;
  readonly keys: Keys;
  readonly group: string;
  readonly counters: LocalCounters;
  /** Whether `partition` is still this worker's: an XACK cut by a lost connection is queued again only then. */
  readonly owns: (partition: number) => boolean;
  /** Reports an XACK Redis refused or a pipeline that failed. */
  readonly warn: (error: unknown) => void;
}

/** What {@link ackBatcher} returns. */
export interface AckBatcher {
  /** Queues the ack of `entryId` in `partition`; it goes out with the others of this tick. */
  add(partition: number, entryId: string): void;
  /** The entry ids of `partition` queued and not yet written. */
  queued(partition: number): readonly string[];
  /** Writes what is queued now (on the worker's main connection, so before anything sent after it). */
  flushNow(): Promise<void>;
}

/**
 * Batches a worker's acknowledgements: the acks of one event-loop tick go out as one pipeline of XACKs across
 * partitions, with the shared `acked` counter's increment for the acks answered before. One pipeline is
 * scheduled or in flight at a time; the acks of handlings that finish meanwhile go out together in the next
 * (a slow handler's acks otherwise cost one XACK per tick). An XACK cut by a lost connection (the client aborts
 * the unanswered part of a pipeline) is queued again while the partition is still ours, never dropped: a
 * dropped ack would leave its entry pending for good; once the partition is gone its next owner re-delivers it.
 */
export function ackBatcher(settings: AckBatcherSettings): AckBatcher {
  const { redis, keys, group, counters, warn } = settings;
  const acks = new Map<number, string[]>();
  /** Acks Redis answered and the shared `acked` counter has not heard of yet. */
  let unreported = 0;
  let flushing = false;
  let again = false;

  const requeue = (partition: number, ids: readonly string[]): void => {
    if (!settings.owns(partition)) return;
    const list = acks.get(partition);
    if (list === undefined) acks.set(partition, [...ids]);
    else list.push(...ids);
  };

  const flushNow = (): Promise<void> => {
    if (acks.size === 0 && unreported === 0) return Promise.resolve();
    const pipeline = redis.pipeline();
    const sent = [...acks];
    acks.clear();
    for (const [partition, ids] of sent) pipeline.xack(keys.events(partition), group, ...ids);
    const reported = unreported;
    unreported = 0;
    if (reported > 0) pipeline.hincrby(keys.stats, 'acked', reported);
    return pipeline.exec().then(
      (results) => {
        sent.forEach(([partition, ids], i) => {
          const [error, answered] = results?.[i] ?? [new Error('pipeline discarded')];
          if (error === null) {
            const n = Number(answered) || 0;
            unreported += n;
            counters.acked += n;
          } else if (isAborted(error)) requeue(partition, ids);
          else warn(error);
        });
        if (reported > 0 && (results?.[sent.length]?.[0] ?? null) !== null) unreported += reported;
        if (acks.size > 0 || unreported > 0) schedule();
      },
      (e: unknown) => {
        for (const [partition, ids] of sent) requeue(partition, ids);
        unreported += reported;
        warn(e);
      },
    );
  };

  const schedule = (): void => {
    if (flushing) {
      again = true;
      return;
    }
    flushing = true;
    setImmediate(() => {
      void flushNow().finally(() => {
        flushing = false;
        if (!again) return;
        again = false;
        schedule();
      });
    });
  };

  return {
    add: (partition, entryId) => {
      const list = acks.get(partition);
      if (list === undefined) acks.set(partition, [entryId]);
      else list.push(entryId);
      schedule();
    },
    queued: (partition) => acks.get(partition) ?? [],
    flushNow,
  };
}
