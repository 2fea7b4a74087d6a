/** Longest run of synchronous handling, ms, before a worker lets the event loop run (lease renewals, acks, replies). */
export const SLICE_MS = 10;

/** What {@link timeSlice} returns. */
export interface TimeSlice {
  /** Whether the current run of synchronous work has lasted `sliceMs` or more. */
  due(): boolean;
  /** Lets the event loop run (timers, I/O) and starts a new run. */
  pause(): Promise<void>;
}

/**
 * Paces a long run of synchronous work, such as handing out a read of entries whose handlers do their work
 * synchronously: `if (slice.due()) await slice.pause()` after each unit. Without it, a read of `readAhead`
 * entries at 1 ms each blocks the event loop for a second, and the worker's lease renewals with it.
 *
 * @example
 * const slice = timeSlice();
 * for (const entry of entries) {
 *   deliver(entry);
 *   if (slice.due()) await slice.pause();
 * }
 */
export function timeSlice(sliceMs = SLICE_MS): TimeSlice {
  let since = performance.now();
  return {
    due: () => performance.now() - since >= sliceMs,
    pause: () =>
      new Promise<void>((resolve) =>
        setImmediate(() => {
          since = performance.now();
          resolve();
        }),
      ),
  };
}
