/**
 * Turns the rounds of a bench run into per-client figures (medians, paired ratios to the baseline) and
 * prints them as a table.
 */
import type { BenchKind, ClientResult } from './clients/measure';
import { type BenchRole, GOALS } from './clients';
import { median, pairedRatios } from './stats';

/** Every run of one client on one kind of load, one entry per round (`undefined` = failed). */
export type Series = readonly (ClientResult | undefined)[];

/** The figures of one client on one kind of load. */
export interface ClientSummary {
  readonly name: string;
  readonly role: BenchRole;
  readonly kind: BenchKind;
  /** Rounds that produced a result, of all rounds. */
  readonly completed: number;
  readonly rounds: number;
  readonly medianPerSec: number | undefined;
  readonly medianMaxRssMb: number | undefined;
  /** Median over rounds of this client's throughput divided by the baseline's in the same round. */
  readonly throughputRatio: number | undefined;
  /** Median over rounds of this client's peak RSS divided by the baseline's in the same round. */
  readonly rssRatio: number | undefined;
  /** The per-round throughput ratios the median was taken of. */
  readonly throughputRatios: readonly number[];
  /**
   * Median CPU time of the client process per event or round trip (µs): less sensitive than throughput to
   * other load on the machine, since a client waiting for its core is not charged for the wait.
   */
  readonly medianCpuUsPerOp: number | undefined;
}

const perSecOf = (series: Series) => series.map((r) => r?.perSec);
const rssOf = (series: Series) => series.map((r) => r?.maxRssMb);
const cpuOf = (series: Series) => series.map((r) => r?.cpuUsPerOp);
const defined = (values: readonly (number | undefined)[]) => values.filter((v): v is number => v !== undefined);

/** The figures of `series` against the baseline's series of the same rounds. */
export function summarise(
  client: { readonly name: string; readonly role: BenchRole },
  kind: BenchKind,
  series: Series,
  baseline: Series,
): ClientSummary {
  const throughputRatios = pairedRatios(perSecOf(series), perSecOf(baseline));
  return {
    name: client.name,
    role: client.role,
    kind,
    completed: defined(perSecOf(series)).length,
    rounds: series.length,
    medianPerSec: median(defined(perSecOf(series))),
    medianMaxRssMb: median(defined(rssOf(series))),
    throughputRatio: median(throughputRatios),
    rssRatio: median(pairedRatios(rssOf(series), rssOf(baseline))),
    throughputRatios,
    medianCpuUsPerOp: median(defined(cpuOf(series))),
  };
}

const UNITS: Readonly<Record<BenchKind, string>> = { events: 'events/s', actions: 'round trips/s' };

const fixed = (value: number | undefined, digits: number) => (value === undefined ? '-' : value.toFixed(digits));
const thousands = (value: number | undefined) => (value === undefined ? '-' : Math.round(value).toLocaleString('en-US'));

/** `met` / `missed` against a goal, `-` without a figure; `atMost` for goals that are ceilings. */
function verdict(value: number | undefined, goal: number, atMost: boolean): string {
  if (value === undefined) return '-';
  return (atMost ? value <= goal : value >= goal) ? 'met' : 'missed';
}

/** The table of one kind of load, one row per client; the goal columns are left empty for the baseline. */
export function formatTable(kind: BenchKind, count: number, summaries: readonly ClientSummary[]): string {
  const goal = GOALS[kind];
  const header = ['client', `median ${UNITS[kind]}`, '÷ raw (paired)', `goal ≥${goal.throughput}`, 'peak RSS MB', 'RSS ÷ raw', `goal ≤${goal.rss}`, 'CPU µs/op', 'rounds', 'per-round ratios'];
  const rows = summaries.map((s) => [
    s.name,
    thousands(s.medianPerSec),
    fixed(s.throughputRatio, 3),
    s.role === 'subject' ? verdict(s.throughputRatio, goal.throughput, false) : '',
    fixed(s.medianMaxRssMb, 1),
    fixed(s.rssRatio, 2),
    s.role === 'subject' ? verdict(s.rssRatio, goal.rss, true) : '',
    fixed(s.medianCpuUsPerOp, 2),
    `${s.completed}/${s.rounds}`,
    s.role === 'baseline' ? '' : s.throughputRatios.map((r) => r.toFixed(2)).join(' '),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join('  ').trimEnd();
  const title = `${kind}: ${count.toLocaleString('en-US')} ${kind === 'events' ? 'group messages' : 'send_group_msg round trips'}`;
  return [title, line(header), ...rows.map(line), ...peerComparison(summaries)].join('\n');
}

/** The subject's paired ratio against the best peer's: the events goal is to be ahead of every peer. */
function peerComparison(summaries: readonly ClientSummary[]): string[] {
  const subject = summaries.find((s) => s.role === 'subject');
  const peers = summaries.filter((s) => s.role === 'peer' && s.throughputRatio !== undefined);
  const best = peers.reduce<ClientSummary | undefined>(
    (top, s) => ((s.throughputRatio ?? 0) > (top?.throughputRatio ?? -1) ? s : top),
    undefined,
  );
  if (subject?.throughputRatio === undefined || best?.throughputRatio === undefined) return [];
  const ahead = subject.throughputRatio >= best.throughputRatio;
  return [
    `${subject.name} ${fixed(subject.throughputRatio, 3)} vs best peer ${best.name} ${fixed(best.throughputRatio, 3)}: ${ahead ? 'ahead' : 'behind'}`,
  ];
}
