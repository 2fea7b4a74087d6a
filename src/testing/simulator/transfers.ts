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

/** Faults applied to the next download only (then cleared). */
export interface DownloadFaults {
  /** Chunk index whose base64 data is replaced by other bytes of the same size. */
  corruptIndex: number | undefined;
  /** Close the socket abruptly after this many chunk frames. */
  dropAfter: number | undefined;
}

const chunkIndexOf = (frame: ResponseFrame): number | undefined => {
  const data = frame.data as { data_type?: unknown; index?: unknown } | null;
  return data?.data_type === 'file_chunk' && typeof data.index === 'number' ? data.index : undefined;
};

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
  readonly faults: DownloadFaults = { corruptIndex: undefined, dropAfter: undefined };
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
   * Applies the one-shot download faults to a reply's frames: corrupts the chosen chunk, and cuts the reply
   * after K chunks (`drop: true` tells the caller to destroy the socket after writing what is left).
   */
  shape(frames: ResponseFrame[]): { frames: ResponseFrame[]; drop: boolean } {
    if (!frames.some((f) => chunkIndexOf(f) !== undefined)) return { frames, drop: false };
    const { corruptIndex, dropAfter } = this.faults;
    this.faults.corruptIndex = undefined;
    this.faults.dropAfter = undefined;
    const shaped = frames.map((f) => (corruptIndex !== undefined && chunkIndexOf(f) === corruptIndex ? corrupt(f) : f));
    if (dropAfter === undefined) return { frames: shaped, drop: false };
    let seen = 0;
    const cut = shaped.findIndex((f) => chunkIndexOf(f) !== undefined && ++seen > dropAfter);
    return { frames: cut < 0 ? shaped : shaped.slice(0, cut), drop: true };
  }

  /** Drops every upload and removes the temp directory. */
  dispose(): void {
    this.uploads.clear();
    if (this.dir !== undefined) rmSync(this.dir, { recursive: true, force: true });
    this.dir = undefined;
  }
}
