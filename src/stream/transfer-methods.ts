import { type Observable, type SchedulerLike, catchError, throwError } from 'rxjs';
import type { AudioFormat } from '../action/catalogue/files';
import type { CallAction, CallOptions } from '../action/types';
import type { Logger } from '../logger';
import type { SocketOpen } from '../transport/types';
import { type DownloadAction, checkOptionsOf, chunksOf, downloadFrames } from './download';
import { ResumeRegistry } from './resume';
import { defaultSha256 } from './default-sha256';
import type { Sha256Factory } from './sha256';
import { downloadToFile } from './to-file';
import { asTransferError } from './transfer-error';
import type {
  DownloadChunk,
  DownloadOptions,
  DownloadTarget,
  DownloadToFileOptions,
  FileInput,
  RecordDownloadOptions,
  UploadEvent,
  UploadOptions,
  UploadStreamStatus,
  WriteEvent,
} from './types';
import { type UploadActionMethods, bindUploadActions } from './upload-actions';
import { streamStatus, uploadFileStream } from './upload';

/** NapCat Stream API transfers on the client (API.md "Stream transfers"). */
export interface TransferMethods extends UploadActionMethods {
  /**
   * Uploads a path, bytes, `Blob` or `Readable` in chunks (base64, sha256 while reading, at most `window`
   * chunks in flight). Emits `progress` per acknowledged chunk, then `complete` with the server's
   * `filePath`. The same `streamId` later in this process resumes, sending only unacknowledged chunks.
   *
   * @example
   * client.uploadFileStream('/tmp/video.mp4', { streamId: 'video-1' }).pipe(progressOf()).subscribe(render);
   */
  uploadFileStream(file: FileInput, options?: UploadOptions): Observable<UploadEvent>;
  /** How many chunks of `streamId` the server holds (`TransferError` `NOT_FOUND` when it knows none). */
  getUploadStreamStatus(streamId: string, options?: CallOptions): Observable<UploadStreamStatus>;
  /**
   * Downloads a file (received file id, path or URL on the server) as decoded chunks in order. Each frame is
   * checked: a chunk out of order or not canonical base64 fails with `TransferError` `CORRUPT`, totals that
   * differ from the final frame or `file_size` with `SIZE_MISMATCH`, an announced sha256 with `SHA256_MISMATCH`.
   *
   * @example
   * client.downloadFileStream(fileId).pipe(writeTo('out.bin')).subscribe();
   */
  downloadFileStream(fileId: string, options?: DownloadOptions): Observable<DownloadChunk>;
  /** {@link TransferMethods.downloadFileStream} for an image. */
  downloadFileImageStream(fileId: string, options?: DownloadOptions): Observable<DownloadChunk>;
  /** {@link TransferMethods.downloadFileStream} for a voice message, converted to `outFormat` when given. */
  downloadFileRecordStream(fileId: string, outFormat?: AudioFormat, options?: DownloadOptions): Observable<DownloadChunk>;
  /**
   * Downloads into `target` through a temporary file renamed on success; pauses the socket while the disk
   * lags; a server-chosen name never escapes `dir`. The seed's form takes one options object holding the
   * target too (`{ dir, name?, chunkSize? }` or `{ path }`; the system temp directory when neither).
   *
   * @example
   * client.downloadFileStreamToFile(fileId, { dir: 'downloads' }).pipe(last()).subscribe((c) => console.log(c.path));
   * client.downloadFileStreamToFile(fileId, { path: 'out/a.bin', chunkSize: 1 << 20 });
   */
  downloadFileStreamToFile(fileId: string, target: DownloadTarget, options?: DownloadOptions): Observable<WriteEvent>;
  downloadFileStreamToFile(fileId: string, options?: DownloadToFileOptions): Observable<WriteEvent>;
  /** {@link TransferMethods.downloadFileStreamToFile} for an image. */
  downloadFileImageStreamToFile(fileId: string, target: DownloadTarget, options?: DownloadOptions): Observable<WriteEvent>;
  downloadFileImageStreamToFile(fileId: string, options?: DownloadToFileOptions): Observable<WriteEvent>;
  /**
   * {@link TransferMethods.downloadFileStreamToFile} for a voice message: `outFormat` in the options, or the
   * seed's form `(fileId, outFormat?, options?)` with the target in the options.
   *
   * @example
   * client.downloadFileRecordStreamToFile(fileId, 'mp3', { dir: 'voices' });
   */
  downloadFileRecordStreamToFile(fileId: string, target: DownloadTarget, options?: RecordDownloadOptions): Observable<WriteEvent>;
  downloadFileRecordStreamToFile(fileId: string, outFormat?: AudioFormat, options?: DownloadToFileOptions): Observable<WriteEvent>;
  /** Deletes every file in NapCat's stream temp directory. */
  cleanStreamTempFile(options?: CallOptions): Observable<unknown>;
}

