import type { DownloadFileChunk, DownloadFileComplete, DownloadFileInfo } from '../action/catalogue/media/streams';
import { TransferError, type TransferErrorCode } from '../errors';
import { fromBase64 } from '../codec/base64';
import { defaultSha256 } from './default-sha256';
import type { Sha256, Sha256Factory } from './sha256';

/** What a download's frames are checked against. */
export interface DownloadCheckOptions {
  /** The requested file, named in the errors. */
  readonly fileId: string;
  /**
   * The server converts the file before sending it (`out_format`): `file_info.file_size` then describes the
   * source (NapCat announces the message's metadata size), so only the `file_complete` counts are checked.
   */
  readonly converted?: boolean;
  /** Hashes the bytes as they arrive, for a `sha256` in `file_info` or `file_complete` (default `node:crypto`; `@noble/hashes` in browsers). */
  readonly sha256?: Sha256Factory;
}

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/**
 * Checks one download frame by frame and fails it with a typed `TransferError` at the first sign of
 * corruption: a chunk whose `index` is not the next one (gap, duplicate, reordering) → `CORRUPT`; chunk text
 * that is not canonical base64, or bytes that disagree with the chunk's `size` → `CORRUPT`; more bytes than
 * `file_info.file_size`, or totals that differ from `file_complete`'s `total_chunks` / `total_bytes` or from
 * `file_size` → `SIZE_MISMATCH`; bytes that do not hash to the `sha256` the server gave → `SHA256_MISMATCH`
 * (in `file_info`, in `file_complete`, or both: every download is hashed as its chunks arrive, since the
 * final frame may bring the only hash: about 0.7 ms per MiB with `node:crypto`, as much as the base64 decode).
 *
 * @example
 * const check = new DownloadCheck({ fileId });
 * check.info(infoFrame); const bytes = check.chunk(chunkFrame); check.complete(lastFrame); // throws TransferError
 */
export class DownloadCheck {
  private nextIndex = 0;
  private received = 0;
  private announcedSize: number | undefined;
  private announcedSha256: string | undefined;
  private readonly hash: Sha256;
  private completed = false;

  constructor(private readonly options: DownloadCheckOptions) {
    this.hash = (options.sha256 ?? defaultSha256)();
  }

  /** Bytes accepted so far. */
  get receivedBytes(): number {
    return this.received;
  }

  /** The size `file_info` announced (0 before it, or when it announced none). */
  get announcedBytes(): number {
    return this.announcedSize ?? 0;
  }

  /** Records the announced size and sha256. */
  info(frame: DownloadFileInfo): void {
    this.announcedSize = isCount(frame.file_size) ? frame.file_size : undefined;
    if (typeof frame.sha256 === 'string') this.announcedSha256 = frame.sha256.toLowerCase();
  }

  /** The bytes of the next chunk; throws `TransferError` when it is not the next one or not intact. */
  chunk(frame: DownloadFileChunk): Uint8Array {
    if (frame.index !== this.nextIndex) {
      const what = typeof frame.index === 'number' && frame.index < this.nextIndex ? 'a duplicate or reordered chunk' : 'a gap';
      throw this.error('CORRUPT', `chunk ${String(frame.index)} arrived where chunk ${this.nextIndex} was due (${what})`);
    }
    if (typeof frame.data !== 'string') throw this.error('CORRUPT', `chunk ${frame.index} carries no base64 data`);
    const bytes = fromBase64(frame.data);
    if (bytes === undefined) throw this.error('CORRUPT', `chunk ${frame.index} is not valid base64`);
    if (isCount(frame.size) && frame.size !== bytes.byteLength) {
      throw this.error('CORRUPT', `chunk ${frame.index} decodes to ${bytes.byteLength} bytes, its size says ${frame.size}`);
    }
    this.nextIndex += 1;
    this.received += bytes.byteLength;
    const limit = this.options.converted ? undefined : this.announcedSize;
    if (limit !== undefined && this.received > limit) {
      throw this.error('SIZE_MISMATCH', `${this.received} bytes received, more than the ${limit} announced`);
    }
    this.hash.update(bytes);
    return bytes;
  }

  /** Checks the totals (and the sha256) against the final frame; throws `TransferError` when they differ. */
  complete(frame: DownloadFileComplete): void {
    this.completed = true;
    const { received, nextIndex: chunks } = this;
    if (isCount(frame.total_chunks) && frame.total_chunks !== chunks) {
      throw this.error('SIZE_MISMATCH', `${chunks} chunks received, the server says it sent ${frame.total_chunks}`);
    }
    if (isCount(frame.total_bytes) && frame.total_bytes !== received) {
      throw this.error('SIZE_MISMATCH', `${received} bytes received, the server says it sent ${frame.total_bytes}`);
    }
    if (!this.options.converted && this.announcedSize !== undefined && this.announcedSize !== received) {
      throw this.error('SIZE_MISMATCH', `${received} bytes received, file_size announced ${this.announcedSize}`);
    }
    const expected = [this.announcedSha256, typeof frame.sha256 === 'string' ? frame.sha256.toLowerCase() : undefined];
    if (expected.every((hex) => hex === undefined)) return;
    const actual = this.hash.hex();
    if (expected.some((hex) => hex !== undefined && hex !== actual)) {
      throw this.error('SHA256_MISMATCH', `the bytes hash to ${actual}, the server announced ${expected.filter(Boolean).join(' / ')}`);
    }
  }

  /** Throws `TransferError` when the frames ended before `file_complete`. */
  ended(): void {
    if (!this.completed) throw this.error('SIZE_MISMATCH', `the download ended after ${this.received} bytes without file_complete`);
  }

  private error(code: TransferErrorCode, why: string): TransferError {
    const { fileId } = this.options;
    return new TransferError(code, `download ${fileId} failed (${code}): ${why}`, { fileId });
  }
}
