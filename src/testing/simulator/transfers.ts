import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResponseFrame } from './frames';

/** One `upload_file_stream` in progress, keyed by the client's `stream_id`. */
export interface UploadState {
  readonly id: string;
  readonly totalChunks: number;
  readonly expectedSha256: string | undefined;
  readonly filename: string;
  readonly chunks: Map<number, Buffer>;
}

/** One-shot faults: each applies to the next transfer it concerns, then clears. */
export interface TransferFaults {
  /** Chunk index of the next download whose base64 data is replaced by other bytes of the same size. */
  corruptIndex: number | undefined;
  /** Close the socket abruptly after this many chunk frames of the next download. */
  dropAfter: number | undefined;
  /** Close the socket abruptly once this many upload chunks have been accepted (and acknowledged). */
  dropAfterUploads: number | undefined;
}

/** What to do with one frame of a reply: write `send` (when given), then destroy the socket if `drop`. */
export interface ShapedFrame {
  readonly send: ResponseFrame | undefined;
  readonly drop: boolean;
}

/** Shapes the frames of one reply, in order, under the faults it claimed. */
export type FrameShaper = (frame: ResponseFrame) => ShapedFrame;

const chunkIndexOf = (frame: ResponseFrame): number | undefined => {
  const data = frame.data as { data_type?: unknown; index?: unknown } | null;
  return data?.data_type === 'file_chunk' && typeof data.index === 'number' ? data.index : undefined;
};

const isUploadAck = (frame: ResponseFrame): boolean => (frame.data as { status?: unknown } | null)?.status === 'chunk_received';

function corrupt(frame: ResponseFrame): ResponseFrame {
  const data = frame.data as { data: string };
  const flipped = Buffer.from(data.data, 'base64').map((byte) => byte ^ 0xff);
  return { ...frame, data: { ...data, data: Buffer.from(flipped).toString('base64') } };
}

/**
 * Stream API state: uploads in progress (process-wide on NapCat, simulator-wide here, so a stream resumes from
 * a new connection), merged files in a private temp directory removed on close, and the one-shot faults.
 */
export class Transfers {
  readonly uploads = new Map<string, UploadState>();
  readonly faults: TransferFaults = { corruptIndex: undefined, dropAfter: undefined, dropAfterUploads: undefined };
  private dir: string | undefined;

  /** Writes a merged upload to the temp directory and returns its path. */
  store(name: string, bytes: Buffer): string {
    this.dir ??= mkdtempSync(join(tmpdir(), 'onebot-rx-sim-'));
    const folder = join(this.dir, String(this.uploads.size + readdirSync(this.dir).length));
    mkdirSync(folder, { recursive: true });
    const path = join(folder, name.replace(/[\\/]/g, '_') || 'upload.bin');
    writeFileSync(path, bytes);
    return path;
  }

  /** Removes every merged file (NapCat's `clean_stream_temp_file`). */
  clean(): void {
    if (this.dir === undefined) return;
    for (const entry of readdirSync(this.dir)) rmSync(join(this.dir, entry), { recursive: true, force: true });
  }

  /**
   * A shaper for one reply's frames. The first chunk frame claims the download faults (corrupt chunk `i`;
   * drop before the chunk after the K-th); an upload acknowledgement counts towards `dropAfterUploads`,
   * the K-th being written before the drop.
   */
  shaper(): FrameShaper {
    let download: { corruptIndex: number | undefined; dropAfter: number | undefined } | undefined;
    let chunks = 0;
    return (frame) => {
      if (isUploadAck(frame)) return { send: frame, drop: this.countUpload() };
      const index = chunkIndexOf(frame);
      if (index === undefined) return { send: frame, drop: false };
      download ??= this.claimDownloadFaults();
      chunks += 1;
      if (download.dropAfter !== undefined && chunks > download.dropAfter) return { send: undefined, drop: true };
      return { send: index === download.corruptIndex ? corrupt(frame) : frame, drop: false };
    };
  }

  private claimDownloadFaults(): { corruptIndex: number | undefined; dropAfter: number | undefined } {
    const { corruptIndex, dropAfter } = this.faults;
    this.faults.corruptIndex = undefined;
    this.faults.dropAfter = undefined;
    return { corruptIndex, dropAfter };
  }

  private countUpload(): boolean {
    const left = this.faults.dropAfterUploads;
    if (left === undefined) return false;
    this.faults.dropAfterUploads = left > 1 ? left - 1 : undefined;
    return left <= 1;
  }

  /** Drops every upload and removes the temp directory. */
  dispose(): void {
    this.uploads.clear();
    if (this.dir !== undefined) rmSync(this.dir, { recursive: true, force: true });
    this.dir = undefined;
  }
}
