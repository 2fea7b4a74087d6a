/**
 * What loading costs, before any traffic: RSS and heap of a fresh Node process after importing only `ws`
 * (what the raw baseline loads), `ws` + `rxjs` (the floor of any RxJS SDK), and the built `onebot-rx`.
 * Each figure is the median of fresh processes. Run `npm run build` first: `npx tsx bench/load-cost.ts`.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median } from './stats';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 7;

/** The modules each row imports, in order. */
const ROWS: ReadonlyArray<{ readonly name: string; readonly modules: readonly string[] }> = [
  { name: 'ws (the raw baseline)', modules: ['ws'] },
  { name: 'ws + rxjs', modules: ['ws', 'rxjs'] },
  { name: 'ws + rxjs + io-ts', modules: ['ws', 'rxjs', 'io-ts'] },
  { name: 'onebot-rx (dist)', modules: ['ws', 'rxjs', 'io-ts', './dist/index.js'] },
];

interface Sample {
  readonly rssMb: number;
  readonly heapMb: number;
}

/** Imports `modules` in a fresh process, collects garbage, and reads its memory. */
function sample(modules: readonly string[]): Sample {
  const script = `${modules.map((m) => `await import(${JSON.stringify(m)});`).join('')}
globalThis.gc(); const m = process.memoryUsage();
console.log(JSON.stringify({ rssMb: m.rss / 1048576, heapMb: m.heapUsed / 1048576 }));`;
  const out = execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { cwd: REPO_ROOT });
  return JSON.parse(out.toString()) as Sample;
}

const results = ROWS.map((row) => {
  const samples = Array.from({ length: RUNS }, () => sample(row.modules));
  return { name: row.name, rss: median(samples.map((s) => s.rssMb)) ?? Number.NaN, heap: median(samples.map((s) => s.heapMb)) ?? Number.NaN };
});
const base = results[0];
console.log(`load cost, median of ${RUNS} fresh processes (Node ${process.version})`);
for (const r of results) {
  const extra = base === undefined ? '' : ` (+${(r.rss - base.rss).toFixed(1)} MB RSS, +${(r.heap - base.heap).toFixed(2)} MB heap)`;
  console.log(`${r.name.padEnd(24)} RSS ${r.rss.toFixed(1)} MB, heap ${r.heap.toFixed(2)} MB${extra}`);
}
