import { Observable, type OperatorFunction, catchError, throwError } from 'rxjs';
import type { DownloadFrame } from '../action/catalogue/media/streams';
import type { CallAction } from '../action/types';
import { TransferError } from '../errors';
import { fromBase64 } from './base64';
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
 * Turns download frames into decoded chunks with running byte counts (`totalBytes` from `file_info`, raised
 * to the bytes received when the announcement was short). A chunk that is not base64 text fails the download.
 *
 * @example
 * downloadFrames(call, { action: 'download_file_stream', fileId }).pipe(chunksOf(fileId));
 */
export function chunksOf(fileId: string): OperatorFunction<DownloadFrame, DownloadChunk> {
  return (frames) =>
    new Observable<DownloadChunk>((subscriber) => {
      let totalBytes = 0;
      let receivedBytes = 0;
      return frames.subscribe({
        next: (frame) => {
          if (frame.data_type === 'file_info') totalBytes = frame.file_size;
          if (frame.data_type !== 'file_chunk') return;
          if (typeof frame.data !== 'string') {
            subscriber.error(new TransferError('SERVER', `download ${fileId}: chunk ${frame.index} carries no base64 data`, { fileId }));
            return;
          }
          const data = fromBase64(frame.data);
          receivedBytes += data.byteLength;
          subscriber.next({ index: frame.index, data, receivedBytes, totalBytes: Math.max(totalBytes, receivedBytes) });
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => subscriber.complete(),
      });
    });
}
