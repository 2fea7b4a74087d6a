import { once } from 'node:events';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What became of one request the server held. */
export type HeldOutcome = 'aborted' | 'answered';

/** One request the silent server received and is holding. */
export interface HeldRequest {
  readonly url: string;
  readonly body: string;
  /** Resolves when the request ends: the client aborted it, or the test answered it. */
  readonly outcome: Promise<HeldOutcome>;
  /** Answers the request with this JSON body (200). */
  answer(json: string): void;
}

/** A loopback HTTP server that answers nothing until told to; each request is handed to the test. */
export interface SilentHttp {
  readonly url: string;
  /** Resolves with the n-th (1-based) request once its body has arrived. */
  request(n: number): Promise<HeldRequest>;
  close(): Promise<void>;
}

function hold(req: IncomingMessage, res: ServerResponse, body: string): HeldRequest {
  const outcome = once(res, 'close').then((): HeldOutcome => (res.writableEnded ? 'answered' : 'aborted'));
  return {
    url: req.url ?? '',
    body,
    outcome,
    answer: (json) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(json),
  };
}

/** Starts a {@link SilentHttp} on 127.0.0.1 with a random port. */
export async function startSilentHttp(): Promise<SilentHttp> {
  const received: HeldRequest[] = [];
  const waiters = new Map<number, (held: HeldRequest) => void>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push(hold(req, res, Buffer.concat(chunks).toString()));
      waiters.get(received.length)?.(received[received.length - 1] as HeldRequest);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    request: (n) => {
      const held = received[n - 1];
      return held !== undefined ? Promise.resolve(held) : new Promise((resolve) => waiters.set(n, resolve));
    },
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
