import { Observable, Subject, VirtualTimeScheduler } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../src/index';
import { sampleGroupMessage } from '../fixtures/events';
import { deliveryOf } from '../../src/runtime/delivery';
import type { Delivery, SendMeta, SocketOpen, TransportSignal } from '../../src/transport/types';

const groupMessage = (id: number) => JSON.stringify({ ...sampleGroupMessage(), message_id: id });

function delivery(id: string): Delivery {
  return { id, claim: () => () => undefined };
}

/** A client over a hand-driven transport: `frames` feeds inbound signals, `sent` records `send` calls. */
function driven() {
  const frames = new Subject<TransportSignal>();
  const sent: Array<{ text: string; meta: SendMeta | undefined }> = [];
  const socket: SocketOpen = {
    type: 'open',
    generation: 1,
    send: (text, meta) => {
      sent.push({ text, meta });
      return true;
    },
  };
  const scheduler = new VirtualTimeScheduler();
  const client = createClient({
    url: 'ws://unused',
    scheduler,
    reconnect: false,
    transport: () =>
      new Observable<TransportSignal>((subscriber) => {
        subscriber.next(socket);
        return frames.subscribe(subscriber);
      }),
  });
  return { client, frames, sent, scheduler };
}

describe('delivered frames', () => {
  it('decodes a DeliveredFrame like its text and remembers its delivery on the event', () => {
    const { client, frames } = driven();
    const seen: object[] = [];
    const sub = client.events$.subscribe((e) => seen.push(e));
    const d = delivery('1-0');
    frames.next({ text: groupMessage(1), delivery: d });
    frames.next(groupMessage(2));
    expect(seen).toHaveLength(2);
    expect(deliveryOf(seen[0] as object)).toBe(d);
    expect(deliveryOf(seen[1] as object)).toBeUndefined();
    sub.unsubscribe();
  });

  it('reports an undecodable delivered frame on errors$ and keeps the stream alive', () => {
    const { client, frames } = driven();
    const errors: unknown[] = [];
    client.errors$.subscribe((e) => errors.push(e));
    const seen: unknown[] = [];
    const sub = client.events$.subscribe((e) => seen.push(e));
    frames.next({ text: JSON.stringify({ ...sampleGroupMessage(), user_id: 'not an id' }), delivery: delivery('2-0') });
    frames.next({ text: groupMessage(3), delivery: delivery('3-0') });
    expect(errors).toHaveLength(1);
    expect(seen).toHaveLength(1);
    sub.unsubscribe();
  });
});

describe('send metadata', () => {
  it('passes the deadline to socket.send, and the idempotency key and account as exact digits when given', () => {
    const { client, sent, scheduler } = driven();
    const hold = client.connect();
    client.api.get_status({}, { timeout: 500 }).subscribe({ error: () => undefined });
    client
      .sendGroupMessage(100, 'hi', { idempotencyKey: '5-0:1', selfId: '12345678901234567890' })
      .subscribe({ error: () => undefined });
    expect(sent.map((s) => s.meta)).toEqual([
      { deadline: scheduler.now() + 500 },
      { deadline: scheduler.now() + 30_000, idempotencyKey: '5-0:1', selfId: '12345678901234567890' },
    ]);
    hold.unsubscribe();
  });
});
