/**
 * `npm run bench`: starts the load server, runs every client of {@link BENCH_CLIENTS} on events and on
 * actions for several rounds (each run a fresh process, the order rotated per round), prints medians and
 * paired ratios to the baseline, writes `bench/results/latest.json` and `chart.svg`, then runs the Stream API
 * transfer stage (`bench/streams.ts`; skip it with `--no-streams`) and the Redis scale-out stage
 * (`bench/redis.ts`; `--no-redis`) and the size stage (`bench/size.ts`, minimal browser bundle min+gzip and
 * unpacked package; `--no-size`). It reports; it never fails on a
 * missed goal.
 *
 * Options: `--rounds N` (default 5), `--quick` (2 rounds, smaller loads), `--events N`, `--actions N`,
 * `--in-flight N` (default 1000), `--only events|actions` (one kind of load; the other's table is empty).
 */
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASELINE, BENCH_CLIENTS, type ClientRun, KINDS, clientsOf, roundOrder } from './clients';
import type { BenchKind, ClientResult } from './clients/measure';
import { renderChart } from './chart';
import { compileScripts } from './compile';
import { type LoadServer, runClient, startLoadServer } from './processes';
import { type ClientSummary, formatTable, summarise } from './summary';

/** What a run is asked to do. */
interface BenchPlan {
  readonly rounds: number;
  readonly counts: Readonly<Record<BenchKind, number>>;
  readonly inFlight: number;
  /** The kinds of load run (both unless `--only`). */
  readonly kinds: readonly BenchKind[];
}

const FULL = { rounds: 5, counts: { events: 200_000, actions: 50_000 } } as const;
const QUICK = { rounds: 2, counts: { events: 50_000, actions: 10_000 } } as const;

/** The plan from the command line. */
function planOf(argv: readonly string[]): BenchPlan {
  const value = (flag: string): number | undefined => {
    const at = argv.indexOf(flag);
    const raw = at >= 0 ? argv[at + 1] : undefined;
    return raw === undefined ? undefined : Number(raw);
  };
  const base = argv.includes('--quick') ? QUICK : FULL;
  return {
    rounds: value('--rounds') ?? base.rounds,
    counts: { events: value('--events') ?? base.counts.events, actions: value('--actions') ?? base.counts.actions },
    inFlight: value('--in-flight') ?? 1_000,
    kinds: KINDS.filter((kind) => !argv.includes('--only') || argv[argv.indexOf('--only') + 1] === kind),
  };
}

/** The `bench/` folder. */
const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url));

/** The load server's script, relative to `bench/`. */
const SERVER_SCRIPT = 'load-server.ts';

/** Results per kind, per client name, per round. */
type Results = Record<BenchKind, Record<string, (ClientResult | undefined)[]>>;

function emptyResults(rounds: number): Results {
  const perClient = (kind: BenchKind) =>
    Object.fromEntries(clientsOf(kind).map((c) => [c.name, Array<ClientResult | undefined>(rounds).fill(undefined)]));
  return { events: perClient('events'), actions: perClient('actions') };
}


/** A run in progress: its plan, the load server and the compiled path of every script. */
interface Bench {
  readonly plan: BenchPlan;
  readonly server: LoadServer;
  readonly compiled: ReadonlyMap<string, string>;
}

/** Runs one client on one kind of load and records its result (or its failure, on stderr). */
async function runOne(bench: Bench, client: ClientRun, kind: BenchKind, round: number, results: Results): Promise<void> {
  const { server, plan, compiled } = bench;
  const args = ['--server', server.url, '--count', String(plan.counts[kind]), '--in-flight', String(plan.inFlight)];
  const outcome = await runClient(compiled.get(client.script) ?? client.script, args);
  const series = results[kind][client.name];
  if (series) series[round] = outcome.ok ? outcome.result : undefined;
  const shown = outcome.ok ? `${outcome.result.perSec.toLocaleString('en-US')}/s, ${outcome.result.maxRssMb} MB` : `FAILED ${outcome.reason}`;
  process.stderr.write(`  round ${round + 1} ${kind.padEnd(7)} ${client.name.padEnd(18)} ${shown}\n`);
}

