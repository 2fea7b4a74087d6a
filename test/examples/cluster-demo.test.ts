/**
 * `npm run demo:cluster` (issue 14): with a `redis-server` on the PATH it starts one, runs the simulator, a
 * gateway and two workers, prints what the README says and ends cleanly, leaving no redis-server behind;
 * without one it prints a one-line explanation. `npm run demo` needs no Redis at all.
 */
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { hasRedisServer } from '../helpers/redis-server';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Runs `script` with node + tsx (no npx: its start-up costs seconds) and collects its output. */
function run(script: string, env: NodeJS.ProcessEnv, signal: AbortSignal): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const merged: NodeJS.ProcessEnv = { ...process.env, ...env };
    for (const [name, value] of Object.entries(env)) if (value === undefined) delete merged[name]; // unset, not 'undefined'
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, env: merged, signal });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', () => undefined); // an abort (the test timed out) ends it with a signal
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The pids of the redis-server processes whose parent is gone (orphans: what a demo would leave behind). */
function orphanRedisServers(): string[] {
  try {
    return execFileSync('ps', ['-eo', 'pid=,ppid=,comm='], { encoding: 'utf8' })
      .split('\n')
      .map((l) => l.trim().split(/\s+/))
      .filter(([, ppid, comm]) => ppid === '1' && comm === 'redis-server')
      .map(([pid]) => pid!);
  } catch {
    return [];
  }
}

/** A PATH holding only `node` (so neither redis-server nor anything else is found). */
const nodeOnly = mkdtempSync(join(tmpdir(), 'onebot-rx-path-'));
symlinkSync(process.execPath, join(nodeOnly, 'node'));
afterAll(() => rmSync(nodeOnly, { recursive: true, force: true }));

describe('npm run demo:cluster and npm run demo', () => {
  it.runIf(hasRedisServer)('demo:cluster starts redis-server, answers every message once through two workers, and stops it', async ({ signal }) => {
    const before = new Set(orphanRedisServers());
    const { code, stdout, stderr } = await run('examples/cluster/demo.ts', { REDIS_URL: undefined }, signal);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Redis started locally; gateway + 2 workers over 8 partitions');
    expect(stdout).toContain('the simulator received 15 replies for 15 messages (each once)');
    expect(stdout).toMatch(/worker-a ← group/);
    expect(stdout).toMatch(/worker-b ← group/);
    // Printed once every entry is acked: as many acked as published (the messages and the lifecycle entry).
    expect(stdout).toMatch(/stats: published (\d+), acked \1, duplicates suppressed 0, trimmed 0/);
    expect(orphanRedisServers().filter((pid) => !before.has(pid))).toEqual([]);
  }, 120_000);

  it('demo:cluster without redis-server and REDIS_URL prints a one-line explanation', async ({ signal }) => {
    const { code, stdout, stderr } = await run('examples/cluster/demo.ts', { PATH: nodeOnly, REDIS_URL: undefined }, signal);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout.trim().split('\n')).toEqual([
      'demo:cluster needs Redis: install redis-server (Debian/Ubuntu: apt install redis-server) or set REDIS_URL=redis://host:6379',
    ]);
  }, 60_000);

  it('demo runs without Redis (no redis-server on the PATH, no REDIS_URL)', async ({ signal }) => {
    const { code, stdout } = await run('examples/echo-bot.ts', { PATH: nodeOnly, REDIS_URL: undefined, ONEBOT_URL: undefined }, signal);
    expect(code).toBe(0);
    expect(stdout).toMatch(/summary: \d+ messages in, \d+ actions out, \d+ replies, 0 failures/);
  }, 60_000);
});
