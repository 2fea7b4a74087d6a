/**
 * The delay before a reconnect attempt: exponential growth, a cap, and random spread.
 */
import type { ReconnectPolicy } from './types';

/** The reconnect policy with every default of the API filled in. */
export const DEFAULT_RECONNECT_POLICY: Readonly<Required<ReconnectPolicy>> = {
  initialDelay: 1_000,
  maxDelay: 30_000,
  factor: 2,
  jitter: 0.2,
  maxAttempts: Infinity,
  resetAfter: 60_000,
};

/** `policy` with the defaults filled in where a field is missing. */
export function completePolicy(policy: ReconnectPolicy = {}): Required<ReconnectPolicy> {
  const complete = { ...DEFAULT_RECONNECT_POLICY };
  for (const [key, value] of Object.entries(policy) as [keyof ReconnectPolicy, number | undefined][]) {
    if (value !== undefined) complete[key] = value;
  }
  return complete;
}

/**
 * Milliseconds to wait before reconnect attempt `attempt` (1 for the first): `initialDelay × factor^(attempt−1)`,
 * capped at `maxDelay`, then spread by ± `jitter` (a fraction of the delay) and kept within `0..maxDelay`.
 * `random` returns a number in `[0, 1)`, like `Math.random`.
 *
 * @example
 * backoffDelay(3, { ...policy, initialDelay: 100, factor: 2, jitter: 0 }, Math.random) // 400
 */
export function backoffDelay(attempt: number, policy: Required<ReconnectPolicy>, random: () => number): number {
  const { initialDelay, maxDelay, factor, jitter } = policy;
  const grown = initialDelay * factor ** Math.max(0, attempt - 1);
  const base = Number.isNaN(grown) ? 0 : Math.min(maxDelay, grown);
  const spread = base * jitter * (2 * random() - 1);
  return Math.round(Math.min(maxDelay, Math.max(0, base + spread)));
}
