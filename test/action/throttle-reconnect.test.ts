/**
 * Spacing and order on the wire across a reconnect (issue 19): the throttle counts a send when its frame is
 * written, and calls waiting for a socket go out before anything a `state$` 'open' handler sends. Virtual
 * time on an in-process transport (the frames it receives are the wire); then the same on a raw `ws` server.
 */
import { VirtualTimeScheduler, filter, firstValueFrom } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { type Client, createClient } from '../../src/index';
import { createLoopTransport } from '../hardening/fixtures/loop-transport';
import { type Loopback, startLoopback } from '../transport/loopback';

function advanceTo(scheduler: VirtualTimeScheduler, to: number): void {
  scheduler.maxFrames = to;
  scheduler.flush();
  scheduler.frame = to;
}

const textOf = (frame: string): string => {
  const { params } = JSON.parse(frame) as { params: { message: Array<{ data: { text: string } }> } };
  return params.message[0]!.data.text;
};

describe('on the wire across a reconnect (virtual time)', () => {
  it('keeps the per-target spacing for sends queued while the socket was down', () => {
    const scheduler = new VirtualTimeScheduler();
    const wire: Array<[number, number, string]> = [];
    const loop = createLoopTransport({ onWrite: (session, text) => wire.push([scheduler.now(), session.generation, textOf(text)]) });
    const client = createClient({
      url: 'ws://127.0.0.1:9',
      transport: loop.transport,
      scheduler,
      actionTimeout: 60_000,
      reconnect: { initialDelay: 1_565, maxDelay: 1_565, jitter: 0 },
      throttle: { perTarget: { count: 1, perMs: 300 } },
    });
    client.connect();
    loop.latest().fail(new Error('dropped'));
    for (const text of ['m1', 'm2', 'm3', 'm4']) client.sendGroupMessage(1, text).subscribe({ error: () => undefined });
    advanceTo(scheduler, 10_000);
    expect(wire).toEqual([
      [1_565, 2, 'm1'],
      [1_865, 2, 'm2'],
      [2_165, 2, 'm3'],
      [2_465, 2, 'm4'],
    ]);
    void client.close();
  });

  it('counts the spacing from the last frame written before the drop', () => {
    const scheduler = new VirtualTimeScheduler();
    const wire: Array<[number, string]> = [];
    const loop = createLoopTransport({ onWrite: (_session, text) => wire.push([scheduler.now(), textOf(text)]) });
    const client = createClient({
      url: 'ws://127.0.0.1:9',
      transport: loop.transport,
      scheduler,
      reconnect: { initialDelay: 10, maxDelay: 10, jitter: 0 },
      throttle: { perTarget: { count: 1, perMs: 300 } },
    });
    client.connect();
    client.sendGroupMessage(1, 'before').subscribe({ error: () => undefined });
    loop.latest().fail(new Error('dropped'));
    client.sendGroupMessage(1, 'after').subscribe({ error: () => undefined });
    advanceTo(scheduler, 1_000);
    expect(wire).toEqual([
      [0, 'before'],
      [300, 'after'],
    ]);
    void client.close();
  });

  it("writes calls that waited for a socket before calls made from a state$ 'open' handler", () => {
    const scheduler = new VirtualTimeScheduler();
    const wire: string[] = [];
    const loop = createLoopTransport({ autoOpen: false, onWrite: (_session, text) => wire.push(textOf(text)) });
    const client = createClient({ url: 'ws://127.0.0.1:9', transport: loop.transport, scheduler });
    client.sendGroupMessage(1, 'm1').subscribe({ error: () => undefined });
    client.state$.pipe(filter((s) => s.status === 'open')).subscribe(() => {
      client.sendGroupMessage(1, 'm2').subscribe({ error: () => undefined });
    });
    loop.latest().open();
    expect(wire).toEqual(['m1', 'm2']);
    void client.close();
  });
});

describe('against a raw ws server', () => {
  let server: Loopback | undefined;
  let client: Client | undefined;
  afterEach(async () => {
    await client?.close();
    await server?.close();
  });

  it("after a server-side drop, the call queued while reconnecting reaches the server before the state$ 'open' handler's", async () => {
    server = await startLoopback();
    const received: string[] = [];
    const twoOnSecond = new Promise<void>((resolve) => {
      server!.server.on('connection', (socket) => {
        if (server!.accepted.length !== 2) return;
        socket.on('message', (data) => {
          received.push(textOf(String(data)));
          if (received.length === 2) resolve();
        });
      });
    });
    client = createClient({ url: server.url, reconnect: { initialDelay: 20, maxDelay: 20, jitter: 0 } });
    client.connect();
    const first = await server.connection(1);
    const reconnecting = firstValueFrom(client.state$.pipe(filter((s) => s.status === 'reconnecting')));
    first.socket.terminate();
    await reconnecting;
    const c = client;
    c.state$.pipe(filter((s) => s.status === 'open')).subscribe(() => {
      c.sendGroupMessage(1, 'm2').subscribe({ error: () => undefined });
    });
    c.sendGroupMessage(1, 'm1').subscribe({ error: () => undefined });
    await twoOnSecond;
    expect(received).toEqual(['m1', 'm2']);
  });
});
