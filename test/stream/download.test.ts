import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { filter, firstValueFrom, last } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { type TransferError, type WriteEvent, isInvalidParamsError, isTransferError, progressOf, writeTo } from '../../src/index';
import { connected } from '../client/harness';
import { all, bytes, failure, sha256, tempDir } from './helpers';

/** A file on the simulator's side (its host is this machine): its path and bytes. */
function serverFile(size: number, name = 'data.bin'): { path: string; data: Buffer } {
  const data = bytes(size);
  const path = join(tempDir(), name);
  writeFileSync(path, data);
  return { path, data };
}

describe('downloadFileStream against the simulator', () => {
  it('emits the chunks in order with running byte counts, omitting chunk_size unless given', async () => {
    const { client, sim } = await connected();
    const { path, data } = serverFile(150_000);
    const chunks = await all(client.downloadFileStream(path));
    expect(chunks.map((c) => c.index)).toEqual([0, 1, 2]);
    expect(chunks.map((c) => c.receivedBytes)).toEqual([65536, 131072, 150_000]);
    expect(chunks.every((c) => c.totalBytes === 150_000)).toBe(true);
    expect(Buffer.concat(chunks.map((c) => c.data)).equals(data)).toBe(true);
    const call = await firstValueFrom(sim.calls$.pipe(filter((c) => c.action === 'download_file_stream')));
    expect(call.params).toEqual({ file: path });
  });

  it('downloads images and voice messages through their own actions', async () => {
    const { client, sim } = await connected();
    const { path, data } = serverFile(1000);
    const image = await all(client.downloadFileImageStream(path, { chunkSize: 400 }));
    const record = await all(client.downloadFileRecordStream(path, 'wav'));
    expect(Buffer.concat(image.map((c) => c.data)).equals(data)).toBe(true);
    expect(Buffer.concat(record.map((c) => c.data)).equals(data)).toBe(true);
    const recordCall = await firstValueFrom(sim.calls$.pipe(filter((c) => c.action === 'download_file_record_stream')));
    expect(recordCall.params).toEqual({ file: path, out_format: 'wav' });
  });

  it('fails with NOT_FOUND when the server cannot find the file', async () => {
    const { client } = await connected();
    const error = (await failure(client.downloadFileStream('/nowhere/missing.bin'))) as TransferError;
    expect(isTransferError(error)).toBe(true);
    expect(error.code).toBe('NOT_FOUND');
    expect(error.fileId).toBe('/nowhere/missing.bin');
  });

  it('fails with DISCONNECTED when the socket drops mid-download', async () => {
    const { client, sim } = await connected();
    const { path } = serverFile(10 * 65536);
    sim.dropAfterChunks(3);
    const error = (await failure(client.downloadFileStream(path))) as TransferError;
    expect(error.code).toBe('DISCONNECTED');
  });

  it('fails with TIMEOUT when frames stop arriving for the idle timeout', async () => {
    const { client, sim } = await connected();
    const { path } = serverFile(100);
    sim.delayReplies(500);
    const error = (await failure(client.downloadFileStream(path, { timeout: 50 }))) as TransferError;
    expect(error.code).toBe('TIMEOUT');
  });
});

describe('downloadFileStreamToFile against the simulator', () => {
  it('writes into dir under the server name, emitting progress then complete', async () => {
    const { client } = await connected();
    const { path, data } = serverFile(200_000, 'photo.jpg');
    const dir = tempDir();
    const events = await all(client.downloadFileStreamToFile(path, { dir }));
    expect(events.at(-1)).toEqual({ kind: 'complete', path: join(dir, 'photo.jpg'), totalBytes: 200_000 });
    expect(events.slice(0, -1).map((e) => (e as Extract<WriteEvent, { kind: 'progress' }>).receivedBytes)).toEqual([
      65536, 131072, 196608, 200_000,
    ]);
    expect(sha256(readFileSync(join(dir, 'photo.jpg')))).toBe(sha256(data));
    expect(readdirSync(dir)).toEqual(['photo.jpg']);
  });

  it('writes to an exact path, and a 0-byte file too', async () => {
    const { client } = await connected();
    const target = join(tempDir(), 'nested', 'out.bin');
    const { path } = serverFile(0);
    const done = await firstValueFrom(client.downloadFileStreamToFile(path, { path: target }).pipe(last()));
    expect(done).toEqual({ kind: 'complete', path: target, totalBytes: 0 });
    expect(readFileSync(target).length).toBe(0);
  });

  it('leaves no partial file when the socket drops mid-download', async () => {
    const { client, sim } = await connected();
    const { path } = serverFile(20 * 65536);
    const dir = tempDir();
    sim.dropAfterChunks(5);
    const error = (await failure(client.downloadFileStreamToFile(path, { dir }))) as TransferError;
    expect(error.code).toBe('DISCONNECTED');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('rejects a server file name that would escape dir, writing nothing', async () => {
    const { client, sim } = await connected();
    const dir = join(tempDir(), 'inside');
    void sim
      .expectAction('download_file_stream')
      .respond({ type: 'stream', data_type: 'file_info', file_name: '../evil.txt', file_size: 3, chunk_size: 3 });
    const error = (await failure(client.downloadFileStreamToFile('x', { dir }))) as TransferError;
    expect(error.code).toBe('SERVER');
    expect(error.message).toContain('../evil.txt');
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(join(dirname(dir), 'evil.txt'))).toBe(false);
  });

  it.each(['../up.txt', '/etc/passwd', 'a\0b'])('rejects the chosen name %j with InvalidParamsError before sending', async (name) => {
    const { client } = await connected();
    const error = await failure(client.downloadFileStreamToFile('x', { dir: tempDir(), name }));
    expect(isInvalidParamsError(error)).toBe(true);
  });

  it('pipes a download through writeTo and progressOf', async () => {
    const { client } = await connected();
    const { path, data } = serverFile(100_000);
    const target = join(tempDir(), 'piped.bin');
    const events = await all(client.downloadFileImageStream(path).pipe(writeTo(target), progressOf()));
    expect(events.at(-1)).toMatchObject({ kind: 'complete', path: target, totalBytes: 100_000, percent: 100 });
    expect(events[0]).toMatchObject({ kind: 'progress', receivedBytes: 65536 });
    expect(events[0]!.percent).toBeCloseTo(65.536);
    expect(readFileSync(target).equals(data)).toBe(true);
  });
});
