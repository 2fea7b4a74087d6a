import {
  EMPTY,
  Observable,
  type Subscription,
  catchError,
  concat,
  defer,
  from,
  map,
  mergeMap,
  of,
  range,
  throwError,
} from 'rxjs';
import type { UploadFileComplete, UploadFrame, UploadStreamStatus as StatusFrame } from '../action/catalogue/media/streams';
import type { CallAction, CallOptions } from '../action/types';
import { TransferError, isActionFailedError } from '../errors';
import { toBase64 } from '../codec/base64';
import { type ChunkSource, openInput } from './input';
import type { ResumeRegistry, UploadShape } from './resume';
import type { Sha256Factory } from './sha256';
import { StreamLost, canReread, countsLostChunks, forgotOnCompletion, isStreamLost, isStreamNotFound } from './stream-lost';
import { asTransferError } from './transfer-error';
import { checkUploadOptions } from './upload-options';
import type { FileInput, UploadEvent, UploadOptions, UploadProgress, UploadStreamStatus } from './types';

/** Default bytes per chunk. */
export const DEFAULT_UPLOAD_CHUNK = 256 * 1024;
/** Default chunks in flight. */
export const DEFAULT_UPLOAD_WINDOW = 4;
/** NapCat's default `file_retention` (ms), sent explicitly. */
export const DEFAULT_FILE_RETENTION = 300_000;
/** How many times one upload starts again from chunk 0 after the server lost its stream. */
export const LOST_STREAM_RESTARTS = 1;

/** What an upload is built from. */
export interface UploadDeps {
  readonly call: CallAction;
  readonly registry: ResumeRegistry;
  readonly sha256: Sha256Factory;
  /** A fresh stream id. */
  readonly newStreamId: () => string;
}

const ACTION = 'upload_file_stream';

/** The last segment of a path, `/` or `\\` separated (no `node:path`, so the browser build shares it). */
const baseName = (path: string): string => path.split(/[\\/]/).pop() ?? path;

/** Opens `file` for the lifetime of the subscription to `body(source)`; closes it however that ends. */
function withInput<T>(file: FileInput, size: number | undefined, body: (source: ChunkSource) => Observable<T>): Observable<T> {
  return new Observable<T>((subscriber) => {
    let inner: Subscription | undefined;
    let opened: ChunkSource | undefined;
    let done = false;
    openInput(file, size).then(
      (source) => {
        opened = source;
        if (done) void source.close();
        else inner = body(source).subscribe(subscriber);
      },
      (error: unknown) => subscriber.error(error),
    );
    return () => {
      done = true;
      inner?.unsubscribe();
      void opened?.close();
    };
  });
}

const isResetDone = (error: unknown): boolean => isActionFailedError(error) && /stream reset completed/i.test(error.message);

/** The server's status of `streamId` (`verify_only`). */
export function streamStatus(call: CallAction, streamId: string, options?: CallOptions): Observable<UploadStreamStatus> {
  return call(ACTION, { stream_id: streamId, verify_only: true }, options).pipe(
    map((data) => {
      const frame = data as StatusFrame;
      return { streamId, receivedChunks: frame.received_chunks, totalChunks: frame.total_chunks };
    }),
  );
}

/** Drops `streamId` on the server; NapCat answers with its "Stream reset completed" error frame. */
function resetStream(call: CallAction, streamId: string, options?: CallOptions): Observable<never> {
  return call(ACTION, { stream_id: streamId, reset: true }, options).pipe(
    mergeMap(() => EMPTY),
    catchError((error: unknown) => (isResetDone(error) ? EMPTY : throwError(() => error))),
  );
}

/** One upload: its fixed request fields and bookkeeping. */
class UploadRun {
  private readonly hash;
  private bytesSent = 0;
  /** The highest count of held chunks the server has reported for this stream. */
  private serverHeld = 0;
  readonly shape: UploadShape;
  private readonly fields: Record<string, unknown>;
  private readonly callOptions: CallOptions | undefined;

