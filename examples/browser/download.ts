/**
 * A Stream API download as progress for the dashboard, and a sample file the simulator can serve.
 */
import { type Observable, catchError, concatWith, map, of, scan, startWith } from 'rxjs';
import type { Client } from 'onebot-rx';

/** Bytes received so far of `totalBytes` (advisory until the last chunk). */
export interface DownloadProgress {
  readonly receivedBytes: number;
  readonly totalBytes: number;
}

/**
 * Progress of downloading `file` (a NapCat file id, or `base64://…` on the simulator) in `chunkSize` chunks,
 * through `client.downloadFileStream`; the chunks' bytes are dropped once counted.
 */
export function downloadProgress(client: Client, file: string, chunkSize: number): Observable<DownloadProgress> {
  return client
    .downloadFileStream(file, { chunkSize })
    .pipe(map(({ receivedBytes, totalBytes }) => ({ receivedBytes, totalBytes })));
}

/** What the progress bar shows: the bytes so far and whether the download is running, done or failed. */
export interface DownloadView extends DownloadProgress {
  readonly state: 'running' | 'done' | 'failed';
  readonly error?: string;
}

const STARTED: DownloadView = { state: 'running', receivedBytes: 0, totalBytes: 0 };

/**
 * The views of one download: `running` at once and per chunk, then `done` (the last counts kept) or
 * `failed` with the error's text; it never errors.
 */
export function downloadViews(progress$: Observable<DownloadProgress>): Observable<DownloadView> {
  return progress$.pipe(
    map((progress): Partial<DownloadView> => progress),
    concatWith(of({ state: 'done' } as const)),
    catchError((error: unknown) => of({ state: 'failed', error: String(error) } as const)),
    scan((view: DownloadView, change: Partial<DownloadView>) => ({ ...view, ...change }), STARTED),
    startWith(STARTED),
  );
}

/**
 * `size` deterministic pseudo-random bytes as a `base64://` file, which the simulator serves like any file.
 *
 * @example sampleFile(3) // 'base64://…' (4 base64 characters)
 */
export function sampleFile(size: number): string {
  const bytes = new Uint8Array(size);
  let x = 0x9e3779b9;
  for (let i = 0; i < size; i += 1) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  let binary = '';
  for (let i = 0; i < size; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `base64://${btoa(binary)}`;
}
