import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { authorize } from './auth';

/** One connected client; `events` is false for NapCat's API-only `/api` path. */
export interface SimClient {
  readonly socket: WebSocket;
  readonly events: boolean;
}

/** What the server tells the simulator. */
export interface ServerHooks {
  onConnect(client: SimClient): void;
  onMessage(client: SimClient, text: string): void;
  onClose(client: SimClient): void;
  /** Plain HTTP requests (the file route); answers 426 when it returns false. */
  onHttp(req: IncomingMessage, res: ServerResponse): boolean;
}

/** Listening options of {@link SimServer}. */
export interface ServerOptions {
  host: string;
  port: number;
  path: string;
  accessToken: string | undefined;
}

const MAX_PAYLOAD = 50 * 1024 * 1024;

/** Writes a text frame; resolves once the socket has taken it, rejects when it is not open. */
export function sendText(socket: WebSocket, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.readyState !== WebSocket.OPEN) {
      reject(new Error('the client socket is not open'));
      return;
    }
    socket.send(text, (error) => (error ? reject(error) : resolve()));
  });
}

function refuse(socket: Duplex, status: number): void {
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

const isApiPath = (pathname: string): boolean => /\/api\/?$/.test(pathname);

function pathAccepted(pathname: string, base: string): boolean {
  return base === '' || pathname === base || pathname.startsWith(`${base}/`);
}

/** The HTTP + WebSocket server of the simulator: auth on the upgrade, client bookkeeping, nothing else. */
export class SimServer {
  readonly clients = new Set<SimClient>();
  private rejectStatus: number | undefined;
  private hooks: ServerHooks | undefined;

  private constructor(
    private readonly http: Server,
    private readonly wss: WebSocketServer,
    readonly port: number,
  ) {}

  /** Starts listening; resolves once the port is bound. */
  static async listen(options: ServerOptions, hooks: ServerHooks): Promise<SimServer> {
    const http = createServer((req, res) => {
      if (!hooks.onHttp(req, res)) res.writeHead(426, { Connection: 'close' }).end();
    });
    const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_PAYLOAD });
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(options.port, options.host, () => {
        http.off('error', reject);
        resolve();
      });
    });
    const server = new SimServer(http, wss, (http.address() as AddressInfo).port);
    server.hooks = hooks;
    const base = options.path.replace(/\/+$/, '');
    http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      socket.on('error', () => socket.destroy());
      const pathname = new URL(req.url ?? '/', 'http://sim.invalid').pathname;
      const status = server.rejectStatus ?? (pathAccepted(pathname, base) ? authorize(req, options.accessToken) : 404);
      if (status !== 200) {
        refuse(socket, status);
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => server.adopt(ws, !isApiPath(pathname), hooks));
    });
    return server;
  }

  /** Refuses further upgrades with `status`; `undefined` accepts them again. */
  reject(status: number | undefined): void {
    this.rejectStatus = status;
  }

  /** Closes every client and the listening socket. */
  async close(): Promise<void> {
    for (const client of this.clients) client.socket.terminate();
    this.clients.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  /** Serves a socket the simulator opened itself (a reverse WebSocket connection) like an accepted one. */
  adoptOutbound(socket: WebSocket, events: boolean): void {
    if (this.hooks !== undefined) this.adopt(socket, events, this.hooks);
  }

  private adopt(socket: WebSocket, events: boolean, hooks: ServerHooks): void {
    const client: SimClient = { socket, events };
    this.clients.add(client);
    socket.on('error', () => socket.terminate());
    socket.on('message', (data) => hooks.onMessage(client, data.toString()));
    socket.once('close', () => {
      this.clients.delete(client);
      hooks.onClose(client);
    });
    hooks.onConnect(client);
  }
}