/** Every round: for each kind, every client once, in the round's rotated order. */
async function runRounds(bench: Bench): Promise<Results> {
  const results = emptyResults(bench.plan.rounds);
  for (let round = 0; round < bench.plan.rounds; round++) {
    for (const kind of bench.plan.kinds) {
      for (const client of roundOrder(clientsOf(kind), round)) await runOne(bench, client, kind, round, results);
    }
  }
  return results;
}

function summariesOf(results: Results, kind: BenchKind): ClientSummary[] {
  const baseline = results[kind][BASELINE] ?? [];
  return clientsOf(kind).map((c) => summarise(c, kind, results[kind][c.name] ?? [], baseline));
}

/** The machine the figures were measured on. */
function machine() {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    loadavg: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

async function writeLatest(plan: BenchPlan, results: Results, summaries: Record<BenchKind, ClientSummary[]>): Promise<string> {
  const dir = join(BENCH_DIR, 'results');
  await mkdir(dir, { recursive: true });
  const file = join(dir, 'latest.json');
  const report = { date: new Date().toISOString(), machine: machine(), plan, baseline: BASELINE, clients: BENCH_CLIENTS, summaries, results };
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
  const { cpu, cores, node } = report.machine;
  const caption = `${cpu} × ${cores}, Node ${node}, ${report.date.slice(0, 10)}; medians of paired per-round ratios`;
  await writeFile(join(dir, 'chart.svg'), renderChart(summaries.events, summaries.actions, caption));
  return file;
}

async function main(): Promise<void> {
  const plan = planOf(process.argv.slice(2));
  const startedAt = Date.now();
  process.stderr.write(`bench: ${plan.rounds} rounds, ${plan.counts.events} events, ${plan.counts.actions} actions, ${plan.inFlight} in flight\n`);
  const scripts = [SERVER_SCRIPT, ...plan.kinds.flatMap((kind) => clientsOf(kind).map((c) => c.script))];
  const compiled = await compileScripts(scripts);
  const server = await startLoadServer(compiled.get(SERVER_SCRIPT) ?? SERVER_SCRIPT);
  const stopServer = () => void server.stop().then(() => process.exit(130));
  process.once('SIGINT', stopServer);
  try {
    const results = await runRounds({ plan, server, compiled });
    const summaries = { events: summariesOf(results, 'events'), actions: summariesOf(results, 'actions') };
    const file = await writeLatest(plan, results, summaries);
    const m = machine();
    process.stdout.write(`\n${m.cpu} × ${m.cores}, Node ${m.node}, load ${m.loadavg.join(' ')}\n`);
    if ((m.loadavg[0] ?? 0) > m.cores) process.stdout.write('(the machine was busy: expect noisy ratios; rerun with more --rounds)\n');
    process.stdout.write('\n');
    for (const kind of plan.kinds) process.stdout.write(`${formatTable(kind, plan.counts[kind], summaries[kind])}\n\n`);
    process.stdout.write(`wrote ${file} (${((Date.now() - startedAt) / 1000).toFixed(0)} s)\n`);
  } finally {
    process.off('SIGINT', stopServer);
    await server.stop();
  }
  if (!process.argv.includes('--no-streams')) await runStreamBench(process.argv.includes('--quick'));
  if (!process.argv.includes('--no-redis')) await runStage('Redis scale-out (bench/redis.ts)', './redis.ts', process.argv.includes('--quick') ? ['--events', '5000', '--scaling-events', '4000'] : []);
  if (!process.argv.includes('--no-size')) await runStage('Size (bench/size.ts)', './size.ts', []);
}

/** The Stream API transfer stage (`bench/streams.ts`): upload and download MB/s against a raw client, and RSS. */
function runStreamBench(quick: boolean): Promise<void> {
  const script = fileURLToPath(new URL('./streams.ts', import.meta.url));
  const args = quick ? ['--mb', '16', '--rounds', '2', '--large-mb', '64'] : [];
  process.stdout.write('\nStream API transfers (bench/streams.ts):\n');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: 'inherit' });
    child.once('exit', () => resolve());
  });
}

/** A stage in its own process (`bench/<script>`), output inherited. */
function runStage(title: string, script: string, args: readonly string[]): Promise<void> {
  process.stdout.write(`\n${title}:\n`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(script, import.meta.url)), ...args], { stdio: 'inherit' });
    child.once('exit', () => resolve());
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
