import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { runProbe } from '../hardening/run-probe';

/** Runs the demo against `url` and returns how it ended (killed if the test times out). */
function demo(signal: AbortSignal, url: string, token?: string) {
  return runProbe<never>('examples/echo-bot.ts', {
    env: { ONEBOT_URL: url, ONEBOT_TOKEN: token ?? '', ONEBOT_TIMEOUT: '1500' },
    signal,
  });
}

/** A port nothing listens on (bound by a server just closed). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('npm run demo against a server that is not there or refuses the token', () => {
  it('prints one line naming the endpoint and ECONNREFUSED, no stack trace, and exits non-zero', async ({ signal }) => {
    const port = await closedPort();
    const run = await demo(signal, `ws://127.0.0.1:${port}`, 'secret-token');
    expect([run.code, run.killed]).toEqual([1, false]);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^echo bot: cannot start against ws://127\\.0\\.0\\.1:${port}: .*ECONNREFUSED`));
    expect(run.stderr).not.toContain('secret-token');
  }, 60_000);

  it('prints one line saying the token was rejected when the server answers 401, and exits non-zero', async ({ signal }) => {
    const server = createServer((_req, res) => res.writeHead(401).end());
    server.on('upgrade', (_req, socket) => socket.end('HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\nConnection: close\r\n\r\n'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const run = await demo(signal, `ws://127.0.0.1:${port}`, 'wrong-token');
      expect([run.code, run.killed]).toEqual([1, false]);
      const lines = run.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^echo bot: cannot start against .*401/);
      expect(lines[0]).toMatch(/token/);
      expect(run.stderr).not.toContain('wrong-token');
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }, 60_000);
});
