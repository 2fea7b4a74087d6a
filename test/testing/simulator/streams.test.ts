import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../../src/testing/simulator';
import { connect, type Frame, type TestClient } from './ws-client';

let sim: Simulator;
let client: TestClient;
const bytes = Buffer.from(Array.from({ length: 2500 }, (_, i) => i % 251));
let path: string;

beforeEach(async () => {
  path = join(mkdtempSync(join(tmpdir(), 'sim-stream-')), 'data.bin');
  writeFileSync(path, bytes);
  sim = await createSimulator({ catalogue: {} });
  client = await connect(sim.url);
});

afterEach(async () => {
  await client.close();
  await sim.close();
});

/** Sends a stream request and collects its frames until the last one (response or error). */
async function streamCall(action: string, params: object, echo: string): Promise<Frame[]> {
  const from = client.frames.length;
  client.sendText(JSON.stringify({ action, params, echo }));
  await client.next((f) => f['echo'] === echo && (f['status'] === 'failed' || f['data']?.type === 'response'), 2000, from);
  return client.frames.slice(from).filter((f) => f['echo'] === echo);
}

describe('download_file_stream', () => {
  it('answers file_info, base64 chunks with progress, then file_complete, all as stream-action frames', async () => {
    const frames = await streamCall('download_file_stream', { file: path, chunk_size: 1000 }, 'd');
    expect(frames.every((f) => f['stream'] === 'stream-action' && f['status'] === 'ok' && f['retcode'] === 0)).toBe(true);
    expect(frames.map((f) => f['data'].data_type)).toStrictEqual(['file_info', 'file_chunk', 'file_chunk', 'file_chunk', 'file_complete']);
    expect(frames[0]?.['data']).toStrictEqual({ type: 'stream', data_type: 'file_info', file_name: 'data.bin', file_size: 2500, chunk_size: 1000 });
    expect(frames.slice(1, 4).map((f) => [f['data'].index, f['data'].size, f['data'].progress])).toStrictEqual([
      [0, 1000, 40],
      [1, 1000, 80],
      [2, 500, 100],
    ]);
    const joined = Buffer.concat(frames.slice(1, 4).map((f) => Buffer.from(f['data'].data, 'base64')));
    expect(joined.equals(bytes)).toBe(true);
    expect(frames[4]?.['data']).toStrictEqual({
      type: 'response',
      data_type: 'file_complete',
      total_chunks: 3,
      total_bytes: 2500,
      message: 'Download completed',
    });
  });

  it('answers an error frame for a missing file', async () => {
    const [frame] = await streamCall('download_file_stream', { file: '/no/such/file' }, 'm');
    expect(frame).toMatchObject({ status: 'failed', retcode: 1200, data: { type: 'error', data_type: 'error' }, stream: 'stream-action' });
    expect(frame?.['message']).toMatch(/^Download failed: /);
  });

  it('corruptChunk flips the bytes of one chunk of the next download only', async () => {
    sim.corruptChunk(1);
    const bad = await streamCall('download_file_stream', { file: path, chunk_size: 1000 }, 'c1');
    const good = await streamCall('download_file_stream', { file: path, chunk_size: 1000 }, 'c2');
    const decode = (fs: Frame[]) => Buffer.concat(fs.slice(1, 4).map((f) => Buffer.from(f['data'].data, 'base64')));
    expect(decode(bad).equals(bytes)).toBe(false);
    expect(decode(bad).subarray(0, 1000).equals(bytes.subarray(0, 1000))).toBe(true);
    expect(decode(good).equals(bytes)).toBe(true);
  });

  it('dropAfterChunks destroys the socket after K chunks', async () => {
    sim.dropAfterChunks(2);
    client.sendText(JSON.stringify({ action: 'download_file_stream', params: { file: path, chunk_size: 1000 }, echo: 'x' }));
    expect(await client.closed).toBe(1006);
    expect(client.frames.filter((f) => f['echo'] === 'x').map((f) => f['data'].data_type)).toStrictEqual([
      'file_info',
      'file_chunk',
      'file_chunk',
    ]);
  });
});