  constructor(
    private readonly deps: UploadDeps,
    private readonly source: ChunkSource,
    readonly streamId: string,
    private readonly options: UploadOptions,
  ) {
    const chunkSize = options.chunkSize ?? DEFAULT_UPLOAD_CHUNK;
    this.shape = { chunkSize, size: source.size, totalChunks: Math.ceil(source.size / chunkSize) };
    this.hash = deps.sha256();
    this.callOptions = options.timeout === undefined ? undefined : { timeout: options.timeout };
    this.fields = {
      stream_id: streamId,
      total_chunks: this.shape.totalChunks,
      file_size: source.size,
      filename: baseName(options.filename ?? (source.name === undefined ? streamId : `${streamId}-${source.name}`)),
      file_retention: options.fileRetention ?? DEFAULT_FILE_RETENTION,
      ...(options.expectedSha256 === undefined ? {} : { expected_sha256: options.expectedSha256 }),
    };
  }

  /** The whole upload: prepare (reset / resume), chunks within the window, then the completing request. */
  run(): Observable<UploadEvent> {
    if (this.shape.size === 0) {
      return throwError(() => new TransferError('EMPTY', `upload ${this.streamId}: a 0-byte file cannot be uploaded through the Stream API`, { streamId: this.streamId }));
    }
    return this.prepare().pipe(
      mergeMap((skip) => {
        this.bytesSent = [...skip].reduce((sum, index) => sum + this.lengthOf(index), 0);
        return concat(this.chunks(skip), defer(() => this.complete()));
      }),
    );
  }

  private lengthOf(index: number): number {
    return Math.min(this.shape.chunkSize, this.shape.size - index * this.shape.chunkSize);
  }

  /**
   * The chunk indexes the server already holds, after a reset or a resume check. A server that lost the
   * stream, changed its shape, or holds fewer chunks than it acknowledged gets it again from chunk 0.
   */
  private prepare(): Observable<ReadonlySet<number>> {
    const { registry, call } = this.deps;
    const id = this.streamId;
    const fresh = (): Observable<ReadonlySet<number>> =>
      defer(() => {
        registry.begin(id, this.shape);
        return of(new Set<number>());
      });
    const known = registry.acknowledged(id, this.shape);
    if (this.options.reset === true || (known === undefined && registry.has(id))) {
      return concat(resetStream(call, id, this.callOptions), fresh());
    }
    if (known === undefined) return fresh();
    return streamStatus(call, id, this.callOptions).pipe(
      mergeMap((status) => {
        const intact = status.totalChunks === this.shape.totalChunks && status.receivedChunks >= known.size;
        if (!intact) return concat(resetStream(call, id, this.callOptions), fresh());
        this.serverHeld = status.receivedChunks;
        return of(known);
      }),
      catchError((error: unknown) => (isStreamNotFound(error) ? fresh() : throwError(() => error))),
    );
  }

  /** Reads every chunk in order (hashing it) and sends those not in `skip`, at most `window` at once. */
  private chunks(skip: ReadonlySet<number>): Observable<UploadProgress> {
    const window = Math.max(1, this.options.window ?? DEFAULT_UPLOAD_WINDOW);
    return range(0, this.shape.totalChunks).pipe(
      mergeMap(
        (index) =>
          from(this.read(index)).pipe(mergeMap((bytes) => (skip.has(index) ? EMPTY : this.send(index, bytes)))),
        window,
      ),
    );
  }

  private read(index: number): Promise<Uint8Array> {
    return this.source.read(this.lengthOf(index)).then((bytes) => {
      this.hash.update(bytes);
      return bytes;
    });
  }

  /** Sends chunk `index`; an acknowledgement counting fewer held chunks than the server reported before is a lost stream. */
  private send(index: number, bytes: Uint8Array): Observable<UploadProgress> {
    const chunk = toBase64(bytes);
    const floor = this.serverHeld;
    return this.deps.call(ACTION, { ...this.fields, chunk_data: chunk, chunk_index: index }, this.callOptions).pipe(
      map((data) => {
        const received = (data as UploadFrame | null)?.received_chunks;
        if (countsLostChunks(received, floor)) {
          throw new StreamLost(this.streamId, `chunk ${index} acknowledged with ${String(received)} chunks held, after ${floor}`);
        }
        if (typeof received === 'number') this.serverHeld = Math.max(this.serverHeld, received);
        this.deps.registry.ack(this.streamId, index);
        this.bytesSent += bytes.byteLength;
        return {
          kind: 'progress',
          streamId: this.streamId,
          chunkIndex: index,
          totalChunks: this.shape.totalChunks,
          bytesSent: this.bytesSent,
          totalBytes: this.shape.size,
        } as const;
      }),
    );
  }

