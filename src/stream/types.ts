import type { AudioFormat } from '../action/catalogue/files';
import type { CallOptions } from '../action/types';

/**
 * What can be uploaded: a path on this machine, bytes (`Uint8Array` / `Buffer`), a `Blob`, or a Node
 * `Readable` (give `size` in the options, or it is spooled to a temporary file first).
 */
export type FileInput = string | Uint8Array | Blob | ReadableInput;

/**
 * A Node `Readable` as uploads read it, described structurally so that the typings need no `@types/node`:
 * any `stream.Readable` (an `fs.ReadStream`, a `Readable.from(...)`) is one.
 */
export interface ReadableInput extends AsyncIterable<Uint8Array | string> {
  pipe(destination: never, options?: { end?: boolean }): unknown;
  destroy(error?: Error): unknown;
}

/** Options of `uploadFileStream`. */
export interface UploadOptions {
  /** The stream's id on the server; reuse it to resume (default: a random UUID). */
  streamId?: string;
  /** Bytes per chunk (default 256 KiB). */
  chunkSize?: number;
  /** Chunks in flight at once, which bounds the memory used (default 4). */
  window?: number;
  /** Hex sha256 the server checks the merged file against. */
  expectedSha256?: string;
  /** How long NapCat keeps the merged file, in ms (default 300 000; 0 keeps it). */
  fileRetention?: number;
  /** Name of the file on the server, basename only (default `<streamId>-<basename of the input>`). */
  filename?: string;
  /** Drop whatever the server holds for `streamId` first, then upload from chunk 0. */
  reset?: boolean;
  /** Only ask the server how far the stream got: emits one `status` and sends no data. */
  verifyOnly?: boolean;
  /** Byte length of a `Readable` input (without it the stream is spooled to a temporary file). */
  size?: number;
  /** Idle timeout of each request in ms (default: the client's `actionTimeout`). */
  timeout?: number;
}

/** One chunk the server acknowledged. */
export interface UploadProgress {
  readonly kind: 'progress';
  readonly streamId: string;
  readonly chunkIndex: number;
  readonly totalChunks: number;
  /** Bytes the server has acknowledged so far (chunks acknowledged before a resume included). */
  readonly bytesSent: number;
  readonly totalBytes: number;
}

/** The upload is merged on the server: `filePath` is usable as `file` in other actions. */
export interface UploadComplete {
  readonly kind: 'complete';
  readonly streamId: string;
  /** Path of the merged file on the NapCat host. */
  readonly filePath: string;
  /** Hex sha256 of the bytes read, computed while reading. */
  readonly sha256: string;
  readonly totalBytes: number;
}

/** How far an upload stream got on the server (a count: NapCat does not list the chunks). */
export interface UploadStreamStatus {
  readonly streamId: string;
  readonly receivedChunks: number;
  readonly totalChunks: number;
}

/** The answer to `verifyOnly`. */
export interface UploadStatusEvent extends UploadStreamStatus {
  readonly kind: 'status';
}

/** What `uploadFileStream` emits. */
export type UploadEvent = UploadProgress | UploadComplete | UploadStatusEvent;

/** Options of the download methods. */
export interface DownloadOptions {
  /** Bytes per chunk asked of the server (omitted on the wire unless given; NapCat uses 64 KiB). */
  chunkSize?: number;
  /** Idle timeout in ms, restarted by every frame (default: the client's `actionTimeout`). */
  timeout?: number;
}

/** Options of the voice download methods: `outFormat` converts the audio first. */
export interface RecordDownloadOptions extends DownloadOptions {
  outFormat?: AudioFormat;
}

/** One chunk of a download, in order. */
export interface DownloadChunk {
  readonly index: number;
  readonly data: Uint8Array;
  /** Bytes received so far, this chunk included. */
  readonly receivedBytes: number;
  /** The size the server announced first (advisory: the true count ends the download). */
  readonly totalBytes: number;
}

/**
 * Where a download goes: a file name chosen by the server inside `dir` (or `name` when given, also kept
 * inside `dir`), or an exact `path`.
 */
export type DownloadTarget = { readonly dir: string; readonly name?: string } | { readonly path: string };

/**
 * The seed's single options argument of the `*ToFile` downloads: the target (`dir` + optional `name`, or
 * `path`; the system temp directory when neither is given) and the download options together.
 */
export interface DownloadToFileOptions extends RecordDownloadOptions {
  readonly dir?: string;
  readonly name?: string;
  readonly path?: string;
}

/** Bytes written to disk so far. */
export interface WriteProgress {
  readonly kind: 'progress';
  readonly receivedBytes: number;
  readonly totalBytes: number;
}

/** The file is complete at `path` (renamed from its temporary name). */
export interface WriteComplete {
  readonly kind: 'complete';
  readonly path: string;
  readonly totalBytes: number;
}

/** What the `*ToFile` methods and `writeTo` emit. */
export type WriteEvent = WriteProgress | WriteComplete;

/** Options of the upload-then-act methods (`uploadGroupFile`, …) for non-path inputs. */
export interface UploadActionOptions extends CallOptions {
  /** How a non-path input is uploaded through the Stream API first. */
  upload?: Omit<UploadOptions, 'verifyOnly' | 'filename'>;
}
