import { type Subscription } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { DisconnectedError, ProtocolError } from '../../src/errors';
import { openSocket } from '../../src/transport/open-socket';
import type { SocketOpen, TransportSignal, WebSocketLike } from '../../src/transport/types';

/** A tiny stand-in for a browser WebSocket: the test drives its events by hand. */
class FakeSocket implements WebSocketLike {
  static made: FakeSocket[] = [];
  readyState = 0;
  binaryType = 'blob';
  sent: string[] = [];
  closedWith: number | undefined;
  onopen: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onclose: ((ev: { code: number; reason: string }) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;

  constructor(readonly url: string) {
    FakeSocket.made.push(this);
  }
  send(data: string): void {
    this.sent.push(data);
  }
  close(code?: number): void {
    this.closedWith = code;
    this.readyState = 2;
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.({});
  }
  receive(data: unknown): void {
    this.onmessage?.({ data });
  }
  drop(code: number, reason = '', error?: unknown): void {
    this.readyState = 3;
    if (error !== undefined) this.onerror?.(error);
    this.onclose?.({ code, reason });
  }
}

const TOKEN = 's3cret/+';
let subscriptions: Subscription[] = [];
afterEach(() => {
  for (const s of subscriptions) s.unsubscribe();
  subscriptions = [];
  FakeSocket.made = [];
});

function open(options: { accessToken?: string; maxPayload?: number } = {}) {
  const signals: TransportSignal[] = [];
  const outcome: { error?: unknown } = {};
  subscriptions.push(
    openSocket({ url: 'ws://bot.example/onebot', WebSocket: FakeSocket, generation: 2, ...options }).subscribe({
      next: (s) => signals.push(s),
      error: (e: unknown) => (outcome.error = e),
    }),
  );
  const socket = FakeSocket.made.at(-1);
  if (!socket) throw new Error('no socket was made');
  return { signals, outcome, socket };
}

describe('openSocket with an injected WHATWG WebSocket', () => {
  it('puts the token in the query and asks for ArrayBuffer binary frames', () => {
    const { socket } = open({ accessToken: TOKEN });
    expect(new URL(socket.url).searchParams.get('access_token')).toBe(TOKEN);
    expect(socket.binaryType).toBe('arraybuffer');
  });

  it('emits SocketOpen, then text and UTF-8 decoded binary frames, and sends through the socket', () => {
    const { socket, signals } = open();
    socket.open();
    socket.receive('{"a":1}');
    socket.receive(new TextEncoder().encode('{"b":"é"}').buffer);
    socket.receive(new TextEncoder().encode('{"c":2}'));
    const [first, ...frames] = signals;
    expect(first).toMatchObject({ type: 'open', generation: 2 });
    expect(frames).toEqual(['{"a":1}', '{"b":"é"}', '{"c":2}']);
    (first as SocketOpen).send('hi');
    expect(socket.sent).toEqual(['hi']);
  });

  it('fails with DisconnectedError carrying the close code, reason and the error event', () => {
    const { socket, outcome } = open({ accessToken: TOKEN });
    socket.open();
    const event = { type: 'error' };
    socket.drop(1006, 'gone', event);
    const error = outcome.error as DisconnectedError;
    expect(error).toBeInstanceOf(DisconnectedError);
    expect(error.code).toBe(1006);
    expect(error.details.reason).toBe('gone');
    expect(error.cause).toBe(event);
    expect(error.message).toBe('the connection to ws://bot.example/onebot closed (1006: gone)');
  });

  it('fails with ProtocolError 1009 for a frame over maxPayload', () => {
    const { socket, outcome, signals } = open({ maxPayload: 4 });
    socket.open();
    socket.receive('1234');
    socket.receive('12345');
    expect(signals.slice(1)).toEqual(['1234']);
    expect(outcome.error).toBeInstanceOf(ProtocolError);
    expect((outcome.error as ProtocolError).details.code).toBe(1009);
    expect(socket.closedWith).toBe(1000);
  });

  it('closes with 1000 on unsubscribe, detaches its handlers and makes send a no-op', () => {
    const { socket, signals } = open();
    socket.open();
    subscriptions[0]?.unsubscribe();
    expect(socket.closedWith).toBe(1000);
    expect([socket.onopen, socket.onmessage, socket.onclose, socket.onerror]).toEqual([null, null, null, null]);
    (signals[0] as SocketOpen).send('late');
    expect(socket.sent).toEqual([]);
  });

  it('closes a socket that is still connecting on unsubscribe', () => {
    const { socket } = open();
    subscriptions[0]?.unsubscribe();
    expect(socket.closedWith).toBe(1000);
  });

  it('fails with DisconnectedError when the constructor throws, without the token', () => {
    class Throwing extends FakeSocket {
      constructor(url: string) {
        super(url);
        throw new SyntaxError(`bad url ${url}`);
      }
    }
    let error: unknown;
    openSocket({ url: 'ws://h/', accessToken: TOKEN, WebSocket: Throwing, generation: 1 }).subscribe({
      error: (e: unknown) => (error = e),
    });
    expect(error).toBeInstanceOf(DisconnectedError);
    expect(String((error as Error).message)).not.toContain(encodeURIComponent(TOKEN));
    expect(String(((error as Error).cause as Error).message)).not.toContain(encodeURIComponent(TOKEN));
    expect((error as Error).message).toContain('***');
  });
});
