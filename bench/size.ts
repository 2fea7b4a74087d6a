/**
 * `tsx bench/size.ts` (also a stage of `npm run bench`, skip it with `--no-size`): what the SDK weighs.
 *
 * - The minified+gzip size of a minimal browser bot (`createClient`, `groupMessages$`, `sendGroupMessage`)
 *   bundled by esbuild from the browser entry (`src/browser.ts`, through the same plugins as the build), rxjs external and io-ts/fp-ts bundled in,
 *   as a user's bundler would, with code splitting: the browser build loads by dynamic `import()` the lazy
 *   core (the frame decoder: io-ts, the event and segment codecs; and the bot runtime) when the first socket
 *   connects, the catalogue on the first action call, the throttle queue when a client has a `throttle`,
 *   the HTTP API transport for an `http(s)://` url and the transfer code on the first transfer. So the bundle
 *   is an initial part (the entry chunk and the chunks it imports statically: what the page loads before the
 *   bot starts connecting; the goal compares this) and lazy chunks, each listed with what loads it. Each file
 *   is gzipped on its own, as it is served; the biggest inputs of the initial part are listed (esbuild's
 *   metafile), each with its minified bytes and its share of its chunk's gzip bytes (in proportion to its
 *   minified bytes: an estimate, as gzip has no per-input size).
 * - The npm package's unpacked size and file count (`npm pack --dry-run --json`, over the current `dist/`:
 *   run `npm run build` first for a fresh figure).
 *
 * `--json` prints the {@link SizeReport} as JSON instead of text. It reports; it never fails on a missed goal.
 */
import { execFile } from 'node:child_process';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { browserVariants, fpTsEs6 } from '../scripts/browser-variants';

