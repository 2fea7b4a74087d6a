import type { Subscription } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { isUnreachable, openHttpApi } from '../../src/transport/http-api';
import { isSocketOpen, type SocketOpen, type TransportSignal } from '../../src/transport/types';
import { type SilentHttp, startSilentHttp } from './silent-http';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function silentServer(): Promise<SilentHttp> {
  const server = await startSilentHttp();
  cleanups.push(() => server.close());
  return server;
}

/** Opens an HTTP API session on `url`, recording its frames and its error. */
function session(url: string) {
  const frames: string[] = [];
  const errors: unknown[] = [];
  const waiting: Array<{ n: number; resolve: () => void }> = [];
  let socket: SocketOpen | undefined;
  let released: Promise<void> | undefined;
  const onRelease = (closed: Promise<void>): void => {
    released = closed;
  };
  const subscription: Subscription = openHttpApi({ url, generation: 7, onRelease }).subscribe({
    next: (signal: TransportSignal) => {
      if (isSocketOpen(signal)) {
        socket = signal;
        return;
      }
      frames.push(signal as string);
      for (const waiter of waiting.filter((w) => frames.length >= w.n)) {
        waiting.splice(waiting.indexOf(waiter), 1);
        waiter.resolve();
      }
    },
    error: (e: unknown) => errors.push(e),
  });
  cleanups.push(() => subscription.unsubscribe());
  const open = socket as SocketOpen | undefined;
  if (open === undefined) throw new Error('openHttpApi did not open synchronously');
  /** Resolves once `n` frames have come in all: the positive signal (no deadline but the test's own). */
  const framesReach = (n: number): Promise<void> =>
    frames.length >= n ? Promise.resolve() : new Promise((resolve) => waiting.push({ n, resolve }));
  return { socket: open, frames, errors, subscription, framesReach, released: () => released };
}

const request = (echo: string, action = 'get_status') => JSON.stringify({ action, params: {}, echo });
const OK = '{"status":"ok","retcode":0,"data":{"online":true}}';

describe('openHttpApi cancel', () => {
  it('offers cancel on its SocketOpen', async () => {
    const server = await silentServer();
    expect(typeof session(server.url).socket.cancel).toBe('function');
  });

  it('aborts the request of a cancelled echo: the server sees it aborted, and no frame or error follows', async () => {
    const server = await silentServer();
    const s = session(server.url);
    s.socket.send(request('a:1'));
    const held = await server.request(1);
    s.socket.cancel?.('a:1');
    expect(await held.outcome).toBe('aborted');
    s.socket.send(request('a:2'));
    (await server.request(2)).answer(OK);
    await s.framesReach(1);
    expect(s.frames).toHaveLength(1);
    expect(JSON.parse(s.frames[0] as string)).toMatchObject({ echo: 'a:2', data: { online: true } });
    expect(s.errors).toEqual([]);
  });

  it('aborts only the cancelled request, leaving the others to be answered', async () => {
    const server = await silentServer();
    const s = session(server.url);
    s.socket.send(request('a:1', 'get_status'));
    s.socket.send(request('a:2', 'get_version_info'));
    const [first, second] = await Promise.all([server.request(1), server.request(2)]);
    const [kept, dropped] = first.url === '/get_status' ? [first, second] : [second, first];
    s.socket.cancel?.('a:2');
    expect(await dropped.outcome).toBe('aborted');
    kept.answer(OK);
    expect(await kept.outcome).toBe('answered');
    await s.framesReach(1);
    expect(s.frames).toHaveLength(1);
    expect(JSON.parse(s.frames[0] as string)).toMatchObject({ echo: 'a:1' });
  });

  it('ignores cancel of an echo already answered or never sent', async () => {
    const server = await silentServer();
    const s = session(server.url);
    s.socket.send(request('a:1'));
    (await server.request(1)).answer(OK);
    await s.framesReach(1);
    expect(s.frames).toHaveLength(1);
    s.socket.cancel?.('a:1');
    s.socket.cancel?.('never');
    s.socket.send(request('a:2'));
    (await server.request(2)).answer(OK);
    await s.framesReach(2);
    expect(s.frames).toHaveLength(2);
    expect(s.errors).toEqual([]);
  });

  it('aborts every request in flight when unsubscribed, and releases once they ended', async () => {
    const server = await silentServer();
    const s = session(server.url);
    s.socket.send(request('a:1'));
    const held = await server.request(1);
    s.subscription.unsubscribe();
    expect(await held.outcome).toBe('aborted');
    expect(await s.released()).toBeUndefined();
    expect([s.frames, s.errors]).toEqual([[], []]);
  });

  it('answers a cancelled request that was already in flight with nothing, even when the server answers', async () => {
    const server = await silentServer();
    const s = session(server.url);
    s.socket.send(request('a:1'));
    const held = await server.request(1);
    s.socket.cancel?.('a:1');
    held.answer(OK);
    await held.outcome;
    s.socket.send(request('a:2'));
    (await server.request(2)).answer(OK);
    await s.framesReach(1);
    expect(s.frames).toHaveLength(1);
    expect(JSON.parse(s.frames[0] as string)).toMatchObject({ echo: 'a:2' });
  });
});

describe('openHttpApi with an injected fetch', () => {
  it('hands fetch the signal that cancel aborts', () => {
    const signals: AbortSignal[] = [];
    let open: SocketOpen | undefined;
    const subscription = openHttpApi({
      url: 'http://127.0.0.1:1',
      generation: 1,
      fetch: (_url, init) => {
        signals.push(init.signal);
        return new Promise<never>(() => undefined);
      },
    }).subscribe((signal) => {
      if (isSocketOpen(signal)) open = signal;
    });
    cleanups.push(() => subscription.unsubscribe());
    open?.send(request('a:1'));
    open?.send(request('a:2'));
    open?.cancel?.('a:1');
    expect(signals.map((signal) => signal.aborted)).toEqual([true, false]);
  });
});

describe('isUnreachable', () => {
  it('finds connect-level codes through causes and aggregate errors, and nothing else', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    expect(isUnreachable(new TypeError('fetch failed', { cause: refused }))).toBe(true);
    expect(isUnreachable(new TypeError('fetch failed', { cause: Object.assign(new AggregateError([refused, refused]), { code: undefined }) }))).toBe(true);
    expect(isUnreachable({ code: 'ENOTFOUND' })).toBe(true);
    expect(isUnreachable(new TypeError('fetch failed', { cause: reset }))).toBe(false);
    expect(isUnreachable(new AggregateError([refused, reset]))).toBe(false);
    expect(isUnreachable(new Error('other side closed'))).toBe(false);
    expect(isUnreachable(null)).toBe(false);
  });
});
