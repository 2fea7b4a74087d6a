import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { filter, firstValueFrom, lastValueFrom, take, tap } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { type TransferError, type UploadEvent, type UploadProgress, isTransferError } from '../../src/index';
import type { ActionCall } from '../../src/testing/index';
import { connected } from '../client/harness';
import { all, bytes, failure, sha256, tempDir } from './helpers';

const CHUNK = 256 * 1024;
const completeOf = (events: UploadEvent[]) => events.at(-1) as Extract<UploadEvent, { kind: 'complete' }>;

describe('uploadFileStream against the simulator', () => {
  it.each([
    ['1 B', 1],
    ['chunkSize - 1', CHUNK - 1],
    ['chunkSize', CHUNK],
    ['chunkSize + 1', CHUNK + 1],
  ])('round-trips %s with equal sha256', async (_label, size) => {
    const { client } = await connected();
    const data = bytes(size);
    const events = await all(client.uploadFileStream(data));
    const done = completeOf(events);
    expect(done).toMatchObject({ kind: 'complete', sha256: sha256(data), totalBytes: size });
    expect(events.filter((e) => e.kind === 'progress')).toHaveLength(Math.ceil(size / CHUNK));
    expect(sha256(readFileSync(done.filePath))).toBe(sha256(data));
    const chunks = await all(client.downloadFileStream(done.filePath));
    expect(sha256(Buffer.concat(chunks.map((c) => c.data)))).toBe(sha256(data));
  });

  // 40 chunks of the default 256 KiB, five times the window: as many round trips as it takes to prove the
  // window, the progress and the hash over a file read from disk (50 MB took seconds and proved no more).
  it('round-trips a 10 MiB file read from disk, reporting progress up to every byte', async () => {
    const { client } = await connected();
    const data = bytes(10 * 1024 * 1024);
    const path = join(tempDir(), 'big.bin');
    writeFileSync(path, data);
    const events = await all(client.uploadFileStream(path, { window: 8 }));
    const done = completeOf(events);
    const progress = events.filter((e): e is UploadProgress => e.kind === 'progress');
    expect(progress).toHaveLength(40);
    expect(Math.max(...progress.map((p) => p.bytesSent))).toBe(data.length);
    expect(done.sha256).toBe(sha256(data));
    expect(done.filePath.endsWith(`${done.streamId}-big.bin`)).toBe(true);
    const chunks = await all(client.downloadFileStream(done.filePath, { chunkSize: 1024 * 1024 }));
    expect(chunks.at(-1)?.receivedBytes).toBe(data.length);
    expect(sha256(Buffer.concat(chunks.map((c) => c.data)))).toBe(sha256(data));
  }, 60_000);

  it('uploads a Readable, spooled when its size is unknown', async () => {
    const { client } = await connected();
    const data = bytes(3 * 1000);
    const pieces = () => Readable.from([data.subarray(0, 1000), data.subarray(1000)]);
    const spooled = completeOf(await all(client.uploadFileStream(pieces(), { chunkSize: 1024 })));
    const sized = completeOf(await all(client.uploadFileStream(pieces(), { chunkSize: 1024, size: data.length })));
    expect(sha256(readFileSync(spooled.filePath))).toBe(sha256(data));
    expect(sha256(readFileSync(sized.filePath))).toBe(sha256(data));
  });

  it('fails a 0-byte input with EMPTY before sending anything', async () => {
    const { client, sim } = await connected();
    const calls: ActionCall[] = [];
    sim.calls$.subscribe((c) => calls.push(c));
    const error = (await failure(client.uploadFileStream(new Uint8Array(0), { streamId: 'empty' }))) as TransferError;
    expect(isTransferError(error)).toBe(true);
    expect(error.code).toBe('EMPTY');
    expect(error.streamId).toBe('empty');
    expect(calls.filter((c) => c.action === 'upload_file_stream')).toHaveLength(0);
  });

  it('fails with NOT_FOUND for a missing local path', async () => {
    const { client } = await connected();
    const error = (await failure(client.uploadFileStream(join(tempDir(), 'missing.bin')))) as TransferError;
    expect(error.code).toBe('NOT_FOUND');
  });

  it('surfaces a checksum mismatch as SHA256_MISMATCH', async () => {
    const { client } = await connected();
    const error = (await failure(client.uploadFileStream(bytes(5000), { chunkSize: 1024, expectedSha256: '0'.repeat(64) }))) as TransferError;
    expect(isTransferError(error)).toBe(true);
    expect(error.code).toBe('SHA256_MISMATCH');
    expect(error.message).toContain('SHA256 mismatch');
  });

  it('passes a matching expectedSha256 and gets the merged file', async () => {
    const { client, sim } = await connected();
    const data = bytes(5000);
    const first = firstValueFrom(sim.calls$.pipe(filter((c) => c.action === 'upload_file_stream')));
    const done = completeOf(await all(client.uploadFileStream(data, { chunkSize: 1024, expectedSha256: sha256(data), fileRetention: 0 })));
    expect(done.sha256).toBe(sha256(data));
    expect((await first).params).toMatchObject({ expected_sha256: sha256(data), file_retention: 0 });
  });

  it('resumes after a drop mid-upload, resending only unacknowledged chunks', async () => {
    const { client, sim } = await connected();
    const data = bytes(40 * 1024);
    const streamId = 'resume-me';
    const chunkCalls: ActionCall[] = [];
    sim.calls$.pipe(filter((c) => c.action === 'upload_file_stream')).subscribe((c) => chunkCalls.push(c));
    sim.dropAfterUploadChunks(10);
    const firstEvents: UploadEvent[] = [];
    const error = (await failure(
      client.uploadFileStream(data, { streamId, chunkSize: 1024, window: 1 }).pipe(tap((e) => firstEvents.push(e))),
    )) as TransferError;
    expect(error.code).toBe('DISCONNECTED');
    const acked = new Set(firstEvents.filter((e): e is UploadProgress => e.kind === 'progress').map((e) => e.chunkIndex));
    expect([...acked]).toEqual(Array.from({ length: 10 }, (_, i) => i));

    const before = chunkCalls.length;
    const done = completeOf(await all(client.uploadFileStream(data, { streamId, chunkSize: 1024, window: 1 })));
    const second = chunkCalls.slice(before);
    expect(second[0]?.params).toMatchObject({ stream_id: streamId, verify_only: true });
    const resent = second.filter((c) => c.params['chunk_index'] !== undefined).map((c) => c.params['chunk_index']);
    const missing = Array.from({ length: 40 }, (_, i) => i).filter((i) => !acked.has(i));
    expect(resent).toEqual(missing);
    expect(second.at(-1)?.params).toMatchObject({ stream_id: streamId, is_complete: true });
    expect(sha256(readFileSync(done.filePath))).toBe(sha256(data));
  });

  it('starts again at chunk 0 when the server no longer knows the stream', async () => {
    const { client, sim } = await connected();
    const data = bytes(4 * 1024);
    const streamId = 'forgotten';
    await lastValueFrom(client.uploadFileStream(data, { streamId, chunkSize: 1024, window: 1 }).pipe(take(2)));
    const verify = sim.expectAction('upload_file_stream', { stream_id: streamId, verify_only: true }).fail({
      retcode: 1200,
      message: 'Stream not found',
    });
    const calls: ActionCall[] = [];
    sim.calls$.subscribe((c) => calls.push(c));
    const done = completeOf(await all(client.uploadFileStream(data, { streamId, chunkSize: 1024 })));
    await verify;
    const before = calls.findIndex((c) => c.params['verify_only'] === true);
    expect(calls.slice(before + 1).map((c) => c.params['chunk_index'])).toEqual([0, 1, 2, 3, undefined]);
    expect(sha256(readFileSync(done.filePath))).toBe(sha256(data));
  });

  it('with reset, drops the server stream first and treats "Stream reset completed" as success', async () => {
    const { client, sim } = await connected();
    const calls: ActionCall[] = [];
    sim.calls$.pipe(filter((c) => c.action === 'upload_file_stream')).subscribe((c) => calls.push(c));
    const data = bytes(2048);
    const done = completeOf(await all(client.uploadFileStream(data, { streamId: 'r', reset: true, chunkSize: 1024 })));
    expect(calls[0]?.params).toMatchObject({ stream_id: 'r', reset: true });
    expect(calls.slice(1).map((c) => c.params['chunk_index'])).toEqual([0, 1, undefined]);
    expect(sha256(readFileSync(done.filePath))).toBe(sha256(data));
  });

  it('answers verifyOnly and getUploadStreamStatus with the server counts, NOT_FOUND for unknown streams', async () => {
    const { client } = await connected();
    await lastValueFrom(client.uploadFileStream(bytes(3000), { streamId: 'half', chunkSize: 1000, window: 1 }).pipe(take(2)));
    expect(await firstValueFrom(client.getUploadStreamStatus('half'))).toEqual({ streamId: 'half', receivedChunks: 2, totalChunks: 3 });
    expect(await all(client.uploadFileStream(new Uint8Array(1), { streamId: 'half', verifyOnly: true }))).toEqual([
      { kind: 'status', streamId: 'half', receivedChunks: 2, totalChunks: 3 },
    ]);
    const error = (await failure(client.getUploadStreamStatus('nobody'))) as TransferError;
    expect(error.code).toBe('NOT_FOUND');
  });

  it('uploads bytes to a group through the Stream API, a path straight through', async () => {
    const { client, sim } = await connected();
    const calls: ActionCall[] = [];
    sim.calls$.subscribe((c) => calls.push(c));
    const data = bytes(3000);
    const uploaded = await firstValueFrom(client.uploadGroupFile(300001, data, 'report.pdf'));
    const upload = calls.find((c) => c.action === 'upload_group_file');
    expect(upload?.params).toMatchObject({ group_id: 300001, name: 'report.pdf' });
    expect(String(upload?.params['file'])).toMatch(/report\.pdf$/);
    const chunks = await all(client.downloadFileStream(String(uploaded?.file_id)));
    expect(sha256(Buffer.concat(chunks.map((c) => c.data)))).toBe(sha256(data));

    const path = join(tempDir(), 'direct.txt');
    writeFileSync(path, 'hello');
    const before = calls.length;
    await firstValueFrom(client.uploadGroupFile(300001, path, 'direct.txt'));
    expect(calls.slice(before).map((c) => c.action)).toEqual(['upload_group_file']);
    expect(calls.at(-1)?.params['file']).toBe(path);
  });

  it('sets a group portrait from bytes via the uploaded file path', async () => {
    const { client, sim } = await connected();
    const portrait = sim.expectAction('set_group_portrait').respond({ result: 0, errMsg: '' });
    await firstValueFrom(client.setGroupPortrait(300001, bytes(100)));
    const call = await portrait;
    expect(readFileSync(String(call.params['file'])).length).toBe(100);
  });
});