/** The repository root. */
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The minimal browser bot: what the issue measures (and what a user's first page would hold). */
const MINIMAL_BOT = `
import { createClient } from './src/browser';
const client = createClient({ url: 'ws://127.0.0.1:3001' });
client.groupMessages$.subscribe((m) => {
  client.sendGroupMessage(m.group_id, 'pong').subscribe();
});
`;

/** One input (or group of inputs) of the bundle: the minified bytes it contributes and its estimated gzip share. */
export interface SizeContributor {
  readonly path: string;
  readonly bytes: number;
  readonly gzip: number;
}

/** One lazy chunk: the main input that names it, its minified and gzip bytes. */
export interface LazyChunk extends SizeFigure {
  readonly name: string;
}

/** Minified and gzip bytes of a set of output files (each gzipped on its own). */
export interface SizeFigure {
  readonly minified: number;
  readonly gzip: number;
}

/**
 * The minimal bot's bundle: `minified` / `gzip` are its initial part (the entry chunk and what it imports
 * statically), `total` every chunk, lazy ones included, and `chunks` how many files that is.
 */
export interface BundleSize extends SizeFigure {
  readonly total: SizeFigure;
  readonly chunks: number;
  readonly top: readonly SizeContributor[];
  /** The chunks loaded by `import()` (an entry of their own), biggest first. */
  readonly lazy: readonly LazyChunk[];
}

/** The figures {@link measureSize} returns. */
export interface SizeReport {
  readonly bundle: BundleSize;
  readonly pack?: { readonly unpacked: number; readonly packed: number; readonly files: number };
}

/** Groups an input path by package (`node_modules/io-ts`) or by source folder (`src/action`). */
function groupOf(path: string): string {
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (nm?.[1]) return `node_modules/${nm[1]}`;
  const src = /^src\/([^/]+)\//.exec(path);
  return src?.[1] ? `src/${src[1]}/` : path;
}

/** Sums the minified and gzip bytes of `files`. */
function figureOf(files: readonly Uint8Array[]): SizeFigure {
  return {
    minified: files.reduce((sum, file) => sum + file.byteLength, 0),
    gzip: files.reduce((sum, file) => sum + gzipSync(file, { level: 9 }).byteLength, 0),
  };
}

/** Bundles the minimal browser bot and measures it; `top` lists the biggest groups of inputs of its initial part. */
async function measureBundle(topCount: number): Promise<BundleSize> {
  const result = await build({
    stdin: { contents: MINIMAL_BOT, resolveDir: ROOT, loader: 'ts', sourcefile: 'minimal-bot.ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    external: ['rxjs', 'rxjs/*'],
    splitting: true,
    outdir: join(ROOT, 'size-bundle'), // never written: names the chunks
    write: false,
    metafile: true,
    logLevel: 'silent',
    // What the built `dist/browser.js` is (Node-only modules swapped for their `.browser.ts` siblings), with
    // io-ts and one copy of fp-ts bundled in as a user's bundler would.
    plugins: [browserVariants(), fpTsEs6({ external: false })],
  });
  const outputs = result.metafile.outputs;
  const code = new Map(result.outputFiles.map((file) => [relative(ROOT, file.path), file.contents]));
  // The initial part: the entry chunk and, transitively, the chunks it imports statically.
  const entry = Object.keys(outputs).find((name) => outputs[name]?.entryPoint !== undefined);
  const initial = new Set<string>();
  const visit = (name: string): void => {
    if (initial.has(name) || outputs[name] === undefined) return;
    initial.add(name);
    for (const imported of outputs[name].imports) if (imported.kind === 'import-statement') visit(imported.path);
  };
  if (entry !== undefined) visit(entry);
  const files = (names: Iterable<string>): Uint8Array[] => [...names].map((name) => code.get(name) ?? new Uint8Array());
  const groups = new Map<string, { bytes: number; gzip: number }>();
  for (const name of initial) {
    const chunk = figureOf(files([name]));
    const ratio = chunk.minified === 0 ? 0 : chunk.gzip / chunk.minified;
    for (const [path, input] of Object.entries(outputs[name]?.inputs ?? {})) {
      const group = groups.get(groupOf(path)) ?? { bytes: 0, gzip: 0 };
      groups.set(groupOf(path), { bytes: group.bytes + input.bytesInOutput, gzip: group.gzip + input.bytesInOutput * ratio });
    }
  }
  const top = [...groups]
    .map(([path, { bytes, gzip }]) => ({ path, bytes, gzip: Math.round(gzip) }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, topCount);
  const lazy = Object.keys(outputs)
    .filter((name) => !initial.has(name) && outputs[name]?.entryPoint !== undefined)
    .map((name) => ({ name: relative('src', outputs[name]?.entryPoint ?? name), ...figureOf(files([name])) }))
    .sort((a, b) => b.gzip - a.gzip);
  return { ...figureOf(files(initial)), total: figureOf(files(code.keys())), chunks: code.size, top, lazy };
}

/** `npm pack --dry-run --json` over the current `dist/`; undefined when npm cannot run. */
async function measurePack(): Promise<SizeReport['pack']> {
  try {
    const { stdout } = await promisify(execFile)('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, maxBuffer: 64 << 20 });
    const [entry] = JSON.parse(stdout) as { unpackedSize: number; size: number; entryCount: number }[];
    return entry ? { unpacked: entry.unpackedSize, packed: entry.size, files: entry.entryCount } : undefined;
  } catch {
    return undefined;
  }
}

/** Measures the minimal browser bundle and (unless `pack` is false) the npm package. */
export async function measureSize(options: { readonly pack?: boolean; readonly top?: number } = {}): Promise<SizeReport> {
  const bundle = await measureBundle(options.top ?? 8);
  return options.pack === false ? { bundle } : { bundle, pack: await measurePack() };
}

const kB = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;

/** The report as text lines. */
export function formatSize(report: SizeReport): string {
  const { bundle, pack } = report;
  const lines = [
    `minimal browser bot (esbuild, rxjs external): ${kB(bundle.gzip)} min+gzip initial (${kB(bundle.minified)} minified)  goal ≤ 20 kB`,
    `  ${kB(bundle.total.gzip)} min+gzip in all ${bundle.chunks} chunks (${kB(bundle.total.minified)} minified); loaded by import() on first use:`,
    ...bundle.lazy.map((c) => `  ${kB(c.gzip).padStart(9)} min+gzip  ${c.name}`),
    `  ${kB(bundle.total.gzip - bundle.gzip - bundle.lazy.reduce((sum, c) => sum + c.gzip, 0)).padStart(9)} min+gzip  chunks the lazy ones share (io-ts, the segment codecs, …)`,
    '  biggest inputs of the initial part:',
    ...bundle.top.map((c) => `  ${kB(c.bytes).padStart(9)} minified ${kB(c.gzip).padStart(8)} gzip (est.)  ${c.path}`),
    pack
      ? `npm package: ${kB(pack.unpacked)} unpacked, ${kB(pack.packed)} packed, ${pack.files} files  goal ≤ 1500 kB unpacked`
      : 'npm package: npm pack --dry-run failed',
  ];
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  measureSize()
    .then((report) => process.stdout.write(`${process.argv.includes('--json') ? JSON.stringify(report, null, 2) : formatSize(report)}\n`))
    .catch((error: unknown) => {
      process.stderr.write(`size: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    });
}
