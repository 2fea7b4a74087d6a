import { once } from 'node:events';
import type { IncomingMessage } from 'node:http';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { firstValueFrom, type Observable, filter, take, toArray } from 'rxjs';
import { WebSocket, WebSocketServer, type ServerOptions } from 'ws';

/** One connection as the test server saw it. */
export interface Accepted {
  readonly socket: WebSocket;
  readonly request: IncomingMessage;
}

/** A `ws` server on 127.0.0.1 with a random port, recording every accepted connection. */
export interface Loopback {
  readonly url: string;
  readonly server: WebSocketServer;
  readonly accepted: Accepted[];
  /** Resolves with the n-th (1-based) accepted connection. */
  connection(n: number): Promise<Accepted>;
  close(): Promise<void>;
}

/** Starts a WebSocket server on loopback; `verifyClient` etc. pass through. */
export async function startLoopback(options: ServerOptions = {}): Promise<Loopback> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, ...options });
  await once(server, 'listening');
  const accepted: Accepted[] = [];
  const waiting = new Map<number, (a: Accepted) => void>();
  server.on('connection', (socket, request) => {
    accepted.push({ socket, request });
    waiting.get(accepted.length)?.(accepted[accepted.length - 1] as Accepted);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/`,
    server,
    accepted,
    connection: (n) =>
      accepted[n - 1]
        ? Promise.resolve(accepted[n - 1] as Accepted)
        : new Promise((resolve) => waiting.set(n, resolve)),
    close: async () => {
      for (const { socket } of accepted) socket.terminate();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A plain TCP server, for sockets that never answer the upgrade. */
export interface RawServer {
  readonly url: string;
  readonly server: Server;
  readonly sockets: Socket[];
  close(): Promise<void>;
}

/** Starts a {@link RawServer} on 127.0.0.1; inbound bytes are read and dropped unless `onSocket` does more. */
export async function startRawServer(onSocket: (socket: Socket) => void): Promise<RawServer> {
  const sockets: Socket[] = [];
  const server = createServer((socket) => {
    sockets.push(socket);
    socket.resume();
    onSocket(socket);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/`,
    server,
    sockets,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port on 127.0.0.1 that nothing listens on. */
export async function closedPortUrl(): Promise<string> {
  const raw = await startRawServer(() => {});
  await raw.close();
  return raw.url;
}

/** The error `source$` ends with (fails the test if it emits a completion instead). */
export function errorOf(source$: Observable<unknown>): Promise<unknown> {
  return new Promise((resolve, reject) => {
    source$.subscribe({ error: resolve, complete: () => reject(new Error('completed instead of erroring')) });
  });
}

/** The first `n` string frames of `source$`. */
export function framesOf(source$: Observable<unknown>, n: number): Promise<unknown[]> {
  return firstValueFrom(
    source$.pipe(
      filter((v) => typeof v === 'string'),
      take(n),
      toArray(),
    ),
  );
}

