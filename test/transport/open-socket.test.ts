import type { Socket } from 'node:net';
import { inspect } from 'node:util';
import { firstValueFrom, filter, Subject, type Subscription, take, tap, toArray } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { AuthError, DisconnectedError, ProtocolError } from '../../src/errors';
import { openSocket } from '../../src/transport/open-socket';
import type { Logger } from '../../src/logger';
import type { SocketOpen, TransportSignal } from '../../src/transport/types';
import { ManualClock } from '../helpers/manual-clock';
import { closedPortUrl, errorOf, framesOf, startLoopback, startRawServer, type Loopback } from './loopback';

const TOKEN = 'top secret/+&=token';

const isOpen = (s: TransportSignal): s is SocketOpen => typeof s !== 'string';

let servers: { close(): Promise<void> }[] = [];
let subscriptions: Subscription[] = [];
afterEach(async () => {
  for (const s of subscriptions) s.unsubscribe();
  subscriptions = [];
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function loopback(options?: Parameters<typeof startLoopback>[0]): Promise<Loopback> {
  const server = await startLoopback(options);
  servers.push(server);
  return server;
}

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const write = (...args: unknown[]) => void lines.push(args.map(String).join(' '));
  return { lines, debug: write, info: write, warn: write, error: write };
}

/** Everything about an error that could leak the token: message, stack, cause chain, fields. */
const everythingAbout = (error: unknown): string => inspect(error, { depth: 6, showHidden: true });

describe('openSocket over ws', () => {
  it('sends the token as an Authorization Bearer header and emits SocketOpen with its generation', async () => {
    const server = await loopback();
    const open = await firstValueFrom(
      openSocket({ url: server.url, accessToken: TOKEN, generation: 7 }).pipe(filter(isOpen)),
    );
    const { request } = await server.connection(1);
    expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(request.url).toBe('/');
    expect(open.type).toBe('open');
    expect(open.generation).toBe(7);
  });

  it('puts the token URL-encoded in the query with tokenIn: query, and sends no header', async () => {
    const server = await loopback();
    await firstValueFrom(
      openSocket({ url: `${server.url}onebot?x=1`, accessToken: TOKEN, tokenIn: 'query', generation: 1 }).pipe(
        filter(isOpen),
      ),
    );
    const { request } = await server.connection(1);
    expect(request.headers.authorization).toBeUndefined();
    const query = new URL(request.url ?? '', 'http://host').searchParams;
    expect(query.get('access_token')).toBe(TOKEN);
    expect(query.get('x')).toBe('1');
    expect(request.url).toContain(encodeURIComponent(TOKEN));
  });

  it('delivers text and binary frames as strings, in order, and writes text with send', async () => {
    const server = await loopback();
    server.server.on('connection', (socket) => {
      socket.send('{"a":1}');
      socket.send(Buffer.from('{"b":"é"}'), { binary: true });
      socket.on('message', (data) => socket.send(`echo:${data.toString()}`));
    });
    const signals = await firstValueFrom(
      openSocket({ url: server.url, generation: 1 }).pipe(
        tap((s) => isOpen(s) && s.send('hello')),
        take(4),
        toArray(),
      ),
    );
    expect(signals.slice(1)).toEqual(['{"a":1}', '{"b":"é"}', 'echo:hello']);
    expect(isOpen(signals[0] as TransportSignal)).toBe(true);
  });

  it('fails with AuthError(401) or AuthError(403) when the upgrade is rejected, without the token', async () => {
    for (const status of [401, 403]) {
      const server = await loopback({ verifyClient: (_info, done) => done(false, status) });
      const error = await errorOf(openSocket({ url: server.url, accessToken: TOKEN, generation: 1 }));
      expect(error).toBeInstanceOf(AuthError);
      expect((error as AuthError).status).toBe(status);
      expect(everythingAbout(error)).not.toContain(TOKEN);
    }
  });

  it('fails with DisconnectedError for another HTTP answer to the upgrade', async () => {
    const server = await loopback({ verifyClient: (_info, done) => done(false, 502) });
    const error = await errorOf(openSocket({ url: server.url, generation: 1 }));
    expect(error).toBeInstanceOf(DisconnectedError);
    expect((error as DisconnectedError).message).toContain('502');
  });

  it('fails with DisconnectedError carrying the close code and reason when the server closes', async () => {
    const server = await loopback();
    server.server.on('connection', (socket) => socket.close(4001, 'bye'));
    const error = await errorOf(openSocket({ url: server.url, accessToken: TOKEN, generation: 1 }));
    expect(error).toBeInstanceOf(DisconnectedError);
    expect((error as DisconnectedError).code).toBe(4001);
    expect((error as DisconnectedError).details.reason).toBe('bye');
    expect((error as DisconnectedError).message).toBe(`the connection to ${server.url} closed (4001: bye)`);
  });

  it('fails with DisconnectedError (1006, cause ECONNREFUSED) when nothing listens, without the token', async () => {
    const url = await closedPortUrl();
    for (const tokenIn of ['header', 'query'] as const) {
      const error = await errorOf(openSocket({ url, accessToken: TOKEN, tokenIn, generation: 1 }));
      expect(error).toBeInstanceOf(DisconnectedError);
      expect((error as DisconnectedError).code).toBe(1006);
      expect(((error as DisconnectedError).cause as NodeJS.ErrnoException).code).toBe('ECONNREFUSED');
      expect(everythingAbout(error)).not.toContain(TOKEN);
      expect(everythingAbout(error)).not.toContain(encodeURIComponent(TOKEN));
    }
  });

  it('fails with DisconnectedError, without the token, for a URL ws rejects', async () => {
    for (const url of ['ftp://127.0.0.1:1/', 'not a url']) {
      const error = await errorOf(openSocket({ url, accessToken: TOKEN, tokenIn: 'query', generation: 1 }));
      expect(error).toBeInstanceOf(DisconnectedError);
      expect((error as DisconnectedError).message).toMatch(/failed: /);
      expect(everythingAbout(error)).not.toContain(encodeURIComponent(TOKEN));
    }
  });

  it('closes the socket with 1000 on unsubscribe, then delivers nothing and sends nothing', async () => {
    const server = await loopback();
    const received: TransportSignal[] = [];
    const signals = new Subject<TransportSignal>();
    const subscription = openSocket({ url: server.url, generation: 1 }).subscribe((s) => {
      received.push(s);
      signals.next(s);
    });
    const firstTwo = firstValueFrom(signals.pipe(take(2), toArray()));
    const { socket } = await server.connection(1);
    const serverSaw: string[] = [];
    socket.on('message', (data) => serverSaw.push(data.toString()));
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    socket.send('before');
    const [open] = (await firstTwo) as [SocketOpen, string];

    subscription.unsubscribe();
    socket.send('after');
    open.send('too late');

    // The server's 'close' comes after the closing handshake: every frame either side wrote before it has been read.
    expect(await closed).toBe(1000);
    expect(received.slice(1)).toEqual(['before']);
    expect(serverSaw).toEqual([]);
  });

  it('aborts a socket that is still connecting when unsubscribed', async () => {
    let accepted!: (socket: Socket) => void;
    const connecting = new Promise<Socket>((resolve) => (accepted = resolve));
    const raw = await startRawServer((socket) => accepted(socket));
    servers.push(raw);
    const subscription = openSocket({ url: raw.url, generation: 1 }).subscribe({
      error: (e: unknown) => expect.unreachable(String(e)),
    });
    const socket = await connecting;
    const ended = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    subscription.unsubscribe();
    await ended;
    expect(raw.sockets[0]?.destroyed).toBe(true);
  });

  it('fails with ProtocolError (code 1009) when an inbound frame exceeds maxPayload', async () => {
    const server = await loopback();
    server.server.on('connection', (socket) => {
      socket.send('x'.repeat(100));
      socket.send('y'.repeat(101));
    });
    const signals: TransportSignal[] = [];
    const error = await errorOf(
      openSocket({ url: server.url, maxPayload: 100, generation: 1 }).pipe(tap((s) => signals.push(s))),
    );
    expect(error).toBeInstanceOf(ProtocolError);
    expect((error as ProtocolError).details.code).toBe(1009);
    expect(signals.slice(1)).toEqual(['x'.repeat(100)]);
  });

  it('fails with DisconnectedError ping timeout when the server never answers pings', async () => {
    const server = await loopback({ autoPong: false });
    const clock = new ManualClock();
    const signals = new Subject<TransportSignal>();
    let error: unknown;
    subscriptions.push(
      openSocket({ url: server.url, pingInterval: 40, generation: 1, scheduler: clock }).subscribe({
        next: (s) => signals.next(s),
        error: (e: unknown) => (error = e),
      }),
    );
    await firstValueFrom(signals);
    const { socket } = await server.connection(1);
    const pinged = new Promise((resolve) => socket.once('ping', resolve));
    clock.advance(40); // the first ping goes out
    await pinged;
    clock.advance(39);
    expect(error).toBeUndefined();
    clock.advance(1); // a whole interval without a pong
    expect(error).toBeInstanceOf(DisconnectedError);
    expect((error as DisconnectedError).message).toContain('ping timeout');
    expect((error as DisconnectedError).details.reason).toBe('ping timeout');
  });

  it('keeps a socket whose server answers pings, and pings every pingInterval', async () => {
    const server = await loopback();
    let pings = 0;
    // After each ping the server (which answers it first) writes a frame: its arrival proves the pong came back.
    server.server.on('connection', (socket) => socket.on('ping', () => socket.send(`pong ${(pings += 1)}`)));
    const clock = new ManualClock();
    const frames = new Subject<TransportSignal>();
    let failure: unknown;
    const socket$ = openSocket({ url: server.url, pingInterval: 30, generation: 1, scheduler: clock });
    subscriptions.push(socket$.subscribe({ next: (s) => frames.next(s), error: (e) => (failure = e) }));
    await firstValueFrom(frames);
    for (let n = 1; n <= 4; n++) {
      const answered = firstValueFrom(frames.pipe(filter((s) => s === `pong ${n}`)));
      clock.advance(30);
      await answered;
    }
    clock.advance(29);
    expect(failure).toBeUndefined();
    expect(pings).toBe(4);
  });

  it('logs opens and closes at debug level without the token', async () => {
    const server = await loopback();
    server.server.on('connection', (socket) => socket.close(4000));
    const logger = recordingLogger();
    await errorOf(
      openSocket({
        url: `${server.url}?access_token=${encodeURIComponent(TOKEN)}`,
        accessToken: TOKEN,
        logger,
        generation: 3,
      }),
    );
    expect(logger.lines.some((l) => l.includes('#3') && l.includes('open'))).toBe(true);
    expect(logger.lines.some((l) => l.includes('4000'))).toBe(true);
    expect(logger.lines.join('\n')).not.toContain(encodeURIComponent(TOKEN));
    expect(logger.lines.join('\n')).not.toContain(TOKEN);
  });

  it('opens a new socket for every subscription', async () => {
    const server = await loopback();
    server.server.on('connection', (socket) => socket.send(`n${server.accepted.length}`));
    const socket$ = openSocket({ url: server.url, generation: 1 });
    expect(await framesOf(socket$, 1)).toEqual(['n1']);
    expect(await framesOf(socket$, 1)).toEqual(['n2']);
  });
});

