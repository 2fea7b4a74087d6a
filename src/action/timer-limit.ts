/**
 * The longest delay a Node or browser timer keeps (2^31 − 1 ms, about 24.8 days). A longer one fires after
 * 1 ms instead (Node warns with `TimeoutOverflowWarning`), so a timer armed for a far deadline spins.
 */
export const MAX_TIMER_DELAY = 2 ** 31 - 1;

/**
 * The delay to arm for a deadline `ms` away: never negative, never past {@link MAX_TIMER_DELAY}. A timer armed
 * with a clamped delay fires early; its handler finds nothing due and arms again for what is left.
 *
 * @example
 * scheduler.schedule(sweep, timerDelay(deadline - scheduler.now()));
 */
export function timerDelay(ms: number): number {
  return ms <= 0 || Number.isNaN(ms) ? 0 : Math.min(ms, MAX_TIMER_DELAY);
}
