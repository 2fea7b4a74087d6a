/**
 * The bench's load server, run as its own process: a `ws` server on 127.0.0.1 (a free port) that prints
 * `{"port":N}` once listening. The connection URL picks the load:
 * - `?mode=events&count=N` blasts N group-message events as fast as the socket takes them;
 * - `?mode=actions` answers every action request at once with NapCat's `send_group_msg` reply.
 */
import type { IncomingMessage } from 'node:http';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import { eventFrames, sendReply } from './frames';

/** Distinct pre-serialised events, reused round-robin. */
const DISTINCT_FRAMES = 512;

/** Frames sent per batch before checking the socket's buffer. */
const BATCH = 256;

/** Above this many buffered bytes the sender yields until the socket drains. */
const HIGH_WATER = 4 * 1024 * 1024;

const FRAMES = eventFrames(DISTINCT_FRAMES);

/** Sends `count` events, in batches, yielding with `setImmediate` while the socket's buffer is full. */
function blastEvents(ws: WebSocket, count: number): void {
  let sent = 0;
  const pump = (): void => {
    if (ws.readyState !== ws.OPEN) return;
    while (sent < count && ws.bufferedAmount < HIGH_WATER) {
      const end = Math.min(count, sent + BATCH);
      for (; sent < end; sent++) ws.send(FRAMES[sent % DISTINCT_FRAMES] as Buffer, { binary: false });
    }
    if (sent < count) setImmediate(pump);
  };
  pump();
}

/** The `echo` of a request frame, or `undefined` when the frame is not a JSON object. */
function echoOf(data: RawData): unknown {
  try {
    const request: unknown = JSON.parse(data.toString());
    return typeof request === 'object' && request !== null ? (request as { echo?: unknown }).echo : undefined;
  } catch {
    return undefined;
  }
}

/** Answers each request with a `send_group_msg` reply carrying a fresh message id and the request's echo. */
function answerActions(ws: WebSocket): void {
  let nextMessageId = 1;
  ws.on('message', (data) => {
    ws.send(sendReply(echoOf(data), nextMessageId++));
  });
}

/**
 * A query parameter up to any stray `?`: some SDKs append `?access_token=` to a URL that already has a
 * query (`/?mode=actions?access_token=`).
 */
function param(query: URLSearchParams, name: string): string | undefined {
  return query.get(name)?.split('?')[0];
}

/** Routes a new connection to the load its URL asks for. */
function serve(ws: WebSocket, request: IncomingMessage): void {
  const query = new URL(request.url ?? '/', 'ws://127.0.0.1').searchParams;
  const mode = param(query, 'mode');
  if (mode === 'events') blastEvents(ws, Number(param(query, 'count') ?? 0));
  else if (mode === 'actions') answerActions(ws);
  else ws.close(1008, `unknown mode ${String(mode)}`);
}

const server = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
server.on('connection', serve);
server.on('listening', () => {
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  process.stdout.write(`${JSON.stringify({ port })}\n`);
});

const stop = (): void => {
  for (const client of server.clients) client.terminate();
  server.close(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
