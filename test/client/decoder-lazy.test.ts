import { firstValueFrom, filter, map, take, toArray } from 'rxjs';
import { type WebSocket, WebSocketServer } from 'ws';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type * as ClientModule from '../../src/client/client';
import type * as Errors from '../../src/errors';
import { sampleGroupMessage } from '../fixtures/events';

// The browser build's lazy core (what `browserVariants()` swaps in): the frame decoder and the runtime come
// with one `import()` of lazy-core-parts. Here that import also waits for a gate the test opens, so frames
// and `handle` / `run` calls provably come before the core does.
const control = { gate: Promise.resolve() as Promise<void>, failNext: false, loads: 0 };

/** The client and error modules, loaded afresh (the lazy core not yet loaded), with the load behind `gate`. */
async function fresh(gate: Promise<void> = Promise.resolve()): Promise<{
  createClient: typeof ClientModule.createClient;
  DecodeError: typeof Errors.DecodeError;
}> {
  control.gate = gate;
  // Registered again for each test, so each test starts with the core not loaded (a mock's module is kept
  // otherwise).
  vi.doMock('../../src/client/lazy-core', () => vi.importActual('../../src/client/lazy-core.browser'));
  vi.doMock('../../src/client/lazy-core-parts', async () => {
    control.loads += 1;
    await control.gate;
    if (control.failNext) {
      control.failNext = false;
      throw new Error('chunk load failed');
    }
    return vi.importActual('../../src/client/lazy-core-parts');
  });
  vi.resetModules();
  const { createClient } = await import('../../src/client/client');
  const { DecodeError } = await import('../../src/errors');
  return { createClient, DecodeError };
}

/** A gate and the function that opens it. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});
// The suite shares module graphs across files (isolate: false): later files get the real modules again.
afterAll(() => {
  vi.doUnmock('../../src/client/lazy-core');
  vi.doUnmock('../../src/client/lazy-core-parts');
  vi.resetModules();
});

const groupMessage = (id: number): string => JSON.stringify({ ...sampleGroupMessage(), message_id: id });

/**
 * A raw server that writes `frames` the moment a client connects, then pings; the client's pong comes back
 * only after the client has read every frame before the ping (the positive signal that they are held).
 */
async function eagerServer(frames: readonly string[]): Promise<{ url: string; read: Promise<void>; send: (frame: string) => void }> {
  const server = new WebSocketServer({ port: 0 });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  let readAll!: () => void;
  const read = new Promise<void>((resolve) => (readAll = resolve));
  let last: WebSocket | undefined;
  server.on('connection', (socket: WebSocket) => {
    last = socket;
    for (const frame of frames) socket.send(frame);
    socket.once('pong', () => readAll());
    socket.ping();
  });
  const send = (frame: string): void => last?.send(frame);
  return { url: `ws://127.0.0.1:${(server.address() as { port: number }).port}`, read, send };
}

describe('the browser build decodes frames once its lazy core is in', () => {
  it('holds frames that arrive before the decoder, then decodes them all, in order', async () => {
    const loading = gate();
    const { createClient, DecodeError } = await fresh(loading.opened);
    const frames = [groupMessage(1), groupMessage(2), '{not json', JSON.stringify({ post_type: 'future', x: 1 }), groupMessage(3)];
    const { url, read, send } = await eagerServer(frames);
    const client = createClient({ url, reconnect: false });
    cleanups.push(() => client.close());
    const seen: unknown[] = [];
    client.errors$.subscribe((error) => seen.push(error instanceof DecodeError ? 'decode-error' : error));
    client.frames$.subscribe((frame) => {
      if (frame.kind === 'event') seen.push((frame.event as { message_id?: unknown }).message_id);
      else seen.push(frame.kind);
    });
    // The socket opens while the core is still loading: a SocketOpen needs no decoding.
    await firstValueFrom(client.state$.pipe(filter((state) => state.status === 'open')));
    await read;
    expect(seen).toEqual([]);
    // A frame written once the core is in comes after the held ones.
    const marker = firstValueFrom(client.groupMessages$.pipe(filter((m) => m.message_id === 99)));
    loading.open();
    await firstValueFrom(client.groupMessages$);
    send(groupMessage(99));
    await marker;
    expect(seen).toEqual([1, 2, 'decode-error', 'unknown-event', 3, 99]);
  });

  it('decodes what comes after the core at once, on the same stream', async () => {
    const { createClient } = await fresh();
    const { url } = await eagerServer([groupMessage(7)]);
    const client = createClient({ url, reconnect: false });
    cleanups.push(() => client.close());
    const message = await firstValueFrom(client.groupMessages$);
    expect(message.message_id).toBe(7);
    expect(message.group_id).toBe(sampleGroupMessage().group_id);
  });

  it('treats a failed chunk load like a dropped socket: the reconnect loads it again and nothing after is lost', async () => {
    const { createClient } = await fresh();
    control.failNext = true;
    const loads = control.loads;
    const { url } = await eagerServer([groupMessage(11), groupMessage(12)]);
    const client = createClient({ url, reconnect: { initialDelay: 1, maxDelay: 1, jitter: 0 } });
    cleanups.push(() => client.close());
    const states: string[] = [];
    client.state$.subscribe((state) => states.push(state.status));
    const ids = await firstValueFrom(client.groupMessages$.pipe(map((m) => m.message_id), take(2), toArray()));
    expect(ids).toEqual([11, 12]);
    expect(states).toContain('reconnecting');
    expect(control.loads - loads).toBe(2);
  });

  it('starts handle() and run() made before the core is in ahead of the held frames, so they see every event', async () => {
    const loading = gate();
    const { createClient } = await fresh(loading.opened);
    const { url, read } = await eagerServer([groupMessage(21), groupMessage(22)]);
    const client = createClient({ url, reconnect: false });
    cleanups.push(() => client.close());
    const connection = client.connect();
    cleanups.push(async () => connection.unsubscribe());
    await read; // both frames are held: the core is not in
    const handled: unknown[] = [];
    client.handle('message.group', (m) => {
      handled.push(m.message_id);
    });
    const epicSaw: unknown[] = [];
    client.run((c) => c.groupMessages$.pipe(map((m) => epicSaw.push(m.message_id))));
    const dropped: unknown[] = [];
    client.handle('message.group', (m) => void dropped.push(m.message_id)).unsubscribe();
    const both = firstValueFrom(client.groupMessages$.pipe(filter((m) => m.message_id === 22)));
    loading.open();
    await both;
    expect(handled).toEqual([21, 22]);
    expect(epicSaw).toEqual([21, 22]);
    expect(dropped).toEqual([]);
  });
});
