import { type Observable, throwError } from 'rxjs';
import type { CallAction } from '../action/types';
import { UnsupportedActionError } from '../errors';
import type { SocketOpen } from '../transport/types';
import type { DownloadRequest } from './download';
import type { DownloadTarget, WriteEvent } from './types';

/** The browser build has no file system: `*ToFile` downloads fail at once (use the chunk streams). */
export function downloadToFile(
  _call: CallAction,
  request: DownloadRequest,
  _target: DownloadTarget | undefined,
  _socket: () => SocketOpen | undefined,
  _sha256?: unknown,
): Observable<WriteEvent> {
  return throwError(() => new UnsupportedActionError(`${request.action} to a file`, 'the browser build'));
}
