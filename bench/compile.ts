/**
 * Compiles the bench's server and client scripts to plain JavaScript before a run, so that every client
 * process starts as a user's would (no TypeScript loader in its memory or on its clock). Our own sources
 * are bundled; packages (`ws`, `rxjs`, `io-ts`…) stay imports resolved from `node_modules`, as in an app.
 */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** Where compiled scripts go: a tool cache under `node_modules`, never committed. */
const OUT_DIR = fileURLToPath(new URL('../node_modules/.cache/onebot-rx-bench/', import.meta.url));

/** The `bench/` folder; script paths are relative to it. */
const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url));

/** The compiled path of `script` (relative to `bench/`, e.g. `clients/raw-events.ts`). */
export const compiledPath = (script: string): string => join(OUT_DIR, script.replace(/\.ts$/, '.mjs'));

/** Compiles `scripts` (relative to `bench/`) into {@link OUT_DIR}; returns each compiled path by script. */
export async function compileScripts(scripts: readonly string[]): Promise<ReadonlyMap<string, string>> {
  await mkdir(OUT_DIR, { recursive: true });
  // A fresh file each time, never one rewritten in place: worktrees whose node_modules are hard-linked copies
  // share the old file's inode, so writing into it would swap the scripts under another checkout's running bench.
  await Promise.all(scripts.map((script) => rm(compiledPath(script), { force: true })));
  await build({
    entryPoints: scripts.map((script) => join(BENCH_DIR, script)),
    outbase: BENCH_DIR,
    outdir: OUT_DIR,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
  return new Map(scripts.map((script) => [script, compiledPath(script)]));
}
