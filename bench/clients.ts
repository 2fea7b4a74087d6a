/**
 * The clients the bench compares, one row each. To add a peer, write its client scripts under `clients/`
 * (each prints one `ClientResult` line, see `clients/measure.ts`) and add a row here.
 */
import type { BenchKind } from './clients/measure';

/** One client under test: a script per kind of load it runs, paths relative to `bench/`. */
export interface BenchClient {
  readonly name: string;
  readonly events?: string;
  readonly actions?: string;
}

/** Every client in the run; the first, the baseline that ratios are taken against, runs every kind. */
export const BENCH_CLIENTS: readonly [Required<BenchClient>, ...BenchClient[]] = [
  { name: 'raw', events: 'clients/raw-events.ts', actions: 'clients/raw-actions.ts' },
  { name: 'onebot-rx', events: 'clients/rx-events.ts', actions: 'clients/rx-actions.ts' },
  { name: 'onebot-rx mergeMap', actions: 'clients/rx-actions-merge-map.ts' },
  { name: 'node-napcat-ts', events: 'clients/napcat-ts-events.ts', actions: 'clients/napcat-ts-actions.ts' },
];

/** The clients that run `kind`, each with its script for it. */
export function clientsOf(kind: BenchKind): { readonly name: string; readonly script: string }[] {
  return BENCH_CLIENTS.flatMap((c) => (c[kind] === undefined ? [] : [{ name: c.name, script: c[kind] }]));
}

/** The baseline client's name. */
export const BASELINE = BENCH_CLIENTS[0].name;

/** The kinds of load, in the order each round runs them. */
export const KINDS: readonly BenchKind[] = ['events', 'actions'];

/** The goals of PERFORMANCE.md, as ratios to the baseline (throughput at least, peak RSS at most). */
export const GOALS: Readonly<Record<BenchKind, { readonly throughput: number; readonly rss: number }>> = {
  events: { throughput: 0.95, rss: 1.0 },
  actions: { throughput: 0.9, rss: 1.0 },
};

/**
 * The clients in the order of round `round`: rotated by one each round, so that with two clients they
 * alternate (raw, rx / rx, raw / …) and no client always runs first.
 */
export function roundOrder<T>(clients: readonly T[], round: number): T[] {
  const shift = round % clients.length;
  return [...clients.slice(shift), ...clients.slice(0, shift)];
}