/** What the transfer methods are built from. */
export interface TransferDeps {
  /** The call primitive (validated, correlated, multi-frame aware). */
  readonly call: CallAction;
  /** The open socket, if any (for pausing reads while disk writes lag). */
  readonly socket: () => SocketOpen | undefined;
  readonly scheduler: SchedulerLike;
  readonly logger: Logger;
  readonly defaultTimeout: number;
  /** sha256 implementation (default `node:crypto`; `@noble/hashes` in the browser build). */
  readonly sha256?: Sha256Factory;
}

const newStreamId = (): string => globalThis.crypto.randomUUID();

/**
 * The target and the download options of a `*ToFile` call, from either form: `(target, options?)` or the
 * seed's `(options?)` holding both (no `dir` / `path`: `target` is `undefined`, the temp directory).
 */
function splitTarget(
  first: DownloadTarget | DownloadToFileOptions | undefined,
  second: RecordDownloadOptions | undefined,
): { target: DownloadTarget | undefined; options: RecordDownloadOptions | undefined } {
  if (first === undefined) return { target: undefined, options: second };
  const { dir, name, path, ...rest } = first as DownloadToFileOptions;
  const target: DownloadTarget | undefined =
    path !== undefined ? { path } : dir !== undefined ? { dir, ...(name === undefined ? {} : { name }) } : undefined;
  const options = { ...rest, ...second };
  return { target, options: Object.keys(options).length === 0 ? undefined : options };
}

/** Builds the client's Stream API methods. */
export function bindTransferMethods(deps: TransferDeps): TransferMethods {
  const { call, socket } = deps;
  const uploads = { call, registry: new ResumeRegistry(deps.scheduler), sha256: deps.sha256 ?? defaultSha256, newStreamId };
  const upload = (file: FileInput, options: UploadOptions = {}): Observable<UploadEvent> => uploadFileStream(uploads, file, options);
  const download = (action: DownloadAction) => (fileId: string, options?: RecordDownloadOptions) => {
    const request = { action, fileId, ...(options === undefined ? {} : { options }) };
    return downloadFrames(call, request).pipe(chunksOf(checkOptionsOf(request, deps.sha256)));
  };
  const toFile =
    (action: DownloadAction) =>
    (fileId: string, first?: DownloadTarget | DownloadToFileOptions, second?: RecordDownloadOptions): Observable<WriteEvent> => {
      const { target, options } = splitTarget(first, second);
      return downloadToFile(call, { action, fileId, ...(options === undefined ? {} : { options }) }, target, socket, deps.sha256);
    };
  return {
    uploadFileStream: upload,
    getUploadStreamStatus: (streamId, options) =>
      streamStatus(call, streamId, options).pipe(catchError((error: unknown) => throwError(() => asTransferError(error, { streamId })))),
    downloadFileStream: download('download_file_stream'),
    downloadFileImageStream: download('download_file_image_stream'),
    downloadFileRecordStream: (fileId, outFormat, options) =>
      download('download_file_record_stream')(fileId, { ...options, ...(outFormat === undefined ? {} : { outFormat }) }),
    downloadFileStreamToFile: toFile('download_file_stream'),
    downloadFileImageStreamToFile: toFile('download_file_image_stream'),
    downloadFileRecordStreamToFile: (
      fileId: string,
      first?: DownloadTarget | AudioFormat,
      options?: RecordDownloadOptions | DownloadToFileOptions,
    ) =>
      typeof first === 'object'
        ? toFile('download_file_record_stream')(fileId, first, options)
        : toFile('download_file_record_stream')(fileId, { ...options, ...(first === undefined ? {} : { outFormat: first }) }),
    cleanStreamTempFile: (options) => call('clean_stream_temp_file', {}, options),
    ...bindUploadActions(call, upload),
  };
}
