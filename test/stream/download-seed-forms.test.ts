import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { filter, firstValueFrom, last } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { connected } from '../client/harness';
import { bytes, tempDir } from './helpers';

/** The seed's `*ToFile` forms: the target inside the one options object; voice with `outFormat` first. */
describe('downloadFile*ToFile, seed signatures', () => {
  function serverFile(size: number, name: string): { path: string; data: Buffer } {
    const data = bytes(size);
    const path = join(tempDir(), name);
    writeFileSync(path, data);
    return { path, data };
  }

  it('takes { path, chunkSize } as one options object, chunk size on the wire', async () => {
    const { client, sim } = await connected();
    const { path, data } = serverFile(1000, 'a.bin');
    const target = join(tempDir(), 'out.bin');
    const done = await firstValueFrom(client.downloadFileStreamToFile(path, { path: target, chunkSize: 400 }).pipe(last()));
    expect(done).toEqual({ kind: 'complete', path: target, totalBytes: 1000 });
    expect(readFileSync(target).equals(data)).toBe(true);
    const call = await firstValueFrom(sim.calls$.pipe(filter((c) => c.action === 'download_file_stream')));
    expect(call.params).toEqual({ file: path, chunk_size: 400 });
  });

  it('writes into the system temp directory when the options name no target', async () => {
    const { client } = await connected();
    const name = `seed-form-${process.pid}-${Date.now()}.bin`; // real-time: a unique name, not a wait
    const { path, data } = serverFile(300, name);
    const done = await firstValueFrom(client.downloadFileImageStreamToFile(path).pipe(last()));
    expect(done).toEqual({ kind: 'complete', path: join(tmpdir(), name), totalBytes: 300 });
    expect(readFileSync(join(tmpdir(), name)).equals(data)).toBe(true);
    rmSync(join(tmpdir(), name));
  });

  it('downloadFileRecordStreamToFile(fileId, outFormat, { dir }) sends out_format and writes into dir', async () => {
    const { client, sim } = await connected();
    const { path, data } = serverFile(500, 'v.amr');
    const dir = tempDir();
    const done = await firstValueFrom(client.downloadFileRecordStreamToFile(path, 'mp3', { dir, name: 'v.mp3' }).pipe(last()));
    expect(done).toEqual({ kind: 'complete', path: join(dir, 'v.mp3'), totalBytes: 500 });
    expect(readFileSync(join(dir, 'v.mp3')).equals(data)).toBe(true);
    const call = await firstValueFrom(sim.calls$.pipe(filter((c) => c.action === 'download_file_record_stream')));
    expect(call.params).toEqual({ file: path, out_format: 'mp3' });
  });

  it("keeps today's (fileId, target, options) form", async () => {
    const { client } = await connected();
    const { path } = serverFile(10, 'b.bin');
    const dir = tempDir();
    const done = await firstValueFrom(client.downloadFileRecordStreamToFile(path, { dir }, { outFormat: 'wav' }).pipe(last()));
    expect(done).toEqual({ kind: 'complete', path: join(dir, 'b.bin'), totalBytes: 10 });
  });
});
