import { isActionFailedError } from '../errors';
import type { FileInput } from './types';

/**
 * The server no longer holds chunks it acknowledged for an upload: it restarted, or its idle timeout dropped
 * the stream, between two requests. Internal to the upload, which restarts from chunk 0 or turns it into a
 * `TransferError`; it never reaches the caller.
 */
export class StreamLost extends Error {
  override readonly name = 'StreamLost';
  constructor(
    readonly streamId: string,
    reason: string,
    options?: { cause?: unknown },
  ) {
    super(`upload ${streamId}: the server lost the stream (${reason})`, options);
  }
}

/** Whether `error` is a {@link StreamLost}. */
export const isStreamLost = (error: unknown): error is StreamLost => error instanceof StreamLost;

/** Whether a failed Stream API request says the server holds no stream of that id. */
export const isStreamNotFound = (error: unknown): boolean => isActionFailedError(error) && /stream not found/i.test(error.message);

/**
 * NapCat's answers to a completing request for a stream it has partly forgotten: no state at all (the request
 * carries no `total_chunks`), or a state rebuilt from later chunks only.
 */
const FORGOTTEN_CHUNKS = /total_chunks required|missing (memory )?chunk/i;

/** Whether a failed completing request says the server has forgotten (part of) the stream. */
export const forgotOnCompletion = (error: unknown): boolean =>
  isStreamNotFound(error) || (isActionFailedError(error) && FORGOTTEN_CHUNKS.test(error.message));

/**
 * Whether a chunk acknowledgement shows lost chunks: the server now counts `received` held chunks, fewer
 * than the `floor` it had reported before this chunk was sent. A server that still holds the stream never
 * counts fewer than it did earlier, even with replies reordered or chunks in flight together.
 */
export const countsLostChunks = (received: unknown, floor: number): boolean => typeof received === 'number' && received < floor;

/** Whether an upload input can be read a second time from its start (a `Readable` cannot). */
export function canReread(file: FileInput): boolean {
  return typeof file === 'string' || file instanceof Uint8Array || (typeof Blob !== 'undefined' && file instanceof Blob);
}
