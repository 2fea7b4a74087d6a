import { type OperatorFunction, type SchedulerLike, asyncScheduler, defer, map } from 'rxjs';

/** The fields `progressOf` reads: bytes done (`receivedBytes` or `bytesSent`) out of `totalBytes`. */
export interface ProgressSource {
  readonly kind?: string;
  readonly totalBytes?: number;
  readonly receivedBytes?: number;
  readonly bytesSent?: number;
}

/** What `progressOf` adds to each value. */
export interface Progress {
  /** 0–100 (0 while the total is unknown). */
  readonly percent: number;
  /** Average rate since subscription. */
  readonly bytesPerSecond: number;
  /** Estimated time left in ms (`undefined` until a rate is known; 0 once complete). */
  readonly etaMs: number | undefined;
}

/** Bytes done so far, as the value tells it (`complete` events count as everything). */
function bytesDone(value: ProgressSource): number {
  return value.receivedBytes ?? value.bytesSent ?? (value.kind === 'complete' ? (value.totalBytes ?? 0) : 0);
}

/** Percent, rate and ETA of `done` out of `total` after `elapsedMs`. */
export function progressFigures(done: number, total: number | undefined, elapsedMs: number): Progress {
  const bytesPerSecond = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const known = total !== undefined && total > 0;
  const left = known ? Math.max(0, total - done) : undefined;
  return {
    percent: known ? Math.min(100, (done / total) * 100) : 0,
    bytesPerSecond,
    etaMs: left === 0 ? 0 : left !== undefined && bytesPerSecond > 0 ? (left * 1000) / bytesPerSecond : undefined,
  };
}

/**
 * Adds `percent`, `bytesPerSecond` and `etaMs` to every progress value of a transfer (uploads, download
 * chunks, `*ToFile` events), timed by `scheduler` from the moment of subscription.
 *
 * @example
 * client.downloadFileStreamToFile(fileId, { dir: 'downloads' })
 *   .pipe(progressOf())
 *   .subscribe((p) => console.log(`${p.percent.toFixed(1)}% at ${(p.bytesPerSecond / 1e6).toFixed(1)} MB/s`));
 */
export function progressOf<T extends ProgressSource>(scheduler: SchedulerLike = asyncScheduler): OperatorFunction<T, T & Progress> {
  return (source) =>
    defer(() => {
      const start = scheduler.now();
      return source.pipe(map((value) => ({ ...value, ...progressFigures(bytesDone(value), value.totalBytes, scheduler.now() - start) })));
    });
}