describe('upload_file_stream', () => {
  const chunks = [bytes.subarray(0, 1000), bytes.subarray(1000, 2000), bytes.subarray(2000)];
  const sha256 = createHash('sha256').update(bytes).digest('hex');

  it('acknowledges each chunk, merges on is_complete and checks the sha256', async () => {
    const first = await client.call('upload_file_stream', {
      stream_id: 's1',
      chunk_data: chunks[0]?.toString('base64'),
      chunk_index: 0,
      total_chunks: 3,
      expected_sha256: sha256,
      filename: 'up.bin',
    });
    expect(first).toMatchObject({
      status: 'ok',
      stream: 'stream-action',
      data: { type: 'stream', stream_id: 's1', status: 'chunk_received', received_chunks: 1, total_chunks: 3 },
    });
    const again = await client.call('upload_file_stream', { stream_id: 's1', chunk_data: chunks[0]?.toString('base64'), chunk_index: 0 });
    expect(again['data']).toMatchObject({ status: 'file_created', received_chunks: 1 });
    for (const i of [1, 2]) {
      await client.call('upload_file_stream', { stream_id: 's1', chunk_data: chunks[i]?.toString('base64'), chunk_index: i });
    }
    const verify = await client.call('upload_file_stream', { stream_id: 's1', verify_only: true });
    expect(verify['data']).toMatchObject({ status: 'file_created', received_chunks: 3, total_chunks: 3 });
    const done = await client.call('upload_file_stream', { stream_id: 's1', is_complete: true });
    expect(done['data']).toMatchObject({ type: 'response', status: 'file_complete', file_size: 2500, sha256 });
    expect(readFileSync(done['data'].file_path).equals(bytes)).toBe(true);
  });

  it('rejects a new stream without total_chunks, a bad index, and a sha256 mismatch with error frames', async () => {
    const missing = await client.call('upload_file_stream', { stream_id: 'n', chunk_data: 'AA==', chunk_index: 0 });
    expect(missing).toMatchObject({ status: 'failed', message: 'total_chunks required for new stream', data: { type: 'error' } });
    const bad = await client.call('upload_file_stream', { stream_id: 'b', chunk_data: 'AA==', chunk_index: 5, total_chunks: 1 });
    expect(bad['message']).toBe('Invalid chunk index: 5');
    await client.call('upload_file_stream', { stream_id: 'h', chunk_data: 'AA==', chunk_index: 0, total_chunks: 1, expected_sha256: 'ab' });
    const mismatch = await client.call('upload_file_stream', { stream_id: 'h', is_complete: true });
    expect(mismatch['message']).toMatch(/^SHA256 mismatch\. Expected: ab, Got: [0-9a-f]{64}$/);
  });

  it('answers reset with an error frame and forgets the stream', async () => {
    await client.call('upload_file_stream', { stream_id: 'r', chunk_data: 'AA==', chunk_index: 0, total_chunks: 2 });
    expect((await client.call('upload_file_stream', { stream_id: 'r', reset: true }))['message']).toBe('Stream reset completed');
    expect((await client.call('upload_file_stream', { stream_id: 'r', verify_only: true }))['message']).toBe('Stream not found');
  });

  it('lets a merged upload be sent as a group file and downloaded back by file_id', async () => {
    await client.call('upload_file_stream', { stream_id: 'g', chunk_data: bytes.toString('base64'), chunk_index: 0, total_chunks: 1 });
    const done = await client.call('upload_file_stream', { stream_id: 'g', is_complete: true });
    const sent = await client.call('upload_group_file', { group_id: 300001, file: done['data'].file_path, name: 'g.bin' });
    const frames = await streamCall('download_file_stream', { file_id: sent['data'].file_id }, 'back');
    expect(frames[0]?.['data']).toMatchObject({ file_name: 'g.bin', file_size: 2500 });
  });
});

describe('test_download_stream', () => {
  it('answers ten data_chunk frames then data_complete, or an error frame when asked', async () => {
    const ok = await streamCall('test_download_stream', {}, 't1');
    expect(ok.map((f) => f['data'].data_type)).toStrictEqual([...Array(10).fill('data_chunk'), 'data_complete']);
    expect(ok[0]?.['data'].data).toBe('Index-> 1');
    const failed = await streamCall('test_download_stream', { error: true }, 't2');
    expect(failed).toHaveLength(11);
    expect(failed[10]).toMatchObject({ status: 'failed', data: { type: 'error', data_type: 'error' } });
  });
});
