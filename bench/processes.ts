/**
 * Child processes of the bench: the load server and one fresh process per client run, each a compiled
 * script (see `compile.ts`) run by plain `node` from the repository root.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ClientResult } from './clients/measure';

/** The repository root. */
const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A client run taking longer than this is killed and counted as failed. */
const CLIENT_TIMEOUT_MS = 120_000;

/** Spawns `node <script> ...args`. */
function spawnNode(script: string, args: readonly string[]): ChildProcess {
  return spawn(process.execPath, [script, ...args], {
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

/** Starts the compiled load server `script` and resolves once it has printed its port. */
export function startLoadServer(script: string): Promise<LoadServer> {
  const child = spawnNode(script, []);
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

/** Runs one compiled client script in a fresh process and collects its result line. */
export function runClient(script: string, args: readonly string[]): Promise<RunOutcome> {
  const child = spawnNode(script, args);
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
      else resolve({ ok: false, reason: `${script.split('/').pop() ?? script}: exit ${String(code ?? signal)} ${stderr.trim().split('\n')[0] ?? ''}`.trim() });
    });
  });
}
