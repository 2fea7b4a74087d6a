/**
 * Runs a probe script under test/hardening/fixtures as its own process and reads the JSON line it prints.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** How a probe process ended. */
export interface ProbeRun<T> {
  /** Exit code, `null` when it had to be killed. */
  readonly code: number | null;
  /** True when the process had not ended by itself when `signal` aborted (the test timed out). */
  readonly killed: boolean;
  /** The JSON line the probe printed last, if any. */
  readonly result: T | undefined;
  readonly stderr: string;
}

/** A probe process on its way: its outcome, and its stdout lines as they come. */
export interface Probe<T> extends Promise<ProbeRun<T>> {
  /** Resolves once the probe has printed the line `text` (a positive signal of how far it got). */
  printed(text: string): Promise<void>;
}

/**
 * Spawns `node --import tsx script` in the repo root (no `npx`: its start-up costs seconds on a busy machine).
 * No deadline of its own: pass the test's `signal`, so a hung child is killed when vitest times the test out.
 */
export function runProbe<T>(script: string, options: { env?: NodeJS.ProcessEnv; signal: AbortSignal; nodeArgs?: readonly string[] }): Probe<T> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', script], {
    cwd: ROOT,
    env: { ...process.env, ...options.env },
  });
  let stdout = '';
  let stderr = '';
  let killed = false;
  const waiting: Array<{ text: string; resolve: () => void; reject: (error: Error) => void }> = [];
  let exited = false;
  const lines = () => stdout.split('\n');
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    for (const waiter of waiting.filter((w) => lines().includes(w.text))) {
      waiting.splice(waiting.indexOf(waiter), 1);
      waiter.resolve();
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const kill = (): void => {
    killed = true;
    child.kill('SIGKILL');
  };
  if (options.signal.aborted) kill();
  else options.signal.addEventListener('abort', kill, { once: true });
  const run = new Promise<ProbeRun<T>>((resolve) => {
    child.on('exit', (code) => {
      exited = true;
      options.signal.removeEventListener('abort', kill);
      for (const waiter of waiting.splice(0)) waiter.reject(new Error(`the probe exited (${String(code)}) without printing ${waiter.text}: ${stderr}`));
      const last = stdout.trim().split('\n').pop();
      let result: T | undefined;
      try {
        result = last ? (JSON.parse(last) as T) : undefined;
      } catch {
        result = undefined;
      }
      resolve({ code, killed, result, stderr });
    });
  });
  const printed = (text: string): Promise<void> => {
    if (lines().includes(text)) return Promise.resolve();
    if (exited) return Promise.reject(new Error(`the probe exited without printing ${text}: ${stderr}`));
    return new Promise((resolve, reject) => waiting.push({ text, resolve, reject }));
  };
  return Object.assign(run, { printed });
}
