/**
 * The reverse WebSocket server: OneBot implementations connect to us, one client per self_id.
 */
import { createServer as createHttpServer, type IncomingMessage, STATUS_CODES } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { type Observable, ReplaySubject, asyncScheduler } from 'rxjs';
import { WebSocketServer } from 'ws';
import { type Client, createClient } from '../client/client';
import { CLIENT_DEFAULTS, type ClientOptions } from '../client/options';
import type { ReconnectPolicy } from '../transport/types';
import { BotLink } from './bot-link';
import { checkHandshake, selfIdKey } from './handshake';
import type { BackendName } from '../action/define';

/** Options of {@link createServer}: where to listen, the token, and the options of every bot's client. */
export interface ServerOptions
  extends Omit<ClientOptions, 'url' | 'transport' | 'tokenIn' | 'WebSocket' | 'webhook' | 'reconnect'> {
  /** TCP port (0: one the OS picks; read it from `server.port` once `server.ready` resolves). */
  port: number;
  /** Interface to listen on (default `127.0.0.1`). */
  host?: string;
  /** Path the bots connect to (default `/`); other paths get 404. */
  path?: string;
  /**
   * How a bot's client waits for the bot to come back after it leaves (default: at once, forever). The
   * client never dials: the wait ends as soon as the bot connects again.
   */
  reconnect?: ReconnectPolicy | false;
}

/** A running reverse WebSocket server. */
export interface OneBotServer {
  /** Every bot that has connected, first those already known, then each new one as it connects. */
  readonly bots$: Observable<Client>;
  /** Resolves once the server listens; rejects when it cannot. */
  readonly ready: Promise<void>;
  /** The port listened on (0 until `ready` resolves). */
  readonly port: number;
  /** The client of `selfId`, created now if needed (usable before the bot connects; actions wait for it). */
  bot(selfId: number | string | bigint): Client;
  /** Closes every bot's connections and client and the listening socket; completes `bots$`. */
  close(): Promise<void>;
}

/** Waits for a returning bot at once, with no cap on attempts. */
const WAIT_FOR_BOT: ReconnectPolicy = { initialDelay: 0, maxDelay: 0, jitter: 0 };

function refuse(socket: Duplex, status: number): void {
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * Starts a reverse WebSocket server for OneBot 11 implementations (NapCat's "WebSocket client" network).
 *
 * Each connection names its bot in `X-Self-ID` and its role in `X-Client-Role` (`Universal`, or an `API` +
 * `Event` pair); the token is accepted as `Authorization: Bearer <t>`, `Token <t>` or `?access_token=`
 * (401 missing, 403 wrong). Every self_id gets one {@link Client} whose transport is fed by that bot's
 * sockets; a new connection for the same self_id and role replaces the old one. Subscribing to a bot's
 * client never opens or closes a socket: its `state$` is `connecting` until the bot connects and
 * `reconnecting` after it leaves, and its actions wait for the bot within their timeout.
 *
 * @example
 * const server = createServer({ port: 8080, path: '/onebot', accessToken });
 * server.bots$.pipe(mergeMap((bot) => bot.groupMessages$.pipe(map((m) => [bot, m] as const)))).subscribe(...);
 * await server.bot(10001).sendPrivateMessage(42, 'hi');
 */
export function createServer(options: ServerOptions): OneBotServer {
  const { port: wantedPort, host = '127.0.0.1', path = '/', accessToken, ...clientOptions } = options;
  const scheduler = options.scheduler ?? asyncScheduler;
  const pingInterval = options.pingInterval ?? CLIENT_DEFAULTS.pingInterval;
  const links = new Map<string, { link: BotLink; client: Client }>();
  const bots = new ReplaySubject<Client>();
  const announced = new Set<string>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayload ?? CLIENT_DEFAULTS.maxPayload });
  const http = createHttpServer((_req, res) => res.writeHead(426, { Connection: 'close' }).end());
  let port = 0;
  let closed: Promise<void> | undefined;

  const entry = (key: string, backend?: BackendName): { link: BotLink; client: Client } => {
    let found = links.get(key);
    if (found === undefined) {
      const link = new BotLink(key, scheduler, pingInterval);
      const client = createClient({
        ...(backend === undefined ? {} : { backend }),
        ...clientOptions,
        url: `ws://${host}:${port}${path}`,
        reconnect: options.reconnect ?? WAIT_FOR_BOT,
        transport: link.open,
      });
      found = { link, client };
      links.set(key, found);
    }
    return found;
  };

  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const handshake = closed === undefined ? checkHandshake(req, path, accessToken) : 503;
    if (typeof handshake === 'number') {
      refuse(socket, handshake);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const { link, client } = entry(handshake.selfId, handshake.backend);
      link.attach(ws, handshake.role);
      if (!announced.has(handshake.selfId) && link.connected) {
        announced.add(handshake.selfId);
        bots.next(client);
      }
    });
  });

  const ready = new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(wantedPort, host, () => {
      http.off('error', reject);
      port = (http.address() as AddressInfo).port;
      resolve();
    });
  });
  void ready.catch((error: unknown) => bots.error(error));

  const close = (): Promise<void> => {
    closed ??= (async () => {
      for (const { link } of links.values()) link.closeAll(1001, 'server closing');
      await Promise.all([...links.values()].map(({ client }) => client.close()));
      bots.complete();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    })();
    return closed;
  };

  return {
    bots$: bots.asObservable(),
    ready,
    get port() {
      return port;
    },
    bot: (selfId) => {
      const key = selfIdKey(selfId);
      if (key === undefined) throw new TypeError(`not a self_id: ${String(selfId)}`);
      return entry(key).client;
    },
    close,
  };
}
