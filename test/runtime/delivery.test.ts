import { Observable, Subject, VirtualTimeScheduler, concatMap, retry } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../src/index';
import { sampleGroupMessage } from '../fixtures/events';
import { deliveryOf } from '../../src/runtime/delivery';
import type { Delivery, DeliveryOutcome, SendMeta, SocketOpen, TransportSignal } from '../../src/transport/types';

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
  it('decodes a DeliveredFrame like its text and knows its delivery while the event is emitted, not after', () => {
    const { client, frames } = driven();
    const seen: object[] = [];
    const during: unknown[] = [];
    const sub = client.events$.subscribe((e) => {
      seen.push(e);
      during.push(deliveryOf(e));
    });
    const d = delivery('1-0');
    frames.next({ text: groupMessage(1), delivery: d });
    frames.next(groupMessage(2));
    expect(seen).toHaveLength(2);
    expect(during).toEqual([d, undefined]);
    expect(deliveryOf(seen[0] as object)).toBeUndefined();
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

/** A delivery recording its claims and their outcomes. */
function recorded(id: string) {
  const outcomes: DeliveryOutcome[] = [];
  let claims = 0;
  const d: Delivery = {
    id,
    claim: () => {
      claims++;
      return (outcome) => outcomes.push(outcome);
    },
  };
  return { d, outcomes, claims: () => claims };
}

/** Answers the call written as `sent[index]` with `ok`. */
function answer(h: ReturnType<typeof driven>, index: number, data: unknown = { message_id: 1 }): void {
  const { echo } = JSON.parse(h.sent[index]?.text ?? '{}') as { echo: string };
  h.frames.next(JSON.stringify({ status: 'ok', retcode: 0, data, message: '', wording: '', echo }));
}

describe('handle() and deliveries', () => {
  it('claims a delivered event when it arrives and settles it once, handled, when its handling ends', () => {
    const h = driven();
    const r = recorded('7-0');
    const sub = h.client.handle('message.group', (_e, ctx) => ctx.reply('hi'));
    h.frames.next({ text: groupMessage(1), delivery: r.d });
    expect(r.claims()).toBe(1);
    expect(r.outcomes).toEqual([]);
    answer(h, 0);
    expect(r.outcomes).toEqual(['handled']);
    sub.unsubscribe();
  });

  it('settles handled for a failed handling and for a drop, cancelled for an unsubscribed one', () => {
    const h = driven();
    const failing = recorded('1-0');
    const first = recorded('2-0');
    const dropped = recorded('3-0');
    const kept = recorded('4-0');
    h.client.errors$.subscribe(() => undefined);
    const sub = h.client.handle(
      'message.group',
      (e, ctx) => {
        if (e.message_id === 1) throw new Error('no');
        return ctx.reply('x');
      },
      { maxQueued: 1 },
    );
    h.frames.next({ text: groupMessage(1), delivery: failing.d });
    expect(failing.outcomes).toEqual(['handled']);
    h.frames.next({ text: groupMessage(2), delivery: first.d });
    h.frames.next({ text: groupMessage(3), delivery: dropped.d });
    h.frames.next({ text: groupMessage(4), delivery: kept.d });
    expect(dropped.outcomes).toEqual(['handled']);
    sub.unsubscribe();
    expect(first.outcomes).toEqual(['cancelled']);
    expect(kept.outcomes).toEqual(['cancelled']);
  });

  it('a revoked delivery cancels its running handling and its queued one never starts; both settle cancelled, nothing more is sent', () => {
    const h = driven();
    const revokes: Array<() => void> = [];
    const outcomes: Record<string, DeliveryOutcome[]> = { a: [], b: [] };
    const revocable = (id: 'a' | 'b'): Delivery => ({
      id,
      claim: (revoke) => {
        if (revoke !== undefined) revokes.push(revoke);
        return (outcome) => outcomes[id]!.push(outcome);
      },
    });
    const started: number[] = [];
    const sub = h.client.handle('message.group', (e, ctx) => {
      started.push(e.message_id as number);
      return ctx.reply('x');
    });
    h.frames.next({ text: groupMessage(1), delivery: revocable('a') }); // runs: its reply is written
    h.frames.next({ text: groupMessage(2), delivery: revocable('b') }); // same conversation: queued
    expect([started, h.sent.length, revokes.length]).toEqual([[1], 1, 2]);
    for (const revoke of revokes.reverse()) revoke(); // latest first, as the Delivery contract asks
    expect(outcomes).toEqual({ a: ['cancelled'], b: ['cancelled'] });
    answer(h, 0);
    expect([started, h.sent.length]).toEqual([[1], 1]);
    sub.unsubscribe();
  });

  it('leaves a delivery unclaimed when only plain subscribers see the event', () => {
    const h = driven();
    const r = recorded('5-0');
    const sub = h.client.groupMessages$.subscribe();
    const other = h.client.handle('notice.group_increase', () => undefined);
    h.frames.next({ text: groupMessage(1), delivery: r.d });
    expect(r.claims()).toBe(0);
    sub.unsubscribe();
    other.unsubscribe();
  });

  it("stamps ctx calls with the event's self_id and <delivery id>:<ordinal> keys in subscription order (a retry takes the next)", () => {
    const h = driven();
    const r = recorded('9-1');
    const sub = h.client.handle('message.group', (_e, ctx) =>
      ctx.api.get_status().pipe(
        retry(1),
        concatMap(() => ctx.sendGroupMessage(100, 'a')),
        concatMap(() => ctx.callApi('get_login_info')),
      ),
    );
    h.frames.next({ text: groupMessage(1), delivery: r.d });
    h.frames.next(JSON.stringify({ status: 'failed', retcode: 100, data: null, message: 'x', wording: 'x', echo: (JSON.parse(h.sent[0]?.text ?? '{}') as { echo: string }).echo }));
    answer(h, 1, { online: true, good: true });
    answer(h, 2);
    answer(h, 3, { user_id: 1, nickname: 'n' });
    expect(h.sent.map((s) => [s.meta?.idempotencyKey, s.meta?.selfId])).toEqual([
      ['9-1:1', String(sampleGroupMessage().self_id)],
      ['9-1:2', String(sampleGroupMessage().self_id)],
      ['9-1:3', String(sampleGroupMessage().self_id)],
      ['9-1:4', String(sampleGroupMessage().self_id)],
    ]);
    expect(r.outcomes).toEqual(['handled']);
    const plain = driven();
    plain.client.handle('message.group', (_e, ctx) => ctx.reply('x'));
    plain.frames.next(groupMessage(2));
    expect(plain.sent[0]?.meta).toEqual({ deadline: expect.any(Number), selfId: String(sampleGroupMessage().self_id) });
    sub.unsubscribe();
  });
});

describe('close({ drain })', () => {
  it('stops taking events, lets the handling in flight finish, then closes', async () => {
    const h = driven();
    const inFlight = recorded('1-0');
    const late = recorded('2-0');
    h.client.handle('message.group', (_e, ctx) => ctx.reply('x'));
    h.frames.next({ text: groupMessage(1), delivery: inFlight.d });
    let closed = false;
    const closing = h.client.close({ drain: 1_000 }).then(() => (closed = true));
    h.frames.next({ text: groupMessage(2), delivery: late.d });
    expect(late.claims()).toBe(0);
    answer(h, 0);
    await closing;
    expect(closed).toBe(true);
    expect(inFlight.outcomes).toEqual(['handled']);
    expect(h.scheduler.actions).toHaveLength(0);
  });

  it('cancels what is still running when the drain time is up', async () => {
    const h = driven();
    const stuck = recorded('1-0');
    h.client.handle('message.group', (_e, ctx) => ctx.reply('x'));
    h.frames.next({ text: groupMessage(1), delivery: stuck.d });
    const closing = h.client.close({ drain: 1_000 });
    await Promise.resolve();
    expect(stuck.outcomes).toEqual([]);
    h.scheduler.flush();
    await closing;
    expect(stuck.outcomes).toEqual(['cancelled']);
    expect(h.sent).toHaveLength(1);
    expect(h.scheduler.actions).toHaveLength(0);
  });
});
