import { WebSocket } from 'ws';

/** How the simulator connects out to a reverse WebSocket server (the SDK's `createServer`). */
export interface ReverseOptions {
  /** `ws://host:port/path` of the server. */
  url: string;
  /** `Universal` (default: one socket) or `API+Event` (two sockets, as the spec allows). */
  roles?: 'Universal' | 'API+Event';
  /** The token, sent as `Authorization: Bearer <t>` (or `Token <t>` / `?access_token=` with `tokenIn`). */
  accessToken?: string;
  /** Where the token goes (default `bearer`). */
  tokenIn?: 'bearer' | 'token' | 'query';
  /** The `X-Self-ID` header (default: the simulator's `selfId`). */
  selfId?: number | string;
}

/** The sockets of one reverse connection. */
export interface ReverseConnection {
  /** Closes the connection's sockets (a close frame, or a destroy with `abrupt`). */
  close(options?: { abrupt?: boolean }): Promise<void>;
}

/** A connection refused by the server: `status` is the HTTP status of the refused upgrade. */
export class ReverseRefusedError extends Error {
  override readonly name = 'ReverseRefusedError';
  constructor(readonly status: number) {
    super(`the reverse WebSocket server refused the connection (HTTP ${status})`);
  }
}

/** Dials one socket; `adopt` runs synchronously on open, before any frame of the server can be missed. */
function dial(options: ReverseOptions, role: string, selfId: number | string, adopt: (socket: WebSocket) => void): Promise<WebSocket> {
  const { accessToken, tokenIn = 'bearer' } = options;
  const headers: Record<string, string> = { 'X-Self-ID': String(selfId), 'X-Client-Role': role, 'User-Agent': 'OneBot/11' };
  let url = options.url;
  if (accessToken !== undefined && tokenIn === 'query') {
    const parsed = new URL(url);
    parsed.searchParams.set('access_token', accessToken);
    url = parsed.toString();
  } else if (accessToken !== undefined) headers.Authorization = `${tokenIn === 'token' ? 'Token' : 'Bearer'} ${accessToken}`;
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers, perMessageDeflate: false });
    ws.once('open', () => {
      adopt(ws);
      resolve(ws);
    });
    ws.once('unexpected-response', (_req, res) => {
      reject(new ReverseRefusedError(res.statusCode ?? 0));
      ws.terminate();
    });
    ws.once('error', (error) => reject(error));
  });
}

/**
 * Connects out as NapCat's "WebSocket client" network: one `Universal` socket or an `API` + `Event` pair,
 * each handed to `adopt` (which serves it like an accepted client) once open. Rejects with
 * {@link ReverseRefusedError} when the server refuses the upgrade.
 */
export async function connectReverse(
  options: ReverseOptions,
  selfId: number,
  adopt: (socket: WebSocket, events: boolean) => void,
): Promise<ReverseConnection> {
  const id = options.selfId ?? selfId;
  const roles: Array<[string, boolean]> = options.roles === 'API+Event' ? [['API', false], ['Event', true]] : [['Universal', true]];
  const sockets: WebSocket[] = [];
  for (const [role, events] of roles) {
    sockets.push(await dial(options, role, id, (socket) => adopt(socket, events)));
  }
  return {
    close: async ({ abrupt = false } = {}) => {
      await Promise.all(
        sockets.map(
          (socket) =>
            new Promise<void>((resolve) => {
              if (socket.readyState === WebSocket.CLOSED) {
                resolve();
                return;
              }
              socket.once('close', () => resolve());
              if (abrupt) socket.terminate();
              else socket.close(1000);
            }),
        ),
      );
    },
  };
}
