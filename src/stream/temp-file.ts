import { randomUUID } from 'node:crypto';
import { type FileHandle, mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A file written under a temporary name in its final directory, then renamed into place (atomic on one
 * file system) or removed: a reader never sees a partial file under the final name.
 */
export class TempFile {
  private state: 'open' | 'committed' | 'discarded' = 'open';

  private constructor(
    /** The temporary path. */
    readonly path: string,
    private readonly handle: FileHandle,
  ) {}

  /** Creates an empty temporary file in `dir` (created if missing). */
  static async create(dir: string): Promise<TempFile> {
    await mkdir(dir, { recursive: true });
    const path = join(dir, `.onebot-rx-${randomUUID()}.part`);
    return new TempFile(path, await open(path, 'wx'));
  }

  /** Appends `bytes`. */
  async append(bytes: Uint8Array): Promise<void> {
    let offset = 0;
    while (offset < bytes.byteLength) {
      const { bytesWritten } = await this.handle.write(bytes, offset, bytes.byteLength - offset);
      offset += bytesWritten;
    }
  }

  /** Closes the file and renames it to `path` (removing it when that fails). */
  async commit(path: string): Promise<void> {
    if (this.state !== 'open') return;
    this.state = 'committed';
    try {
      await this.handle.close();
      await rename(this.path, path);
    } catch (error) {
      await rm(this.path, { force: true });
      throw error;
    }
  }

  /** Closes and removes the file; a no-op once committed or discarded. */
  async discard(): Promise<void> {
    if (this.state !== 'open') return;
    this.state = 'discarded';
    await this.handle.close().catch(() => undefined);
    await rm(this.path, { force: true });
  }
}
