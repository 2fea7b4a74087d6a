import { firstValueFrom, filter } from 'rxjs';
import { type WebSocket, WebSocketServer } from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as ClientModule from '../../src/client/client';
import type * as Errors from '../../src/errors';
import type { FrameDecoder } from '../../src/codec/decoder-source';
import { sampleGroupMessage } from '../fixtures/events';

// The browser build's frame decoder (what `browserVariants()` swaps in) loads by `import()`; here each load
// also waits for a gate the test opens, so frames provably arrive before the decoder does.
const control = vi.hoisted(() => ({
  gate: Promise.resolve() as Promise<void>,
  failNext: false,
  loads: 0,
}));
vi.mock('../../src/codec/decoder-source', async () => {
  const browser = await vi.importActual<typeof import('../../src/codec/decoder-source.browser')>(
    '../../src/codec/decoder-source.browser',
  );
  return {
    frameDecoder: (): Promise<FrameDecoder> => {
      control.loads += 1;
      if (control.failNext) {
        control.failNext = false;
        return Promise.reject(new Error('chunk load failed'));
      }
      return control.gate.then(async () => browser.frameDecoder());
    },
  };
});

let createClient: typeof ClientModule.createClient;
let DecodeError: typeof Errors.DecodeError;

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
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

describe('the browser build decodes frames once its decoder chunk is in', () => {
  beforeAll(async () => {
    vi.resetModules();
    ({ createClient } = await import('../../src/client/client'));
    ({ DecodeError } = await import('../../src/errors'));
  });
  // The suite shares module graphs across files (isolate: false): later files get the real module again.
  afterAll(() => {
    vi.doUnmock('../../src/codec/decoder-source');
    vi.resetModules();
  });

  it('holds frames that arrive before the decoder, then decodes them all, in order', async () => {
    let openGate!: () => void;
    control.gate = new Promise<void>((resolve) => (openGate = resolve));
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
    // The socket opens while the decoder is still loading: a SocketOpen needs no decoding.
    await firstValueFrom(client.state$.pipe(filter((state) => state.status === 'open')));
    await read;
    expect(seen).toEqual([]);
    // A frame written once the decoder is in comes after the held ones.
    const marker = firstValueFrom(client.groupMessages$.pipe(filter((m) => m.message_id === 99)));
    openGate();
    await control.gate;
    send(groupMessage(99));
    await marker;
    expect(seen).toEqual([1, 2, 'decode-error', 'unknown-event', 3, 99]);
  });

  it('decodes what comes after the decoder at once, on the same stream', async () => {
    control.gate = Promise.resolve();
    const { url } = await eagerServer([groupMessage(7)]);
    const client = createClient({ url, reconnect: false });
    cleanups.push(() => client.close());
    const message = await firstValueFrom(client.groupMessages$);
    expect(message.message_id).toBe(7);
    expect(message.group_id).toBe(sampleGroupMessage().group_id);
  });

  it('treats a failed chunk load like a dropped socket: the reconnect loads it again and nothing after is lost', async () => {
    control.gate = Promise.resolve();
    control.failNext = true;
    const loads = control.loads;
    const { url } = await eagerServer([groupMessage(11), groupMessage(12)]);
    const client = createClient({ url, reconnect: { initialDelay: 1, maxDelay: 1, jitter: 0 } });
    cleanups.push(() => client.close());
    const states: string[] = [];
    client.state$.subscribe((state) => states.push(state.status));
    const ids: unknown[] = [];
    const second = firstValueFrom(client.groupMessages$.pipe(filter((m) => (ids.push(m.message_id), m.message_id === 12))));
    await second;
    expect(ids).toEqual([11, 12]);
    expect(states).toContain('reconnecting');
    expect(control.loads - loads).toBe(2);
  });
});
