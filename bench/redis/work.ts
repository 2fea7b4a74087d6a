/**
 * The scaling section's handler work: a fixed number of xorshift32 steps per event, the same in every run and
 * process (deterministic work, not a clock spin), calibrated once to about the requested CPU time.
 */

/** Where the work's results go, so the compiler cannot drop the loop. */
let sink = 0;

/** `iterations` xorshift32 steps from `seed`; the result is folded into a module-level sink. */
export function work(iterations: number, seed: number): void {
  let x = seed | 1;
  for (let i = 0; i < iterations; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
  }
  sink ^= x;
}

/** The folded results so far: readable, so the work cannot be optimised away as unobserved. */
export const workSink = (): number => sink;

/** CPU time (user + system) of `body`, µs. */
function cpuOf(body: () => void): number {
  const before = process.cpuUsage();
  body();
  const used = process.cpuUsage(before);
  return used.user + used.system;
}

/**
 * The iteration count that takes about `us` µs of CPU in this process: the best of 7 timings of a 20 ms batch
 * after a warm-up, by CPU time (not wall time), so a busy machine lowers the estimate less.
 */
export function calibrate(us: number): number {
  if (us <= 0) return 0;
  const batch = 2_000_000;
  for (let i = 0; i < 3; i++) work(batch, i);
  let best = Infinity;
  for (let i = 0; i < 7; i++) best = Math.min(best, cpuOf(() => work(batch, i)));
  return Math.max(1, Math.round((us * batch) / Math.max(best, 1)));
}
