/**
 * Deadlines past the longest Node timer, on real timers against a raw `ws` server that never answers: no
 * `TimeoutOverflowWarning` (which also means no timer re-armed every millisecond).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type Client, createClient } from '../../src/index';
import { type Loopback, startLoopback } from '../transport/loopback';

const DAY = 86_400_000;
const warnings: Error[] = [];
const onWarning = (warning: Error) => warnings.push(warning);
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  process.off('warning', onWarning);
  while (cleanups.length > 0) await cleanups.pop()?.();
});

/** Resolves once the server has received `n` frames in total. */
function framesReceived(server: Loopback, received: string[], n: number): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (received.length >= n) resolve();
    };
    server.server.on('connection', (socket) => socket.on('message', (data) => (received.push(String(data)), check())));
    check();
  });
}

describe('timeouts above 2^31 - 1 ms on real timers', () => {
  it('a 30-day call timeout and a 40-day throttle window arm no overflowing timer', async () => {
    process.on('warning', onWarning);
    const server = await startLoopback();
    cleanups.push(() => server.close());
    const received: string[] = [];
    const twoFrames = framesReceived(server, received, 2);
    const client: Client = createClient({
      url: server.url,
      actionTimeout: 30 * DAY,
      throttle: { perTarget: { count: 1, perMs: 40 * DAY } },
    });
    cleanups.push(() => client.close());
    const subs = [
      client.sendGroupMessage(1, 'first').subscribe({ error: () => undefined }),
      client.sendGroupMessage(1, 'queued for 40 days').subscribe({ error: () => undefined }),
      client.api.get_status({}).subscribe({ error: () => undefined }),
    ];
    await twoFrames;
    // Node emits the warning on the tick after arming; one more turn of the loop has passed it for sure.
    await new Promise((resolve) => setImmediate(resolve));
    expect(received.map((f) => (JSON.parse(f) as { action: string }).action).sort()).toEqual(['get_status', 'send_group_msg']);
    expect(warnings.filter((w) => w.name === 'TimeoutOverflowWarning')).toEqual([]);
    for (const s of subs) s.unsubscribe();
  });
});
