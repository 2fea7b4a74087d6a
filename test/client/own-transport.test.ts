import { Observable, VirtualTimeScheduler, firstValueFrom, take, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { type OpenTransport, type TransportSignal, createClient } from '../../src/index';

interface Wire {
  readonly transport: OpenTransport;
  /** Every request written, parsed. */
  readonly written: Array<{ action: string; params: Record<string, unknown>; echo: string }>;
  /** Pushes an inbound text frame on the open session. */
  push(text: string): void;
}

/** A transport written the way a user would: a plain Observable over an in-memory "server". */
function inMemoryWire(answer: (action: string, params: Record<string, unknown>) => unknown): Wire {
  const written: Wire['written'] = [];
  let inbound: ((text: string) => void) | undefined;
  const transport: OpenTransport = (generation) =>
    new Observable<TransportSignal>((subscriber) => {
      inbound = (text) => subscriber.next(text);
      subscriber.next({
        type: 'open',
        generation,
        send: (text) => {
          const request = JSON.parse(text) as Wire['written'][number];
          written.push(request);
          const data = answer(request.action, request.params);
          if (data !== undefined) {
            queueMicrotask(() => inbound?.(JSON.stringify({ status: 'ok', retcode: 0, data, echo: request.echo })));
          }
        },
      });
      return () => {
        inbound = undefined;
      };
    });
  return { transport, written, push: (text) => inbound?.(text) };
}

/** The text of each message written (raw calls send it as given, typed ones as segments). */
const sent = (wire: Wire): unknown[] =>
  wire.written.map(({ params: { message } }) =>
    typeof message === 'string' ? message : (message as Array<{ data: { text: string } }>)[0]?.data.text,
  );

describe('a user-written transport', () => {
  it('drives a client end to end: events in, calls out, replies back, backend detected', async () => {
    const wire = inMemoryWire((action) =>
      action === 'get_version_info'
        ? { app_name: 'NapCat.Onebot', app_version: '4.18.19', protocol_version: 'v11' }
        : { message_id: 7 },
    );
    const client = createClient({ url: 'memory:', transport: wire.transport });
    const messages = firstValueFrom(client.groupMessages$);
    const event = {
      time: 1,
      self_id: 10,
      post_type: 'message',
      message_type: 'group',
      sub_type: 'normal',
      message_id: 1,
      group_id: 42,
      user_id: 5,
      message: [{ type: 'text', data: { text: 'ping' } }],
      raw_message: 'ping',
      font: 0,
      sender: { user_id: 5, nickname: 'u' },
    };
    wire.push(JSON.stringify(event));
    const message = await messages;
    expect(message.group_id).toBe(42);

    expect(await firstValueFrom(client.sendGroupMessage(message.group_id, 'pong'))).toMatchObject({ message_id: 7 });
    expect(wire.written[0]).toMatchObject({ action: 'send_group_msg', params: { group_id: 42 } });

    await firstValueFrom(client.api.get_version_info());
    expect(client.supports('delete_unidirectional_friend')).toBe(false);
    await client.close();
  });

  it('throttles api.raw sends exactly like typed ones (one call path)', async () => {
    const scheduler = new VirtualTimeScheduler();
    const wire = inMemoryWire(() => undefined);
    const client = createClient({
      url: 'memory:',
      transport: wire.transport,
      scheduler,
      throttle: { perTarget: { count: 1, perMs: 1_000 } },
    });
    const hold = client.connect();
    client.api.raw.send_group_msg?.({ group_id: 1, message: 'a' }).subscribe({ error: () => undefined });
    client.api.raw.send_group_msg?.({ group_id: 1, message: 'b' }).subscribe({ error: () => undefined });
    client.callApi('send_group_msg', { group_id: 1, message: 'c' }).subscribe({ error: () => undefined });
    expect(sent(wire)).toEqual(['a']);
    scheduler.maxFrames = 1_000;
    scheduler.flush();
    expect(sent(wire)).toEqual(['a', 'b']);
    scheduler.maxFrames = 2_000;
    scheduler.flush();
    expect(sent(wire)).toEqual(['a', 'b', 'c']);
    hold.unsubscribe();
    const closed = client.close();
    scheduler.maxFrames = Infinity;
    scheduler.flush();
    await closed;
  });

  it('takes the client state through open and closed', async () => {
    const wire = inMemoryWire(() => null);
    const client = createClient({ url: 'memory:', transport: wire.transport, idleGrace: 0 });
    const states = firstValueFrom(client.state$.pipe(take(3), toArray()));
    const hold = client.connect();
    hold.unsubscribe();
    await client.close();
    expect((await states).map((s) => s.status)).toEqual(['idle', 'connecting', 'open']);
  });
});
