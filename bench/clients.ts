/**
 * The clients the bench compares, one row each. To add a peer, write its client scripts under `clients/`
 * (each prints one `ClientResult` line, see `clients/measure.ts`) and add a row with `role: 'peer'`.
 */
import type { BenchKind } from './clients/measure';

/**
 * What a client is in the comparison: the `baseline` every ratio is taken against, the `subject` the goals
 * apply to, a `peer` the subject must beat, or a `diagnostic` variant shown for insight only.
 */
export type BenchRole = 'baseline' | 'subject' | 'peer' | 'diagnostic';

/** One client under test: a script per kind of load it runs, paths relative to `bench/`. */
export interface BenchClient {
  readonly name: string;
  readonly role: BenchRole;
  readonly events?: string;
  readonly actions?: string;
}

/** Every client in the run; the first, the baseline, runs every kind. */
export const BENCH_CLIENTS: readonly [Required<BenchClient>, ...BenchClient[]] = [
  { name: 'raw', role: 'baseline', events: 'clients/raw-events.ts', actions: 'clients/raw-actions.ts' },
  { name: 'onebot-rx', role: 'subject', events: 'clients/rx-events.ts', actions: 'clients/rx-actions.ts' },
  { name: 'onebot-rx mergeMap', role: 'diagnostic', actions: 'clients/rx-actions-merge-map.ts' },
  { name: 'node-napcat-ts', role: 'peer', events: 'clients/napcat-ts-events.ts', actions: 'clients/napcat-ts-actions.ts' },
  { name: 'NapLink', role: 'peer', events: 'clients/naplink-events.ts', actions: 'clients/naplink-actions.ts' },
];

/** A client's run of one kind of load. */
export interface ClientRun {
  readonly name: string;
  readonly role: BenchRole;
  readonly script: string;
}

/** The clients that run `kind`, each with its script for it. */
export function clientsOf(kind: BenchKind): ClientRun[] {
  return BENCH_CLIENTS.flatMap((c) => {
    const script = c[kind];
    return script === undefined ? [] : [{ name: c.name, role: c.role, script }];
  });
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
