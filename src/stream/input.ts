import { createWriteStream } from 'node:fs';
import { type FileHandle, mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { InvalidParamsError, TransferError } from '../errors';
import type { FileInput, ReadableInput } from './types';

/**
 * An upload's bytes, read once, front to back: `read(n)` resolves the next `n` bytes (fewer only at the
 * end). Calls are queued, so concurrent callers get consecutive slices in call order.
 */
export interface ChunkSource {
  readonly size: number;
  /** The input's own file name, when it has one (a path, a `File`, an `fs.ReadStream`). */
  readonly name: string | undefined;
  read(length: number): Promise<Uint8Array>;
  /** Releases the file handle or temporary file; safe to call twice. */
  close(): Promise<void>;
}

type Reader = (length: number) => Promise<Uint8Array>;

/** Serialises `reader` so that overlapping calls read consecutive slices in call order. */
function queued(reader: Reader): Reader {
  let tail: Promise<unknown> = Promise.resolve();
  return (length) => {
    const next = tail.then(() => reader(length));
    tail = next.catch(() => undefined);
    return next;
  };
}

function source(size: number, name: string | undefined, reader: Reader, release: () => Promise<void>): ChunkSource {
  let closing: Promise<void> | undefined;
  return { size, name, read: queued(reader), close: () => (closing ??= release()) };
}

function bytesSource(bytes: Uint8Array): ChunkSource {
  let offset = 0;
  return source(bytes.length, undefined, (length) => {
    const slice = bytes.subarray(offset, offset + length);
    offset += slice.length;
    return Promise.resolve(slice);
  }, () => Promise.resolve());
}

function blobSource(blob: Blob): ChunkSource {
  let offset = 0;
  const name = typeof (blob as { name?: unknown }).name === 'string' ? (blob as File).name : undefined;
  return source(blob.size, name, async (length) => {
    const slice = new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer());
    offset += slice.length;
    return slice;
  }, () => Promise.resolve());
}

async function pathSource(path: string, cleanup?: () => Promise<void>): Promise<ChunkSource> {
  let handle: FileHandle;
  let size: number;
  try {
    handle = await open(path, 'r');
    size = (await handle.stat()).size;
  } catch (error) {
    await cleanup?.();
    throw error;
  }
  let position = 0;
  return source(size, cleanup ? undefined : basename(path), async (length) => {
    const buffer = Buffer.allocUnsafe(Math.min(length, size - position));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
    position += bytesRead;
    return bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead);
  }, async () => {
    await handle.close().catch(() => undefined);
    await cleanup?.();
  });
}

/** The file name behind an `fs.ReadStream`, if the stream is one. */
function streamName(stream: ReadableInput): string | undefined {
  const path: unknown = (stream as ReadableInput & { path?: unknown }).path;
  return typeof path === 'string' ? basename(path) : undefined;
}

/** A `Readable` of a declared `size`, re-cut into exact slices; fails when it ends short or runs long. */
function readableSource(stream: ReadableInput, size: number): ChunkSource {
  const iterator = stream[Symbol.asyncIterator]() as AsyncIterator<Uint8Array | string>;
  let pending: Uint8Array[] = [];
  let held = 0;
  let delivered = 0;
  const take = async (length: number): Promise<Uint8Array> => {
    const want = Math.min(length, size - delivered);
    while (held < want) {
      const next = await iterator.next();
      if (next.done === true) {
        throw new TransferError('SIZE_MISMATCH', `the Readable ended after ${delivered + held} of its declared ${size} bytes`);
      }
      const piece = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
      pending.push(piece);
      held += piece.length;
    }
    const joined = pending.length === 1 ? pending[0]! : Buffer.concat(pending);
    const slice = joined.subarray(0, want);
    pending = joined.length > want ? [joined.subarray(want)] : [];
    held -= want;
    delivered += want;
    if (delivered === size) await expectEnd();
    return slice;
  };
  /** After the declared size: the stream must end here (empty pieces aside). */
  const expectEnd = async (): Promise<void> => {
    let extra = held;
    while (extra === 0) {
      const next = await iterator.next();
      if (next.done === true) return;
      extra = next.value.length;
    }
    throw new TransferError('SIZE_MISMATCH', `the Readable holds more than its declared size of ${size} bytes`);
  };
  return source(size, streamName(stream), take, async () => {
    await iterator.return?.();
    stream.destroy();
  });
}

/** Copies a `Readable` of unknown length to a temporary file, so memory stays flat and the size is known. */
async function spooled(stream: ReadableInput): Promise<ChunkSource> {
  const dir = await mkdtemp(join(tmpdir(), 'onebot-rx-spool-'));
  const path = join(dir, 'upload');
  const cleanup = (): Promise<void> => rm(dir, { recursive: true, force: true });
  try {
    await pipeline(stream as Readable, createWriteStream(path));
  } catch (error) {
    await cleanup();
    throw error;
  }
  const opened = await pathSource(path, cleanup);
  return { ...opened, name: streamName(stream) };
}

/** Every `Readable` an upload has started reading: a second read would see nothing (or the rest). */
const opened = new WeakSet<object>();

/** Whether `input` is a Node `Readable` (duck-typed, so any copy of `node:stream` counts). */
export function isReadable(input: unknown): input is ReadableInput {
  return (
    typeof input === 'object' &&
    input !== null &&
    typeof (input as ReadableInput).pipe === 'function' &&
    typeof (input as ReadableInput)[Symbol.asyncIterator] === 'function'
  );
}

/**
 * Opens an upload's input for reading once: a path (its size from `stat`), bytes, a `Blob`, or a
 * `Readable` (`size` given, or spooled to a temporary file). A `Readable` already read (here or elsewhere)
 * fails with `TransferError` `CONSUMED`.
 *
 * @example
 * const src = await openInput('/tmp/a.bin'); const first = await src.read(262144); await src.close();
 */
export async function openInput(input: FileInput, size?: number): Promise<ChunkSource> {
  if (typeof input === 'string') return pathSource(input);
  if (input instanceof Uint8Array) return bytesSource(input);
  if (typeof Blob !== 'undefined' && input instanceof Blob) return blobSource(input);
  if (isReadable(input)) {
    if (opened.has(input) || (input as { destroyed?: unknown }).destroyed === true || (input as { readableEnded?: unknown }).readableEnded === true) {
      throw new TransferError('CONSUMED', 'this Readable was already read: a stream cannot be read twice (upload a path, bytes or a Blob to retry)');
    }
    opened.add(input);
    return size === undefined ? spooled(input) : readableSource(input, size);
  }
  throw new InvalidParamsError('upload_file_stream', input, 'expected a path, Uint8Array, Blob or Readable');
}
