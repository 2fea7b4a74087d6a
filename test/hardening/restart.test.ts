import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { concatMap, filter, firstValueFrom, from, retry, tap, throwError } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Client, type ClientOptions, type TransferError, type UploadEvent, createClient, isTransferError } from '../../src/index';
import { type ActionCall, type Simulator, createSimulator } from '../../src/testing/index';
import { all, bytes, failure, sha256, tempDir } from '../stream/helpers';

/**
 * A simulator that restarts on the same port: `restart()` closes the running one (every socket, then the
 * listening port) and starts a fresh one there, which knows nothing of the old one's streams, as a restarted
 * NapCat process does.
 */
class RestartingServer {
  private constructor(
    private sim: Simulator,
    readonly port: number,
  ) {}

  static async start(): Promise<RestartingServer> {
    const sim = await createSimulator({ heartbeatInterval: 0 });
    return new RestartingServer(sim, sim.port);
  }

  get current(): Simulator {
    return this.sim;
  }

  get url(): string {
    return this.sim.url;
  }

  /** Closes the running simulator without starting another (the server vanishes). */
  stop(): Promise<void> {
    return this.sim.close();
  }

  /** Closes the running simulator, then starts a fresh one on the same port. */
  async restart(): Promise<Simulator> {
    await this.sim.close();
    this.sim = await createSimulator({ heartbeatInterval: 0, port: this.port });
    return this.sim;
  }
}

const KIB = 1024;
/** The clients' `idleGrace` (ms). */
const IDLE_GRACE = 50;

const cleanups: Array<() => Promise<void>> = [];
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => {
  unhandled.push(reason);
};

beforeEach(() => {
  unhandled.length = 0;
  process.on('unhandledRejection', onUnhandled);
});

afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
  process.off('unhandledRejection', onUnhandled);
  expect(unhandled).toEqual([]);
});

/** A restartable server and a client held connected to it (`release()` lets go of the hold). */
async function serverAndClient(
  options: Partial<ClientOptions> = {},
): Promise<{ server: RestartingServer; client: Client; release: () => void }> {
  const server = await RestartingServer.start();
  cleanups.push(() => server.current.close());
  const client = createClient({ url: server.url, reconnect: { initialDelay: 10, maxDelay: 50, jitter: 0 }, idleGrace: IDLE_GRACE, ...options });
  cleanups.push(() => client.close());
  const hold = client.connect();
  cleanups.push(() => Promise.resolve(hold.unsubscribe()));
  await server.current.waitForConnection();
  return { server, client, release: () => hold.unsubscribe() };
}

/** Resolves once the client has seen its socket drop. */
const dropSeen = (client: Client): Promise<unknown> => firstValueFrom(client.state$.pipe(filter((s) => s.status === 'reconnecting')));

/** Every call `sim` receives from now on. */
function record(sim: Simulator): ActionCall[] {
  const calls: ActionCall[] = [];
  sim.calls$.subscribe((call) => calls.push(call));
  return calls;
}

const isChunk = (call: ActionCall): boolean => call.params['chunk_index'] !== undefined;
const chunkIndexes = (calls: readonly ActionCall[]): unknown[] => calls.filter(isChunk).map((c) => c.params['chunk_index']);
const indexes = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
const completeOf = (events: readonly UploadEvent[]) => events.at(-1) as Extract<UploadEvent, { kind: 'complete' }>;

/**
 * Fakes the timer globals so that `vi.getTimerCount()` counts what is left. Fake time moves only when the test
 * advances it (see {@link passReconnectDelays}), so no timer fires early or late on a loaded machine.
 */
function countTimers(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  cleanups.unshift(async () => {
    vi.useRealTimers();
  });
}

/**
 * Under {@link countTimers}: each time `client` starts waiting out a reconnect delay (its state turns
 * `reconnecting` right before the backoff timer is armed), moves fake time past `maxDelay`, and no further.
 * Nothing else advances, so a connect attempt in flight is never overtaken by a timeout.
 */
function passReconnectDelays(client: Client, maxDelay: number): void {
  const waits = client.state$
    .pipe(
      filter((s) => s.status === 'reconnecting'),
      concatMap(() => Promise.resolve().then(() => vi.advanceTimersByTimeAsync(maxDelay))),
    )
    .subscribe();
  cleanups.push(async () => waits.unsubscribe());
}

