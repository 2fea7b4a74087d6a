import type { Redis } from 'ioredis';
import type { Logger } from 'onebot-rx';
import type { Keys } from './keys';
import { TRIM } from './scripts';
import type { LocalCounters } from './stats';

/** Settings of {@link batchPublisher}. */
export interface PublisherSettings {
  readonly redis: Redis;
  readonly keys: Keys;
  /** Entries kept per partition stream; every tenth of it, the stream is trimmed (counted in `trimmed`). */
  readonly maxLen: number;
  /** Events queued or in flight at most; more are dropped and counted in `overflowed`. */
  readonly maxBuffer: number;
  /** Events written in one pipeline at most (a fuller queue is written at once, without waiting for the tick). */
  readonly maxBatch: number;
  readonly counters: LocalCounters;
  readonly logger: Logger;
  readonly redact: (text: string) => string;
}

/** One event waiting for its XADD: its partition and the entry's field/value list. */
interface Pending {
  readonly partition: number;
  readonly fields: readonly string[];
}

/** What {@link batchPublisher} returns. */
export interface Publisher {
  /** Queues one entry for `partition` (dropped and counted in `overflowed` when the buffer is full). */
  publish(partition: number, fields: readonly string[]): void;
  /** Writes what is queued now and resolves when every write so far has been answered. */
  flush(): Promise<void>;
}

/**
 * Publishes partition entries in batches: the events that arrive in one tick of the event loop (at most
 * `maxBatch`) go to Redis as one pipeline of XADDs, so a burst costs one socket write instead of one per event.
 * One pipeline is in flight at a time (what arrives meanwhile goes in the next), on one connection, so each
 * partition's entries stay in order. An XADD Redis refuses is counted in `overflowed` and logged (the others
 * of its pipeline are unaffected); while Redis is unreachable, the client holds the queued commands and sends
 * them on reconnecting, within `maxBuffer`. A pipeline cut by a lost connection after part of it was answered
 * (the client aborts the rest rather than re-send it) has its unanswered XADDs queued again ahead of everything
 * newer: an event whose XADD was applied but whose answer was lost may be published twice (the same event id,
 * so its handling's idempotency keys are the same and nothing is sent twice), never lost.
 */
export function batchPublisher(settings: PublisherSettings): Publisher {
  const { redis, keys, counters, logger } = settings;
  const trimEvery = Math.max(100, Math.floor(settings.maxLen / 10));
  /** Entries published per partition since its last trim (an array: looked up on every entry). */
  const sinceTrim: number[] = [];
  let queue: Pending[] = [];
  let buffered = 0;
  let scheduled = false;
  let overflowLogged = false;
  /** The pipeline in flight, if any. */
  let writing: Promise<void> | undefined;

  const trim = (partition: number): void => {
    sinceTrim[partition] = 0;
    void TRIM.run(redis, [keys.events(partition), keys.stats], [settings.maxLen, 10_000]).catch((e: unknown) =>
      logger.warn(`onebot-rx/redis: trimming partition ${partition}: ${settings.redact(String(e))}`),
    );
  };

  const settle = (entry: Pending, error: unknown): void => {
    buffered--;
    if (error) {
      counters.overflowed++;
      logger.warn(`onebot-rx/redis: publishing to partition ${entry.partition} failed: ${settings.redact(String(error))}`);
      return;
    }
    counters.published++;
    overflowLogged = false;
    const since = (sinceTrim[entry.partition] ?? 0) + 1;
    sinceTrim[entry.partition] = since;
    if (since >= trimEvery) trim(entry.partition);
  };

  const write = (): void => {
    if (writing !== undefined || queue.length === 0) return;
    const batch = queue.length <= settings.maxBatch ? queue : queue.slice(0, settings.maxBatch);
    queue = batch === queue ? [] : queue.slice(batch.length);
    const pipeline = redis.pipeline();
    for (const entry of batch) pipeline.xadd(keys.events(entry.partition), '*', ...entry.fields);
    writing = pipeline.exec().then(
      (results) => {
        const again: Pending[] = [];
        batch.forEach((entry, i) => {
          const error = results === null ? new Error('pipeline discarded') : (results[i]?.[0] ?? null);
          if (isAborted(error)) again.push(entry);
          else settle(entry, error);
        });
        if (again.length > 0) queue = again.concat(queue); // ahead of everything newer: order kept
      },
      (e: unknown) => batch.forEach((entry) => settle(entry, e ?? new Error('pipeline failed'))),
    );
    void writing.finally(() => {
      writing = undefined;
      write();
    });
  };

  const onTick = (): void => {
    scheduled = false;
    write();
  };

  return {
    publish: (partition, fields) => {
      if (buffered >= settings.maxBuffer) {
        counters.overflowed++;
        if (!overflowLogged) logger.warn(`onebot-rx/redis: gateway buffer full (${settings.maxBuffer} events): dropping events, counted in stats$.overflowed`);
        overflowLogged = true;
        return;
      }
      buffered++;
      queue.push({ partition, fields });
      if (queue.length >= settings.maxBatch) write();
      else if (!scheduled) {
        scheduled = true;
        setImmediate(onTick);
      }
    },
    flush: async () => {
      write();
      while (writing !== undefined) {
        await writing.catch(() => undefined);
        await Promise.resolve(); // let the finally that starts the next pipeline run
      }
    },
  };
}

/** Whether a command failed because its connection closed before its answer (the client aborted it unsent or unanswered). */
export function isAborted(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}
