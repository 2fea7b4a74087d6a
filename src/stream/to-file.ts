import { tmpdir } from 'node:os';
import { dirname, resolve } from 'node:path';
import { type Observable, defer, tap, throwError } from 'rxjs';
import type { CallAction } from '../action/types';
import { InvalidParamsError, TransferError } from '../errors';
import type { SocketOpen } from '../transport/types';
import { type DownloadRequest, checkOptionsOf, chunksOf, downloadFrames } from './download';
import { confinedPath, unsafeNameReason } from './safe-path';
import type { Sha256Factory } from './sha256';
import type { DownloadTarget, WriteEvent } from './types';
import { type WriteOptions, writeChunksTo } from './write-to';

/**
 * Pauses reads on the socket in use while the disk lags, and resumes that same socket (a no-op when the
 * transport cannot pause, or the socket is gone).
 */
export function socketFlowControl(socket: () => SocketOpen | undefined): Pick<WriteOptions, 'pause' | 'resume'> {
  let paused: SocketOpen | undefined;
  return {
    pause: () => {
      paused = socket();
      paused?.pause?.();
    },
    resume: () => {
      paused?.resume?.();
      paused = undefined;
    },
  };
}

/**
 * Downloads into a file: a temporary file beside the target, renamed on success, removed on failure. With
 * `{ dir }` the server's file name is used only if it stays inside `dir` and fits a file system (else
 * `TransferError` `SERVER`). The frames are checked as in `chunksOf`; a file-system failure is a
 * `TransferError` `FILE_SYSTEM`.
 *
 * @example
 * downloadToFile(call, { action: 'download_file_stream', fileId }, { dir: './downloads' }, client.socket);
 */
export function downloadToFile(
  call: CallAction,
  request: DownloadRequest,
  given: DownloadTarget | undefined,
  socket: () => SocketOpen | undefined,
  sha256?: Sha256Factory,
): Observable<WriteEvent> {
  return defer(() => {
    const { fileId } = request;
    const target = given ?? { dir: tmpdir() };
    const checked = chunksOf(checkOptionsOf(request, sha256));
    if ('path' in target) {
      const dir = dirname(resolve(target.path));
      return downloadFrames(call, request).pipe(
        checked,
        writeChunksTo({ dir, finalPath: () => target.path, fileId }, socketFlowControl(socket)),
      );
    }
    const chosen = target.name;
    if (chosen !== undefined && unsafeNameReason(chosen) !== undefined) {
      return throwError(
        () => new InvalidParamsError(request.action, target, `name ${JSON.stringify(chosen)} cannot be used inside dir: ${unsafeNameReason(chosen)}`),
      );
    }
    let path = chosen === undefined ? undefined : confinedPath(target.dir, chosen);
    return downloadFrames(call, request).pipe(
      tap((frame) => {
        if (frame.data_type !== 'file_info' || chosen !== undefined) return;
        path = confinedPath(target.dir, frame.file_name);
        if (path === undefined) {
          const why = unsafeNameReason(frame.file_name) ?? 'it escapes the directory';
          throw new TransferError('SERVER', `download ${fileId}: the server's file name ${JSON.stringify(frame.file_name)} is unsafe: ${why}`, { fileId });
        }
      }),
      checked,
      writeChunksTo(
        {
          dir: target.dir,
          fileId,
          finalPath: () => {
            if (path === undefined) throw new TransferError('SERVER', `download ${fileId}: the server sent no file name`, { fileId });
            return path;
          },
        },
        socketFlowControl(socket),
      ),
    );
  });
}
