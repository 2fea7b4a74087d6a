import { WebSocket } from 'ws';

/** A JSON frame as the tests read it (loosely typed on purpose). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frames are read by shape in assertions
export type Frame = Record<string, any>;

/** A plain `ws` client that records every frame and lets a test wait for the next one matching a predicate. */
export interface TestClient {
  readonly socket: WebSocket;
  readonly frames: Frame[];
  /**
   * Resolves with the first recorded frame (from `from` on) matching `predicate`; rejects (listing the frames
   * got) once the socket has closed without one. No clock: the test's own timeout is the only deadline.
   * `_unused` is kept for callers that still pass the old 2000 ms deadline.
   */
  next(predicate: (f: Frame) => boolean, _unused?: number, from?: number): Promise<Frame>;
  /** Sends a request and resolves with the reply carrying its echo. */
  call(action: string, params?: unknown, echo?: unknown): Promise<Frame>;
  /** Sends raw text. */
  sendText(text: string): void;
  /** Resolves with the close code once the socket closed. */
  closed: Promise<number>;
  close(): Promise<void>;
}

let echoCounter = 0;

/** Connects to `url`; rejects with the HTTP status when the upgrade is refused. */
export function connect(url: string, headers: Record<string, string> = {}): Promise<TestClient> {
  const socket = new WebSocket(url, { headers });
  const frames: Frame[] = [];
  const waiters = new Set<() => void>();
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  socket.on('message', (data) => {
    frames.push(JSON.parse(data.toString()) as Frame);
    for (const wake of waiters) wake();
  });
  const next: TestClient['next'] = (predicate, _unused, from = 0) =>
    new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = frames.slice(from).find(predicate);
        if (found === undefined) return false;
        waiters.delete(wake);
        resolve(found);
        return true;
      };
      const wake = (): void => void check();
      waiters.add(wake);
      if (check()) return;
      void closed.then((code) => {
        if (!waiters.delete(wake)) return;
        reject(new Error(`the socket closed (${code}) without a matching frame; got ${JSON.stringify(frames)}`));
      });
    });
  const client: TestClient = {
    socket,
    frames,
    next,
    call: (action, params = {}, echo = `e${++echoCounter}`) => {
      const from = frames.length;
      socket.send(JSON.stringify({ action, params, echo }));
      return next((f) => 'retcode' in f && JSON.stringify(f['echo']) === JSON.stringify(echo), 2000, from);
    },
    sendText: (text) => socket.send(text),
    closed,
    close: async () => {
      if (socket.readyState === WebSocket.CLOSED) return;
      socket.close();
      await closed;
    },
  };
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(client));
    socket.once('unexpected-response', (_req, res) => {
      reject(Object.assign(new Error(`upgrade refused: ${res.statusCode}`), { status: res.statusCode }));
      socket.terminate();
    });
    socket.once('error', reject);
  });
}
