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
  /** True when the process did not end by itself within the time limit. */
  readonly killed: boolean;
  /** The JSON line the probe printed last, if any. */
  readonly result: T | undefined;
  readonly stderr: string;
}

/** Spawns `command args` in the repo root; kills it after `limitMs` if it has not exited by itself. */
export function runProbe<T>(
  command: string,
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; limitMs: number },
): Promise<ProbeRun<T>> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...options.env } });
    let stdout = '';
    let stderr = '';
    let killed = false;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // real-time: the safety net that kills a hung child process (the test then fails with killed: true)
    const limit = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, options.limitMs);
    child.on('exit', (code) => {
      clearTimeout(limit);
      const last = stdout.trim().split('\n').pop();
      resolve({ code, killed, result: last ? (JSON.parse(last) as T) : undefined, stderr });
    });
  });
}
