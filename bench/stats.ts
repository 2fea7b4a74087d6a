/**
 * Small statistics for bench rounds: medians and paired per-round ratios.
 */

/** The median of `values`, or `undefined` when there are none. */
export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] as number) + upper) / 2;
}

/**
 * `subject[i] / baseline[i]` for every round where both measured something (`undefined` marks a failed run).
 *
 * @example
 * pairedRatios([90, undefined, 100], [100, 80, 125]) // [0.9, 0.8]
 */
export function pairedRatios(
  subject: readonly (number | undefined)[],
  baseline: readonly (number | undefined)[],
): number[] {
  return subject.flatMap((value, i) => {
    const base = baseline[i];
    return value === undefined || base === undefined || base === 0 ? [] : [value / base];
  });
}