  /** Asks the server to merge the file; checks its sha256 (when it reports one) against ours. */
  private complete(): Observable<UploadEvent> {
    const sha256 = this.hash.hex();
    return this.deps.call(ACTION, { stream_id: this.streamId, is_complete: true }, this.callOptions).pipe(
      map((data) => {
        const frame = data as UploadFrame;
        this.deps.registry.drop(this.streamId);
        if (frame.status !== 'file_complete') {
          throw new TransferError('SERVER', `upload ${this.streamId}: the server did not merge the file (${frame.status})`, { streamId: this.streamId });
        }
        return this.completed(frame, sha256);
      }),
      catchError((error: unknown) =>
        throwError(() => (forgotOnCompletion(error) ? new StreamLost(this.streamId, (error as Error).message, { cause: error }) : error)),
      ),
    );
  }

  private completed(frame: UploadFileComplete, sha256: string): UploadEvent {
    if (frame.sha256 !== undefined && frame.sha256.toLowerCase() !== sha256) {
      throw new TransferError('SHA256_MISMATCH', `upload ${this.streamId}: the server stored sha256 ${frame.sha256}, the input has ${sha256}`, { streamId: this.streamId });
    }
    return { kind: 'complete', streamId: this.streamId, filePath: frame.file_path, sha256, totalBytes: this.shape.size };
  }
}

/**
 * Runs the upload on a fresh read of `file`; when the server loses the stream mid-way (a restart, its idle
 * timeout), starts again from chunk 0 with the same stream id (after a reset) up to `restarts` times, then
 * fails with `TransferError` `SERVER`. A `Readable` cannot be read twice, so it fails at once instead.
 */
function attempt(deps: UploadDeps, file: FileInput, streamId: string, options: UploadOptions, restarts: number): Observable<UploadEvent> {
  return withInput(file, options.size, (source) => new UploadRun(deps, source, streamId, options).run()).pipe(
    catchError((error: unknown) => {
      if (!isStreamLost(error)) return throwError(() => error);
      deps.registry.drop(streamId);
      if (restarts > 0 && canReread(file)) return attempt(deps, file, streamId, { ...options, reset: true }, restarts - 1);
      const why = restarts > 0 ? 'a Readable cannot be read again; upload it anew' : 'it was already restarted from chunk 0';
      return throwError(() => new TransferError('SERVER', `${error.message}; ${why}`, { streamId, cause: error }));
    }),
  );
}

/**
 * Uploads `file` through NapCat's Stream API: chunks of `chunkSize` as base64, at most `window` in flight, a
 * sha256 computed while reading, then the completing request. Emits `progress` per acknowledged chunk and
 * `complete` last; options are checked first (`InvalidParamsError` naming the wrong one, nothing sent); every
 * other failure is a `TransferError`. Reusing a `streamId` in this process resumes: only
 * chunks the server has not acknowledged are sent (another process has no record, so it sends every chunk
 * again and NapCat ignores the ones it already holds). A server that lost the stream mid-upload (restarted
 * between two chunks) gets it again from chunk 0, once: progress then starts again from 0.
 *
 * @example
 * uploadFileStream(deps, '/tmp/big.iso', { streamId: 'iso-1' }).pipe(last()).subscribe((c) => console.log(c.filePath));
 */
export function uploadFileStream(deps: UploadDeps, file: FileInput, options: UploadOptions = {}): Observable<UploadEvent> {
  return defer(() => {
    const invalid = checkUploadOptions(options);
    if (invalid !== undefined) return throwError(() => invalid);
    const streamId = options.streamId ?? deps.newStreamId();
    const callOptions = options.timeout === undefined ? undefined : { timeout: options.timeout };
    const upload: Observable<UploadEvent> =
      options.verifyOnly === true
        ? streamStatus(deps.call, streamId, callOptions).pipe(map((status) => ({ kind: 'status', ...status }) as const))
        : attempt(deps, file, streamId, options, LOST_STREAM_RESTARTS);
    return upload.pipe(
      catchError((error: unknown) => {
        const mapped = asTransferError(error, { streamId });
        if ((mapped as TransferError).code === 'SHA256_MISMATCH') deps.registry.drop(streamId);
        return throwError(() => mapped);
      }),
    );
  });
}