/** Resolves once `sim` receives the chunk `index` of an upload (before it answers). */
const chunkArrives = (sim: Simulator, index: number): Promise<ActionCall> =>
  firstValueFrom(sim.calls$.pipe(filter((c) => c.params['chunk_index'] === index)));

/**
 * A `Blob` of `data` whose slice at byte `at` is withheld, on the first read only, until `release()`: the
 * upload is then between two chunks with nothing in flight. `reached` resolves when the upload asks for it.
 */
function gatedBlob(data: Uint8Array, at: number): { blob: Blob; reached: Promise<void>; release: () => void } {
  let reach = (): void => undefined;
  let release = (): void => undefined;
  const reached = new Promise<void>((resolve) => (reach = resolve));
  const opened = new Promise<void>((resolve) => (release = resolve));
  class GatedBlob extends Blob {
    private held = true;
    override slice(start?: number, end?: number, contentType?: string): Blob {
      const part = super.slice(start, end, contentType);
      if (!this.held || start !== at) return part;
      this.held = false;
      reach();
      return Object.assign(part, { arrayBuffer: () => opened.then(() => Blob.prototype.arrayBuffer.call(part)) });
    }
  }
  return { blob: new GatedBlob([new Uint8Array(data)]), reached, release };
}

describe('the server restarts mid-upload', () => {
  it('resumes on the restarted server with the same stream id, resending every chunk it lacks', async () => {
    const { server, client } = await serverAndClient();
    const data = bytes(40 * KIB);
    const streamId = 'restart-in-flight';
    const old = record(server.current);
    let restarted: Promise<Simulator> | undefined;
    void chunkArrives(server.current, 10).then(() => (restarted = server.restart()));
    const failures: unknown[] = [];

    const events = await all(
      client.uploadFileStream(data, { streamId, chunkSize: KIB, window: 1 }).pipe(
        retry({
          count: 1,
          delay: (error: unknown) => {
            failures.push(error);
            return restarted === undefined ? throwError(() => error) : from(restarted);
          },
        }),
      ),
    );

    expect(failures.map((e) => (e as TransferError).code)).toEqual(['DISCONNECTED']);
    expect(chunkIndexes(old)).toEqual(indexes(11));
    const fresh = record(server.current);
    const done = completeOf(events);
    expect(done).toMatchObject({ kind: 'complete', streamId, sha256: sha256(data), totalBytes: data.length });
    expect(sha256(readFileSync(done.filePath))).toBe(sha256(data));
    expect(fresh[0]?.params).toEqual({ stream_id: streamId, verify_only: true });
    expect(chunkIndexes(fresh)).toEqual(indexes(40));
    expect(fresh.every((c) => c.params['stream_id'] === streamId)).toBe(true);
    expect(fresh.at(-1)?.params).toEqual({ stream_id: streamId, is_complete: true });
  });

  it('starts again at chunk 0, once, when the restart fell between two chunks and the new server forgot the stream', async () => {
    const { server, client } = await serverAndClient();
    const data = bytes(40 * KIB);
    const streamId = 'restart-between-chunks';
    const { blob, reached, release } = gatedBlob(data, 10 * KIB);
    const upload = all(client.uploadFileStream(blob, { streamId, chunkSize: KIB, window: 1 }));

    await reached;
    const fresh = await server.restart();
    const calls = record(fresh);
    await fresh.waitForConnection();
    release();
    const events = await upload;

    const done = completeOf(events);
    expect(done).toMatchObject({ kind: 'complete', streamId, sha256: sha256(data), totalBytes: data.length });
    expect(sha256(readFileSync(done.filePath))).toBe(sha256(data));
    expect(calls.every((c) => c.params['stream_id'] === streamId)).toBe(true);
    expect(chunkIndexes(calls)).toEqual([10, ...indexes(40)]);
    expect(calls.findIndex((c) => c.params['reset'] === true)).toBe(1);
    expect(calls.at(-1)?.params).toEqual({ stream_id: streamId, is_complete: true });
  });

  it('starts again at chunk 0 after a reset when the resumed server holds fewer chunks than it acknowledged', async () => {
    const { server, client } = await serverAndClient();
    const data = bytes(20 * KIB);
    const streamId = 'restart-partial';
    const options = { streamId, chunkSize: KIB, window: 1 };
    server.current.dropAfterUploadChunks(8);
    expect(((await failure(client.uploadFileStream(data, options))) as TransferError).code).toBe('DISCONNECTED');
    const fresh = await server.restart();
    const calls = record(fresh);
    void fresh
      .expectAction('upload_file_stream', { stream_id: streamId, verify_only: true })
      .respond({ type: 'stream', stream_id: streamId, status: 'file_created', received_chunks: 2, total_chunks: 20 });

    const done = completeOf(await all(client.uploadFileStream(data, options)));

    expect(sha256(readFileSync(done.filePath))).toBe(sha256(data));
    expect(calls.slice(0, 2).map((c) => c.params)).toEqual([
      { stream_id: streamId, verify_only: true },
      { stream_id: streamId, reset: true },
    ]);
    expect(chunkIndexes(calls)).toEqual(indexes(20));
  });

  it('fails SERVER once the server has lost the stream again after the restart from chunk 0', async () => {
    const { server, client } = await serverAndClient();
    const streamId = 'lost-twice';
    const calls = record(server.current);
    for (let i = 0; i < 2; i++) {
      void server.current
        .expectAction('upload_file_stream', { stream_id: streamId, is_complete: true })
        .fail({ retcode: 1200, message: 'total_chunks required for new stream' });
    }
    const error = (await failure(client.uploadFileStream(bytes(4 * KIB), { streamId, chunkSize: KIB }))) as TransferError;
    expect(isTransferError(error)).toBe(true);
    expect([error.code, error.streamId]).toEqual(['SERVER', streamId]);
    expect(error.message).toContain('the server lost the stream');
    expect(chunkIndexes(calls)).toEqual([...indexes(4), ...indexes(4)]);
    expect(calls.filter((c) => c.params['reset'] === true)).toHaveLength(1);
  });

  it('fails SERVER without a restart when the lost upload came from a Readable, which cannot be read twice', async () => {
    const { server, client } = await serverAndClient();
    const streamId = 'lost-readable';
    const data = bytes(4 * KIB);
    const calls = record(server.current);
    void server.current
      .expectAction('upload_file_stream', { stream_id: streamId, is_complete: true })
      .fail({ retcode: 1200, message: 'Missing chunk 0' });
    const error = (await failure(
      client.uploadFileStream(Readable.from([data]), { streamId, chunkSize: KIB, size: data.length }),
    )) as TransferError;
    expect([error.code, error.streamId]).toEqual(['SERVER', streamId]);
    expect(error.message).toContain('cannot be read again');
    expect(chunkIndexes(calls)).toEqual(indexes(4));
    const again = completeOf(await all(client.uploadFileStream(Readable.from([data]), { streamId, chunkSize: KIB, size: data.length })));
    expect(sha256(readFileSync(again.filePath))).toBe(sha256(data));
  });

  it('fails DISCONNECTED at once when the server vanishes with a chunk in flight, leaving no timer after close()', async () => {
    countTimers();
    const { server, client, release } = await serverAndClient();
    const stopped = chunkArrives(server.current, 3).then(() => server.stop());
    const error = (await failure(client.uploadFileStream(bytes(20 * KIB), { streamId: 'gone', chunkSize: KIB, window: 1 }))) as TransferError;
    expect(isTransferError(error)).toBe(true);
    expect([error.code, error.streamId]).toEqual(['DISCONNECTED', 'gone']);
    await stopped;
    release();
    await client.close();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('fails DISCONNECTED when the server vanishes between chunks and the client gives up reconnecting', async () => {
    countTimers();
    const { server, client } = await serverAndClient({ reconnect: { initialDelay: 10, maxDelay: 20, jitter: 0, maxAttempts: 3 } });
    passReconnectDelays(client, 20);
    const { blob, reached, release } = gatedBlob(bytes(20 * KIB), 5 * KIB);
    const upload = failure(client.uploadFileStream(blob, { streamId: 'gone-between', chunkSize: KIB, window: 1 }));
    await reached;
    const dropped = dropSeen(client);
    await server.stop();
    await dropped;
    release();
    const error = (await upload) as TransferError;
    expect(isTransferError(error)).toBe(true);
    expect([error.code, error.streamId]).toEqual(['DISCONNECTED', 'gone-between']);
    expect(error.cause).toMatchObject({ name: 'DisconnectedError', attempts: 3 });
    await client.close();
    await vi.advanceTimersByTimeAsync(IDLE_GRACE);
    expect(vi.getTimerCount()).toBe(0);
  });

  /**
   * `share()` resets on complete / error by default: the subscribers leaving right after `close()` would then
   * count as "refcount zero" and arm the `idleGrace` timer after the client ended.
   */
  it('leaves no timer once close() resolves while a connect() hold is still active', async () => {
    countTimers();
    const { client } = await serverAndClient();
    await client.close();
    expect(vi.getTimerCount()).toBe(0);
  });
});

/** A file on the simulator's side (its host is this machine). */
function serverFile(size: number): { path: string; data: Buffer } {
  const data = bytes(size);
  const path = join(tempDir(), 'served.bin');
  writeFileSync(path, data);
  return { path, data };
}

/** The server sends `chunks` download chunks, then its process dies: the socket breaks, no upgrade is accepted. */
function crashAfterChunks(sim: Simulator, chunks: number): void {
  sim.rejectConnections(503);
  sim.dropAfterChunks(chunks);
}

describe('the server restarts mid-download', () => {
  it('fails downloadFileStream with DISCONNECTED, and the same download succeeds on the restarted server', async () => {
    const { server, client } = await serverAndClient();
    const { path, data } = serverFile(20 * 64 * KIB);
    crashAfterChunks(server.current, 3);
    const received: number[] = [];
    const error = (await failure(client.downloadFileStream(path).pipe(tap((c) => received.push(c.index))))) as TransferError;
    expect(isTransferError(error)).toBe(true);
    expect([error.code, error.fileId]).toEqual(['DISCONNECTED', path]);
    expect(received).toEqual([0, 1, 2]);

    await server.restart();
    const chunks = await all(client.downloadFileStream(path));
    expect(sha256(Buffer.concat(chunks.map((c) => c.data)))).toBe(sha256(data));
  });

  it.each([
    ['into a directory', (dir: string) => ({ dir })],
    ['to an exact path', (dir: string) => ({ path: join(dir, 'exact.bin') })],
  ])('leaves no partial or temporary file when writing %s, and writes it whole after the restart', async (_label, target) => {
    const { server, client } = await serverAndClient();
    const { path, data } = serverFile(20 * 64 * KIB);
    const dir = tempDir();
    crashAfterChunks(server.current, 5);
    const error = (await failure(client.downloadFileStreamToFile(path, target(dir)))) as TransferError;
    expect(isTransferError(error)).toBe(true);
    expect(error.code).toBe('DISCONNECTED');
    expect(readdirSync(dir)).toEqual([]);

    await server.restart();
    const written = await all(client.downloadFileStreamToFile(path, target(dir)));
    const done = written.at(-1) as { kind: string; path: string; totalBytes: number };
    expect(done).toMatchObject({ kind: 'complete', totalBytes: data.length });
    expect(readdirSync(dir)).toEqual([done.path.slice(dir.length + 1)]);
    expect(sha256(readFileSync(done.path))).toBe(sha256(data));
  });
});

describe('restarting the server on the same port', () => {
  it('binds the same port after each close, and the client reconnects to every new server', async () => {
    const { server, client } = await serverAndClient();
    const connections: number[] = [];
    for (let round = 0; round < 5; round++) {
      const sim = round === 0 ? server.current : await server.restart();
      const calls = record(sim);
      await sim.waitForConnection();
      const login = await firstValueFrom(client.getLoginInfo());
      expect(login.user_id).toBe(sim.selfId);
      expect(calls.map((c) => c.action)).toEqual(['get_login_info']);
      expect(sim.port).toBe(server.port);
      connections.push(sim.connections);
    }
    expect(connections).toEqual([1, 1, 1, 1, 1]);
  });

  it('closes every socket of the old server before the new one binds, so the client holds one connection', async () => {
    const { server } = await serverAndClient();
    const first = server.current;
    expect(first.connections).toBe(1);
    const second = await server.restart();
    expect(first.connections).toBe(0);
    await second.waitForConnection();
    expect(second.connections).toBe(1);
  });
});
