import {
  TransferError,
  type TransferErrorCode,
  isActionFailedError,
  isActionTimeoutError,
  isClientClosedError,
  isDisconnectedError,
  isTransferError,
} from '../errors';

/** Which transfer the error belongs to. */
export interface TransferIds {
  readonly streamId?: string;
  readonly fileId?: string;
}

/** Server messages that mean more than `SERVER`, first match wins. */
const SERVER_MESSAGES: ReadonlyArray<readonly [RegExp, TransferErrorCode]> = [
  [/sha256 mismatch/i, 'SHA256_MISMATCH'],
  [/not found|no such file|ENOENT/i, 'NOT_FOUND'],
];

/** The code of an error the call primitive raised, or `undefined` when it is not a transfer failure. */
function codeOf(error: unknown): TransferErrorCode | undefined {
  if (isActionTimeoutError(error)) return 'TIMEOUT';
  if (isDisconnectedError(error)) return 'DISCONNECTED';
  if (isClientClosedError(error)) return 'CLOSED';
  if (isActionFailedError(error)) return SERVER_MESSAGES.find(([pattern]) => pattern.test(error.message))?.[1] ?? 'SERVER';
  if ((error as { code?: unknown } | null)?.code === 'ENOENT') return 'NOT_FOUND';
  return undefined;
}

/**
 * Maps a failure of a transfer to a {@link TransferError} (timeouts, drops, closing, server errors, missing
 * local files), keeping the original as `cause`. Other errors (invalid params, unsupported backends) pass.
 *
 * @example
 * source.pipe(catchError((e) => throwError(() => asTransferError(e, { fileId }))));
 */
export function asTransferError(error: unknown, ids: TransferIds): unknown {
  if (isTransferError(error)) return error;
  const code = codeOf(error);
  if (code === undefined) return error;
  const message = error instanceof Error ? error.message : String(error);
  const what = ids.streamId !== undefined ? `upload ${ids.streamId}` : `download ${ids.fileId ?? ''}`.trim();
  return new TransferError(code, `${what} failed (${code}): ${message}`, { ...ids, cause: error });
}

/**
 * A file-system failure while writing a download (`ENAMETOOLONG`, `ENOSPC`, `EACCES`, …) as a
 * `TransferError` `FILE_SYSTEM`, keeping the original as `cause`; a `TransferError` passes unchanged.
 *
 * @example
 * writes.catch((e) => fail(fileSystemError(e, { fileId })));
 */
export function fileSystemError(error: unknown, ids: TransferIds = {}): TransferError {
  if (isTransferError(error)) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  const what = `download${ids.fileId === undefined ? '' : ` ${ids.fileId}`}`;
  return new TransferError('FILE_SYSTEM', `${what} failed (FILE_SYSTEM${typeof code === 'string' ? ` ${code}` : ''}): ${message}`, {
    ...ids,
    cause: error,
  });
}
