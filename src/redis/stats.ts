import { Observable, type SchedulerLike, timer } from 'rxjs';
import { map } from 'rxjs/operators';

/** Cumulative counters of a gateway or a worker, emitted every `statsInterval` ms on `stats$`. */
export interface ScaleOutStats {
  /** Events written to the partition streams (gateway) — 0 on a worker. */
  readonly published: number;
  /** Entries handed to this worker's client (every gateway counts the whole deployment's). */
  readonly delivered: number;
  /** Entries re-delivered to a new owner after their first owner died or gave them up (deployment-wide). */
  readonly redelivered: number;
  /** Entries acknowledged (this worker; deployment-wide on a gateway). */
  readonly acked: number;
  /** Actions whose idempotency key had already run, answered with the first outcome (deployment-wide). */
  readonly duplicatesSuppressed: number;
  /** Entries trimmed from a capped stream before any worker handled them (deployment-wide). */
  readonly trimmed: number;
  /** Events or frames dropped because a bounded buffer was full (this process). */
  readonly overflowed: number;
  /** Entries not yet acknowledged, per partition (owned partitions on a worker; all on a gateway). */
  readonly lag: Readonly<Record<number, number>>;
}

/** Counters one process keeps itself. */
export interface LocalCounters {
  published: number;
  delivered: number;
  redelivered: number;
  acked: number;
  overflowed: number;
}

/** Fresh zeroed local counters. */
export const zeroCounters = (): LocalCounters => ({ published: 0, delivered: 0, redelivered: 0, acked: 0, overflowed: 0 });

/** The deployment-wide counters kept in Redis, read from its stats hash (missing fields are 0). */
export function sharedCounters(hash: Record<string, string>): { redelivered: number; duplicatesSuppressed: number; trimmed: number; delivered: number; acked: number } {
  const n = (field: string) => Number(hash[field] ?? 0) || 0;
  return { redelivered: n('redelivered'), duplicatesSuppressed: n('duplicatesSuppressed'), trimmed: n('trimmed'), delivered: n('delivered'), acked: n('acked') };
}

/**
 * A cold stream sampling `read()` every `interval` ms (first value after one interval); failed samples are
 * skipped, so a Redis outage pauses the figures without ending the stream.
 */
export function sampleEvery(interval: number, scheduler: SchedulerLike, read: () => Promise<ScaleOutStats | undefined>): Observable<ScaleOutStats> {
  return new Observable<ScaleOutStats>((subscriber) => {
    let busy = false;
    const tick = timer(interval, interval, scheduler)
      .pipe(map(() => undefined))
      .subscribe(() => {
        if (busy) return;
        busy = true;
        read().then(
          (stats) => {
            busy = false;
            if (stats !== undefined && !subscriber.closed) subscriber.next(stats);
          },
          () => {
            busy = false;
          },
        );
      });
    return tick;
  });
}
