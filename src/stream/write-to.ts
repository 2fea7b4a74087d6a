import { dirname, resolve } from 'node:path';
import { Observable, type OperatorFunction } from 'rxjs';
import { TempFile } from './temp-file';
import { fileSystemError } from './transfer-error';
import type { WriteComplete, WriteEvent } from './types';

const ignore = (): void => {};

/** Chunks waiting for the disk above which the source is asked to pause. */
export const WRITE_HIGH_WATER = 8;

/** Anything with bytes to write; `totalBytes` (advisory) feeds the progress events. */
export interface WritableChunk {
  readonly data: Uint8Array;
  readonly totalBytes?: number;
}

/** Flow control of `writeTo`: called when more than `highWater` chunks await the disk, and once they drain. */
export interface WriteOptions {
  /** Chunks waiting for the disk before `pause` is called (default 8). */
  readonly highWater?: number;
  readonly pause?: () => void;
  readonly resume?: () => void;
}

/** Where the bytes go: a temporary file in `dir`, renamed to `finalPath()` once the source completes. */
export interface WriteTarget {
  readonly dir: string;
  readonly finalPath: () => string;
  /** The download being written, named in its errors. */
  readonly fileId?: string;
}

/**
 * Writes each chunk as it arrives into a temporary file in `target.dir`, in order, emitting `progress` per
 * chunk written and `complete` once renamed to `target.finalPath()`. On error or unsubscribe the temporary
 * file is removed (before the error is delivered), so no partial file is left. A failure of the file system
 * (creating, writing or renaming the file) is a `TransferError` `FILE_SYSTEM`; source errors pass unchanged.
 */
export function writeChunksTo<T extends WritableChunk>(target: WriteTarget, options: WriteOptions = {}): OperatorFunction<T, WriteEvent> {
  const highWater = options.highWater ?? WRITE_HIGH_WATER;
  return (source) =>
    new Observable<WriteEvent>((subscriber) => {
      const file = TempFile.create(target.dir);
      void file.catch(ignore);
      let chain: Promise<unknown> = file;
      let waiting = 0;
      let paused = false;
      let written = 0;
      let announced = 0;
      let settled = false;

      const release = (): void => {
        if (!paused) return;
        paused = false;
        options.resume?.();
      };
      const discard = (): Promise<void> => file.then((f) => f.discard(), () => undefined);
      const ids = target.fileId === undefined ? {} : { fileId: target.fileId };
      const fail = (error: unknown): void => {
        if (settled) return;
        settled = true;
        upstream.unsubscribe();
        release();
        void discard()
          .catch(ignore)
          .then(() => subscriber.error(error));
      };
      const write = async (chunk: T): Promise<void> => {
        await (await file).append(chunk.data);
        written += chunk.data.byteLength;
        waiting -= 1;
        if (waiting <= highWater) release();
        if (!settled) subscriber.next({ kind: 'progress', receivedBytes: written, totalBytes: Math.max(announced, written) });
      };
      const commit = async (): Promise<WriteComplete> => {
        const path = target.finalPath();
        await (await file).commit(path);
        return { kind: 'complete', path, totalBytes: written };
      };

      const upstream = source.subscribe({
        next: (chunk) => {
          waiting += 1;
          announced = chunk.totalBytes ?? announced;
          if (waiting > highWater && !paused) {
            paused = true;
            options.pause?.();
          }
          chain = chain.then(() => write(chunk));
          chain.catch((error: unknown) => fail(fileSystemError(error, ids)));
        },
        error: fail,
        complete: () => {
          chain.then(commit).then(
            (done) => {
              if (settled) return;
              settled = true;
              subscriber.next(done);
              subscriber.complete();
            },
            (error: unknown) => fail(fileSystemError(error, ids)),
          );
        },
      });
      return () => {
        upstream.unsubscribe();
        release();
        if (settled) return;
        settled = true;
        void chain.then(discard, discard).catch(ignore);
      };
    });
}

/**
 * Writes a stream of chunks (a download's, or any `{ data }`) to `path` through a temporary file renamed on
 * completion; emits `{ kind: 'progress', receivedBytes, totalBytes }` per chunk written, then
 * `{ kind: 'complete', path, totalBytes }`. Nothing is left at `path` or beside it on failure.
 *
 * @example
 * client.downloadFileStream(fileId).pipe(writeTo('/tmp/photo.jpg'), progressOf()).subscribe(render);
 */
export function writeTo<T extends WritableChunk>(path: string, options?: WriteOptions): OperatorFunction<T, WriteEvent> {
  return writeChunksTo<T>({ dir: dirname(resolve(path)), finalPath: () => path }, options);
}
