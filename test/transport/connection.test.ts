import { defer, filter, firstValueFrom, map, type Observable, Subject, take, toArray } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { AuthError, DisconnectedError } from '../../src/errors';
import { heartbeatWatchdog } from '../../src/transport/heartbeat';

/** Short intervals for these tests (the default range starts at 1 s). */
const ANY_INTERVAL = { min: 1, max: 2 ** 31 - 1 };
import { openSocket, type OpenSocketOptions } from '../../src/transport/open-socket';
import { reconnect, type ReconnectOptions } from '../../src/transport/reconnect';
import type { ReconnectPolicy, SocketOpen, TransportSignal } from '../../src/transport/types';
import { ManualClock } from '../helpers/manual-clock';
import { closedPortUrl, errorOf, startLoopback, type Loopback } from './loopback';

const isOpen = (s: TransportSignal): s is SocketOpen => typeof s !== 'string';
const fast: ReconnectPolicy = { initialDelay: 5, maxDelay: 20, factor: 2, jitter: 0.2 };

let servers: Loopback[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function loopback(options?: Parameters<typeof startLoopback>[0]): Promise<Loopback> {
  const server = await startLoopback(options);
  servers.push(server);
  return server;
}

/** The lead's composition, minus decoding: a fresh generation per socket, then reconnect. */
function connection(
  socket: Omit<OpenSocketOptions, 'generation'>,
  retry: Omit<ReconnectOptions<TransportSignal>, 'isOpen'>,
): Observable<TransportSignal> {
  let generation = 0;
  return defer(() => openSocket({ ...socket, generation: ++generation })).pipe(reconnect({ ...retry, isOpen }));
}

/** Signals as text: `open#<generation>` or the frame itself. */
const describeSignal = (s: TransportSignal): string => (isOpen(s) ? `open#${s.generation}` : (s as string));

describe('openSocket + reconnect against a real server', () => {
  it('keeps delivering frames from each new socket after the server drops the old one', async () => {
    const server = await loopback();
    server.server.on('connection', (socket) => {
      const n = server.accepted.length;
      socket.send(`hello ${n}`);
      if (n < 3) socket.close(4000, 'go away');
    });
    const retries: unknown[] = [];
    const signals = await firstValueFrom(
      connection({ url: server.url }, { policy: fast, onRetry: (_n, _d, e) => retries.push(e) }).pipe(
        map(describeSignal),
        take(6),
        toArray(),
      ),
    );
    expect(signals).toEqual(['open#1', 'hello 1', 'open#2', 'hello 2', 'open#3', 'hello 3']);
    expect(retries).toHaveLength(2);
    expect((retries[0] as DisconnectedError).code).toBe(4000);
  });

  it('does not retry a rejected token', async () => {
    let upgrades = 0;
    const server = await loopback({
      verifyClient: (_info, done) => {
        upgrades += 1;
        done(false, 401);
      },
    });
    const retries: number[] = [];
    const error = await errorOf(
      connection({ url: server.url, accessToken: 'wrong' }, { policy: fast, onRetry: (n) => retries.push(n) }),
    );
    expect(error).toBeInstanceOf(AuthError);
    expect(retries).toEqual([]);
    expect(upgrades).toBe(1);
  });

  it('ends with DisconnectedError { attempts } once maxAttempts reconnects failed', async () => {
    const url = await closedPortUrl();
    const retries: number[] = [];
    const error = await errorOf(
      connection({ url }, { policy: { ...fast, maxAttempts: 3 }, onRetry: (n) => retries.push(n) }),
    );
    expect(error).toBeInstanceOf(DisconnectedError);
    expect((error as DisconnectedError).attempts).toBe(3);
    expect((error as DisconnectedError).code).toBe(1006);
    expect((error as DisconnectedError).cause).toBeInstanceOf(DisconnectedError);
    expect(retries).toEqual([1, 2, 3]);
  });

  it('resets the attempt count after a connection stayed open for resetAfter', async () => {
    // Virtual time: each socket provably stays open for resetAfter before the server closes it.
    const server = await loopback();
    const clock = new ManualClock();
    const retries = new Subject<number>();
    const seen: number[] = [];
    retries.subscribe((n) => seen.push(n));
    const opens = new Subject<SocketOpen>();
    let failure: unknown;
    const subscription = connection(
      { url: server.url },
      { policy: { ...fast, maxAttempts: 1, resetAfter: 20 }, scheduler: clock, onRetry: (n) => retries.next(n) },
    )
      .pipe(filter(isOpen))
      .subscribe({ next: (o) => opens.next(o), error: (e: unknown) => (failure = e) });
    const generations: number[] = [];
    let nextOpen = firstValueFrom(opens);
    for (let n = 1; n <= 4; n++) {
      generations.push((await nextOpen).generation);
      if (n === 4) break;
      nextOpen = firstValueFrom(opens);
      clock.advance(20);
      const retried = firstValueFrom(retries);
      (await server.connection(n)).socket.close(4000);
      await retried;
      clock.advance(20); // fast.maxDelay
    }
    subscription.unsubscribe();
    expect(failure).toBeUndefined();
    expect(generations).toEqual([1, 2, 3, 4]);
    expect(seen).toEqual([1, 1, 1]);
  });

  it('counts short-lived connections as failed attempts', async () => {
    const server = await loopback();
    server.server.on('connection', (socket) => socket.close(4000));
    const policy = { ...fast, maxAttempts: 2, resetAfter: 5_000 };
    const error = await errorOf(connection({ url: server.url }, { policy }));
    expect((error as DisconnectedError).attempts).toBe(2);
    expect(server.accepted).toHaveLength(3);
  });

  it('replaces a socket that falls silent after announcing a heartbeat interval', async () => {
    const server = await loopback();
    server.server.on('connection', (socket) => socket.send(`heartbeat ${server.accepted.length}`));
    let generation = 0;
    const intervalOf = (s: TransportSignal) => (typeof s === 'string' && s.startsWith('heartbeat') ? 20 : undefined);
    const retries: unknown[] = [];
    const signals = await firstValueFrom(
      defer(() => openSocket({ url: server.url, generation: ++generation })).pipe(
        heartbeatWatchdog({ range: ANY_INTERVAL, grace: 2, intervalOf }),
        reconnect({ policy: fast, isOpen, onRetry: (_n, _d, e) => retries.push(e) }),
        map(describeSignal),
        take(4),
        toArray(),
      ),
    );
    expect(signals).toEqual(['open#1', 'heartbeat 1', 'open#2', 'heartbeat 2']);
    expect((retries[0] as DisconnectedError).message).toBe('no frame for 40 ms: heartbeat missed');
    const first = server.accepted[0]!.socket;
    if (first.readyState !== first.CLOSED) await new Promise((resolve) => first.once('close', resolve));
    expect(first.readyState).toBe(first.CLOSED);
  });
});
