/**
 * What loading costs, before any traffic: RSS and heap of a fresh Node process after importing only `ws`
 * (what the raw baseline loads), `ws` + `rxjs` (the floor of any RxJS SDK), `io-ts`, and the built
 * `onebot-rx` (ES module and CommonJS builds, then after reading one catalogue row, which builds the
 * catalogue's codecs: an events-only bot never does). Each figure is the median of fresh processes; the
 * young generation's size shows whether loading grew it (V8 doubles it once enough objects survived).
 * Run `npm run build` first: `npx tsx bench/load-cost.ts`.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median } from './stats';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.RUNS ?? 7);

/** The modules each row imports, in order (`require:` ones through `require`), then what it runs. */
const ROWS: ReadonlyArray<{ readonly name: string; readonly modules: readonly string[]; readonly then?: string }> = [
  { name: 'ws (the raw baseline)', modules: ['ws'] },
  { name: 'ws + rxjs', modules: ['ws', 'rxjs'] },
  { name: 'ws + rxjs + io-ts', modules: ['ws', 'rxjs', 'io-ts'] },
  { name: 'onebot-rx (dist, ESM)', modules: ['ws', 'rxjs', 'io-ts', './dist/index.js'] },
  { name: 'onebot-rx (dist, CJS)', modules: ['ws', 'rxjs', 'io-ts', 'require:./dist/index.cjs'] },
  { name: '… + one catalogue row', modules: ['ws', 'rxjs', 'io-ts', './dist/index.js'], then: 'void mods[3].CATALOGUE.send_like.params;' },
];

interface Sample {
  readonly rssMb: number;
  readonly heapMb: number;
  readonly newSpaceMb: number;
}

/** Imports `modules` in a fresh process, collects garbage, and reads its memory. */
function sample(modules: readonly string[], then = ''): Sample {
  const load = (m: string) => (m.startsWith('require:') ? `require(${JSON.stringify(m.slice(8))})` : `await import(${JSON.stringify(m)})`);
  const script = `import { createRequire } from 'node:module'; import { getHeapSpaceStatistics } from 'node:v8';
const require = createRequire(process.cwd() + '/'); const mods = [];
${modules.map((m) => `mods.push(${load(m)});`).join('')} ${then}
const young = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0;
globalThis.gc(); const m = process.memoryUsage();
console.log(JSON.stringify({ rssMb: m.rss / 1048576, heapMb: m.heapUsed / 1048576, newSpaceMb: young / 1048576 }));`;
  const out = execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { cwd: REPO_ROOT });
  return JSON.parse(out.toString()) as Sample;
}

const results = ROWS.map((row) => {
  const samples = Array.from({ length: RUNS }, () => sample(row.modules, row.then));
  const mid = (pick: (s: Sample) => number) => median(samples.map(pick)) ?? Number.NaN;
  return { name: row.name, rss: mid((s) => s.rssMb), heap: mid((s) => s.heapMb), young: mid((s) => s.newSpaceMb) };
});
const base = results[0];
console.log(`load cost, median of ${RUNS} fresh processes (Node ${process.version})`);
for (const r of results) {
  const extra = base === undefined ? '' : ` (+${(r.rss - base.rss).toFixed(1)} MB RSS, +${(r.heap - base.heap).toFixed(2)} MB heap)`;
  console.log(`${r.name.padEnd(24)} RSS ${r.rss.toFixed(1)} MB, heap ${r.heap.toFixed(2)} MB, young gen ${r.young.toFixed(0)} MB${extra}`);
}
