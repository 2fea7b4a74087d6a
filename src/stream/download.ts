import { Observable, type OperatorFunction, catchError, throwError } from 'rxjs';
import type { DownloadFrame } from '../action/catalogue/media/streams';
import type { CallAction } from '../action/types';
import { DownloadCheck, type DownloadCheckOptions } from './download-check';
import type { Sha256Factory } from './sha256';
import { asTransferError } from './transfer-error';
import type { DownloadChunk, DownloadOptions, RecordDownloadOptions } from './types';

/** The three download actions of NapCat's Stream API. */
export type DownloadAction = 'download_file_stream' | 'download_file_image_stream' | 'download_file_record_stream';

/** The request of one download: the action and its params (`chunk_size` only when given). */
export interface DownloadRequest {
  readonly action: DownloadAction;
  readonly fileId: string;
  readonly options?: RecordDownloadOptions;
}

/** The params sent for `request`. */
export function downloadParams({ fileId, options = {} }: DownloadRequest): Record<string, unknown> {
  return {
    file: fileId,
    ...(options.chunkSize === undefined ? {} : { chunk_size: options.chunkSize }),
    ...(options.outFormat === undefined ? {} : { out_format: options.outFormat }),
  };
}

/**
 * Every frame of one download (`file_info`, `file_chunk`s, `file_complete`), completing after the last;
 * failures (error frames, drops, idle timeouts, closing) become `TransferError`s.
 */
export function downloadFrames(call: CallAction, request: DownloadRequest): Observable<DownloadFrame> {
  const options: DownloadOptions = request.options ?? {};
  return (
    call(request.action, downloadParams(request), options.timeout === undefined ? undefined : { timeout: options.timeout }) as Observable<DownloadFrame>
  ).pipe(catchError((error: unknown) => throwError(() => asTransferError(error, { fileId: request.fileId }))));
}

/**
 * Turns download frames into checked, decoded chunks with running byte counts (`totalBytes` from `file_info`,
 * raised to the bytes received when the announcement was short). A chunk out of order or not canonical base64,
 * totals that differ from `file_complete` or `file_size`, or a wrong `sha256` fail the download with a
 * `TransferError` (see {@link DownloadCheck}).
 *
 * @example
 * downloadFrames(call, { action: 'download_file_stream', fileId }).pipe(chunksOf({ fileId }));
 */
export function chunksOf(options: DownloadCheckOptions): OperatorFunction<DownloadFrame, DownloadChunk> {
  return (frames) =>
    new Observable<DownloadChunk>((subscriber) => {
      const check = new DownloadCheck(options);
      return frames.subscribe({
        next: (frame) => {
          try {
            if (frame.data_type === 'file_info') check.info(frame);
            else if (frame.data_type === 'file_complete') check.complete(frame);
            else if (frame.data_type === 'file_chunk') {
              const data = check.chunk(frame);
              const { receivedBytes } = check;
              subscriber.next({ index: frame.index, data, receivedBytes, totalBytes: Math.max(check.announcedBytes, receivedBytes) });
            }
          } catch (error) {
            subscriber.error(error);
          }
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => {
          try {
            check.ended();
            subscriber.complete();
          } catch (error) {
            subscriber.error(error);
          }
        },
      });
    });
}

/** The check options of `request` (a voice conversion makes `file_size` advisory). */
export function checkOptionsOf(request: DownloadRequest, sha256?: Sha256Factory): DownloadCheckOptions {
  return {
    fileId: request.fileId,
    converted: request.options?.outFormat !== undefined,
    ...(sha256 === undefined ? {} : { sha256 }),
  };
}
