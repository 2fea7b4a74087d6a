/**
 * Child processes of the bench: the load server and one fresh process per client run, each a TypeScript
 * file run by `node --import tsx` from the repository root.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ClientResult } from './clients/measure';

/** The `bench/` folder; client and server paths are relative to it. */
export const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url));

/** The repository root, where `tsx` resolves. */
const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A client run taking longer than this is killed and counted as failed. */
const CLIENT_TIMEOUT_MS = 120_000;

/** Spawns `node --import tsx bench/<script> ...args`. */
function spawnTs(script: string, args: readonly string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', join(BENCH_DIR, script), ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** A running load server. */
export interface LoadServer {
  /** Base URL, e.g. `ws://127.0.0.1:4321`. */
  readonly url: string;
  /** Stops the server process and waits for it to exit. */
  stop(): Promise<void>;
}

/** Starts the load server and resolves once it has printed its port. */
export function startLoadServer(): Promise<LoadServer> {
  const child = spawnTs('load-server.ts', []);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    let out = '';
    child.stderr?.pipe(process.stderr);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n')[0] ?? '';
      if (!out.includes('\n')) return;
      const { port } = JSON.parse(line) as { port: number };
      resolve({ url: `ws://127.0.0.1:${port}`, stop });
    });
    child.once('exit', (code) => reject(new Error(`load server exited early (code ${String(code)})`)));
  });
}

/** How one client run ended: its result line, or why there is none. */
export type RunOutcome = { readonly ok: true; readonly result: ClientResult } | { readonly ok: false; readonly reason: string };

/** The last line of `stdout` that parses as a result. */
function resultLine(stdout: string): ClientResult | undefined {
  const lines = stdout.trim().split('\n').reverse();
  for (const line of lines) {
    try {
      const parsed = JSON.parse(line) as Partial<ClientResult>;
      if (typeof parsed.perSec === 'number' && typeof parsed.maxRssMb === 'number') return parsed as ClientResult;
    } catch {
      // not a result line
    }
  }
  return undefined;
}

/** Runs one client script in a fresh process and collects its result line. */
export function runClient(script: string, args: readonly string[]): Promise<RunOutcome> {
  const child = spawnTs(script, args);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), CLIENT_TIMEOUT_MS);
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      const result = resultLine(stdout);
      if (code === 0 && result) resolve({ ok: true, result });
      else resolve({ ok: false, reason: `${script}: exit ${String(code ?? signal)} ${stderr.trim().split('\n')[0] ?? ''}`.trim() });
    });
  });
}
