import { EventEmitter } from 'node:events';
import { type Subscription, asyncScheduler } from 'rxjs';
import type { WebSocket } from 'ws';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BotLink, HANDOVER_LIMIT, REPLACED_CLOSE_CODE } from '../../src/server/bot-link';
import { isSocketOpen, type TransportSignal } from '../../src/transport/types';

/** A stand-in for an accepted `ws` socket: frames are pushed with `receive`, writes are recorded. */
class FakeSocket extends EventEmitter {
  readyState = 1;
  readonly sent: string[] = [];
  pings = 0;
  closedWith: { code: number; reason: string } | undefined;
  send(text: string): void {
    this.sent.push(text);
  }
  close(code: number, reason = ''): void {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.closedWith = { code, reason };
    this.emit('close', code, Buffer.from(reason));
  }
  terminate(): void {
    this.close(1006);
  }
  ping(): void {
    this.pings++;
  }
  receive(text: string): void {
    this.emit('message', Buffer.from(text));
  }
}

const asWs = (socket: FakeSocket): WebSocket => socket as unknown as WebSocket;

/** One session of the link's transport: what it emitted (frames as text, `open` as its generation). */
function session(link: BotLink, generation: number): { seen: string[]; error: () => unknown; sub: Subscription } {
  const seen: string[] = [];
  let failure: unknown;
  const sub = link.open(generation, () => undefined).subscribe({
    next: (signal: TransportSignal) => seen.push(isSocketOpen(signal) ? `open:${signal.generation}` : (signal as string)),
    error: (e: unknown) => (failure = e),
  });
  return { seen, error: () => failure, sub };
}

const subs: Subscription[] = [];
afterEach(() => {
  while (subs.length > 0) subs.pop()?.unsubscribe();
  vi.useRealTimers();
});

describe('BotLink handover', () => {
  it('holds the frames that arrive between a replacement and the next session, and delivers them first', () => {
    const link = new BotLink('10000', asyncScheduler, 0);
    const first = new FakeSocket();
    link.attach(asWs(first), 'Universal');
    const one = session(link, 1);
    first.receive('a');
    const second = new FakeSocket();
    link.attach(asWs(second), 'Universal');
    expect(one.error()).toMatchObject({ name: 'DisconnectedError' });
    second.receive('b');
    second.receive('c');
    first.receive('late from the replaced socket');
    const two = session(link, 2);
    subs.push(two.sub);
    second.receive('d');
    expect(one.seen).toEqual(['open:1', 'a']);
    expect(two.seen).toEqual(['open:2', 'b', 'c', 'd']);
  });

  it('holds event-socket frames while the action socket is away, up to the limit, oldest dropped first', () => {
    const link = new BotLink('10000', asyncScheduler, 0);
    const api = new FakeSocket();
    const events = new FakeSocket();
    link.attach(asWs(api), 'API');
    link.attach(asWs(events), 'Event');
    const one = session(link, 1);
    api.close(1006);
    expect(one.error()).toMatchObject({ name: 'DisconnectedError' });
    for (let i = 0; i < HANDOVER_LIMIT + 2; i++) events.receive(`e${i}`);
    link.attach(asWs(new FakeSocket()), 'API');
    const two = session(link, 2);
    subs.push(two.sub);
    expect(two.seen.length).toBe(1 + HANDOVER_LIMIT);
    expect(two.seen.slice(0, 3)).toEqual(['open:2', 'e2', 'e3']);
    expect(two.seen.at(-1)).toBe(`e${HANDOVER_LIMIT + 1}`);
  });

  it('holds nothing once the client itself left (unsubscribed, not failed)', () => {
    const link = new BotLink('10000', asyncScheduler, 0);
    const socket = new FakeSocket();
    link.attach(asWs(socket), 'Universal');
    session(link, 1).sub.unsubscribe();
    socket.receive('nobody listens');
    const two = session(link, 2);
    subs.push(two.sub);
    socket.receive('x');
    expect(two.seen).toEqual(['open:2', 'x']);
  });
});

describe('BotLink sockets', () => {
  it('counts as connected while an action socket is attached, not with an event socket alone', () => {
    const link = new BotLink('10000', asyncScheduler, 0);
    const events = new FakeSocket();
    link.attach(asWs(events), 'Event');
    expect(link.connected).toBe(false);
    const api = new FakeSocket();
    link.attach(asWs(api), 'API');
    expect(link.connected).toBe(true);
    api.close(1000);
    expect(link.connected).toBe(false);
  });

  it('terminates a socket that errors, which then leaves', () => {
    const link = new BotLink('10000', asyncScheduler, 0);
    const socket = new FakeSocket();
    link.attach(asWs(socket), 'Universal');
    socket.emit('error', new Error('ECONNRESET'));
    expect(socket.closedWith).toEqual({ code: 1006, reason: '' });
    expect(link.connected).toBe(false);
  });

  it('closes a replaced socket with its own close code and reason, and leaves the others open', () => {
    const link = new BotLink('10000', asyncScheduler, 0);
    const events = new FakeSocket();
    const first = new FakeSocket();
    link.attach(asWs(events), 'Event');
    link.attach(asWs(first), 'API');
    link.attach(asWs(new FakeSocket()), 'API');
    expect(first.closedWith).toEqual({ code: REPLACED_CLOSE_CODE, reason: 'replaced by a new connection' });
    expect(events.closedWith).toBeUndefined();
  });

  it('pings every interval, and terminates a socket that missed the previous pong', () => {
    vi.useFakeTimers();
    const link = new BotLink('10000', asyncScheduler, 100);
    const socket = new FakeSocket();
    link.attach(asWs(socket), 'Universal');
    vi.advanceTimersByTime(100);
    expect(socket.pings).toBe(1);
    socket.emit('pong');
    vi.advanceTimersByTime(100);
    expect(socket.pings).toBe(2);
    expect(socket.closedWith).toBeUndefined();
    vi.advanceTimersByTime(100);
    expect(socket.closedWith).toEqual({ code: 1006, reason: '' });
    expect(link.connected).toBe(false);
  });

  it('stops pinging a socket once it closed, and never pings with pingInterval 0', () => {
    vi.useFakeTimers();
    const link = new BotLink('10000', asyncScheduler, 100);
    const socket = new FakeSocket();
    link.attach(asWs(socket), 'Universal');
    socket.close(1000);
    vi.advanceTimersByTime(1_000);
    expect(socket.pings).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    const silent = new FakeSocket();
    new BotLink('10001', asyncScheduler, 0).attach(asWs(silent), 'Universal');
    vi.advanceTimersByTime(1_000);
    expect(silent.pings).toBe(0);
  });
});
