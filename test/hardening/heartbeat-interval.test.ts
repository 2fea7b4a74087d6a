import { VirtualAction, VirtualTimeScheduler, filter, firstValueFrom } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { type Client, type ProtocolError, createClient, isProtocolError } from '../../src/index';
import { sampleHeartbeat } from '../fixtures/events';
import { type Loopback, startLoopback } from '../transport/loopback';

const heartbeat = (interval: number) => JSON.stringify({ ...sampleHeartbeat(), interval });

/**
 * A raw `ws` server that announces `interval` in a heartbeat on every connection, then sends nothing unless
 * asked (an action gets an `ok` reply, or `beat` sends another heartbeat).
 */
async function announcingServer(interval: number): Promise<Loopback> {
  const server = await startLoopback();
  server.server.on('connection', (socket) => {
    socket.send(heartbeat(interval));
    socket.on('message', (text) => {
      const { action, echo } = JSON.parse(String(text)) as { action: string; echo: unknown };
      if (action === 'beat') socket.send(heartbeat(interval));
      socket.send(JSON.stringify({ status: 'ok', retcode: 0, data: { action }, message: '', wording: '', echo }));
    });
  });
  return server;
}

const cleanups: Array<() => Promise<unknown>> = [];
const warnings: Error[] = [];
const onWarning = (warning: Error) => warnings.push(warning);
process.on('warning', onWarning);
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

const UNUSABLE = [2 ** 31, 3e9, 1e308, 0.5, 1500.5, 0];

describe('a server announcing an unusable heartbeat interval (raw ws server)', () => {
  it.each(UNUSABLE)('ignores interval %s: one ProtocolError, no timer overflow, no reconnect storm', async (interval) => {
    const server = await announcingServer(interval);
    // reconnect at once: a watchdog armed with the value would replace the socket within milliseconds.
    const client: Client = createClient({ url: server.url, heartbeatGrace: 1, reconnect: { initialDelay: 1, maxDelay: 1, jitter: 0 } });
    cleanups.push(() => server.close(), () => client.close());
    const reported: ProtocolError[] = [];
    client.errors$.pipe(filter(isProtocolError)).subscribe((e) => reported.push(e));
    const firstReport = firstValueFrom(client.errors$.pipe(filter(isProtocolError)));
    client.connect();
    // Positive signals only: the report, or a second connection (which would mean the socket was replaced).
    const outcome = await Promise.race([firstReport, server.connection(2).then(() => 'replaced' as const)]);
    expect(outcome).not.toBe('replaced');
    // Two round trips on the same socket, one of them with another heartbeat announcing the same value.
    const beat = firstValueFrom(client.on('meta_event.heartbeat'));
    await firstValueFrom(client.callApi('beat', {}));
    await beat;
    await firstValueFrom(client.callApi('get_status', {}));
    expect(reported.map((e) => e.message)).toEqual([expect.stringContaining(`heartbeat interval ${interval} ignored`)]);
    expect(server.accepted).toHaveLength(1);
    expect((await firstValueFrom(client.state$)).status).toBe('open');
    expect(warnings.filter((w) => w.name === 'TimeoutOverflowWarning')).toEqual([]);
  });
});

describe('heartbeat intervals on virtual time', () => {
  it('does not replace a socket for 10 virtual hours after a 0.5 ms announcement, then still detects a dead one at a sane interval', async () => {
    const scheduler = new VirtualTimeScheduler(VirtualAction, Number.POSITIVE_INFINITY);
    const server = await announcingServer(0.5);
    const client = createClient({
      url: server.url,
      scheduler,
      pingInterval: 0,
      heartbeatGrace: 2,
      reconnect: { initialDelay: 1, maxDelay: 1, jitter: 0 },
    });
    cleanups.push(() => server.close(), () => client.close());
    const states: string[] = [];
    client.state$.subscribe((s) => states.push(s.status));
    const reported = firstValueFrom(client.errors$.pipe(filter(isProtocolError)));
    client.connect();
    await reported;
    scheduler.flush();
    scheduler.schedule(() => undefined, 10 * 3_600_000);
    scheduler.flush();
    expect(states).toEqual(['idle', 'connecting', 'open']);
    expect(server.accepted).toHaveLength(1);
    const { socket } = await server.connection(1);
    const sane = firstValueFrom(client.on('meta_event.heartbeat').pipe(filter((h) => h.interval === 5_000)));
    socket.send(heartbeat(5_000));
    await sane;
    scheduler.schedule(() => undefined, 10_000);
    scheduler.flush();
    expect(states).toEqual(['idle', 'connecting', 'open', 'reconnecting']);
  });
});
