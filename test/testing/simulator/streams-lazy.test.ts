import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../../src/testing/simulator';
import { answer } from '../../../src/testing/simulator/dispatch';
import { streamFrame, type ResponseFrame } from '../../../src/testing/simulator/frames';
import { StreamAnswer, type HandlerContext } from '../../../src/testing/simulator/handlers';
import { collectFrames, sendLazily } from '../../../src/testing/simulator/send-frames';
import type { ShapedFrame } from '../../../src/testing/simulator/transfers';
import { connect, type TestClient } from './ws-client';

/** A socket stand-in whose writes complete only when the test flushes them. */
function fakeSocket() {
  const pending: Array<(error?: Error) => void> = [];
  const sent: string[] = [];
  const socket = {
    readyState: WebSocket.OPEN as number,
    bufferedAmount: 0,
    send(text: string, done: (error?: Error) => void) {
      sent.push(text);
      socket.bufferedAmount += text.length;
      pending.push(done);
    },
    terminate() {
      socket.readyState = WebSocket.CLOSED;
    },
    flush() {
      socket.bufferedAmount = 0;
      for (const done of pending.splice(0)) done();
    },
  };
  return { socket, sent, asWebSocket: socket as unknown as WebSocket };
}

const pass = (frame: ResponseFrame): ShapedFrame => ({ send: frame, drop: false });
const tick = () => new Promise((resolve) => setImmediate(resolve));

/** Frames of `count` packets of `size` characters, recording how many were pulled and whether it was closed. */
function producer(count: number, size: number) {
  const state = { pulled: 0, closed: false };
  async function* frames(): AsyncGenerator<ResponseFrame> {
    try {
      for (let i = 0; i < count; i += 1) {
        state.pulled += 1;
        yield streamFrame({ index: i, data: 'x'.repeat(size) }, 'e');
      }
    } finally {
      state.closed = true;
    }
  }
  return { state, frames: frames() };
}

describe('sendLazily', () => {
  it('pulls the next frame only once the bytes queued on the socket drain below the bound', async () => {
    const { socket, sent, asWebSocket } = fakeSocket();
    const { state, frames } = producer(6, 1000);
    const done = sendLazily(asWebSocket, frames, pass, 2500);
    await tick();
    expect(state.pulled).toBe(3);
    expect(sent).toHaveLength(3);
    socket.flush();
    await tick();
    expect(state.pulled).toBe(6);
    socket.flush();
    await done;
    expect(sent.map((text) => (JSON.parse(text) as { data: { index: number } }).data.index)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('stops pulling and closes the producer once the socket is closed', async () => {
    const { socket, asWebSocket } = fakeSocket();
    const { state, frames } = producer(100, 1000);
    const done = sendLazily(asWebSocket, frames, pass, 1500);
    await tick();
    expect(state.pulled).toBe(2);
    socket.readyState = WebSocket.CLOSED;
    socket.flush();
    await done;
    expect(state.pulled).toBe(2);
    expect(state.closed).toBe(true);
  });

  it('destroys the socket after writing what the shaper let through when it asks for a drop', async () => {
    const { socket, sent, asWebSocket } = fakeSocket();
    const { state, frames } = producer(10, 10);
    const dropAtThird = (frame: ResponseFrame): ShapedFrame =>
      (frame.data as { index: number }).index === 2 ? { send: undefined, drop: true } : pass(frame);
    const done = sendLazily(asWebSocket, frames, dropAtThird);
    await tick();
    expect(socket.readyState).toBe(WebSocket.OPEN);
    socket.flush();
    await done;
    expect(sent).toHaveLength(2);
    expect(socket.readyState).toBe(WebSocket.CLOSED);
    expect(state.closed).toBe(true);
  });
});

describe('lazy Stream API answers', () => {
  const ctx = {} as HandlerContext;
  const answering = (result: StreamAnswer) => ({ handlers: { act: () => result }, catalogue: {} });

  it('end with a 1200 error frame when producing the rest fails', async () => {
    async function* rest(): AsyncGenerator<object> {
      yield { type: 'stream', n: 1 };
      throw new Error('disk gone');
    }
    const frames = await collectFrames(await answer({ action: 'act', params: {}, echo: 'e' }, answering(new StreamAnswer([{ type: 'stream', n: 0 }], undefined, rest())), ctx));
    expect(frames.map((f) => [f.status, f.retcode, f.stream])).toEqual([
      ['ok', 0, 'stream-action'],
      ['ok', 0, 'stream-action'],
      ['failed', 1200, 'stream-action'],
    ]);
    expect(frames[2]).toMatchObject({ message: 'disk gone', data: { type: 'error', data_type: 'error' } });
  });
});

describe('downloads and upload faults against the simulator', () => {
  let sim: Simulator;
  let client: TestClient;
  beforeEach(async () => {
    sim = await createSimulator({ catalogue: {} });
    client = await connect(sim.url);
  });
  afterEach(async () => {
    await client.close();
    await sim.close();
  });

  it('streams a file read chunk by chunk, ending with file_complete counts of what was read', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'sim-lazy-')), 'big.bin');
    const bytes = Buffer.from(Array.from({ length: 300_001 }, (_, i) => (i * 7) % 256));
    writeFileSync(path, bytes);
    client.sendText(JSON.stringify({ action: 'download_file_stream', params: { file: `file://${path}`, chunk_size: 65_536 }, echo: 'big' }));
    const last = await client.next((f) => f['echo'] === 'big' && f['data']?.type === 'response');
    const chunks = client.frames.filter((f) => f['echo'] === 'big' && f['data']?.data_type === 'file_chunk');
    expect(chunks.map((f) => f['data'].index)).toEqual([0, 1, 2, 3, 4]);
    expect(Buffer.concat(chunks.map((f) => Buffer.from(f['data'].data, 'base64'))).equals(bytes)).toBe(true);
    expect(last['data']).toMatchObject({ total_chunks: 5, total_bytes: 300_001 });
  });

  it('answers an empty file with file_info then file_complete and no chunk', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'sim-lazy-')), 'empty.bin');
    writeFileSync(path, Buffer.alloc(0));
    client.sendText(JSON.stringify({ action: 'download_file_stream', params: { file: path }, echo: 'z' }));
    await client.next((f) => f['echo'] === 'z' && f['data']?.type === 'response');
    const data = client.frames.filter((f) => f['echo'] === 'z').map((f) => f['data']);
    expect(data.map((d) => d.data_type)).toEqual(['file_info', 'file_complete']);
    expect(data[1]).toMatchObject({ total_chunks: 0, total_bytes: 0 });
  });

  it('dropAfterUploadChunks destroys the socket right after the K-th chunk acknowledgement', async () => {
    sim.dropAfterUploadChunks(2);
    const chunk = (index: number) => ({ stream_id: 'u', chunk_data: 'AAAA', chunk_index: index, total_chunks: 5 });
    expect((await client.call('upload_file_stream', chunk(0)))['data']).toMatchObject({ status: 'chunk_received', received_chunks: 1 });
    expect((await client.call('upload_file_stream', chunk(1)))['data']).toMatchObject({ status: 'chunk_received', received_chunks: 2 });
    expect(await client.closed).toBe(1006);
    const again = await connect(sim.url);
    const status = await again.call('upload_file_stream', { stream_id: 'u', verify_only: true });
    expect(status['data']).toMatchObject({ received_chunks: 2, total_chunks: 5 });
    expect((await again.call('upload_file_stream', chunk(2)))['data']).toMatchObject({ status: 'chunk_received', received_chunks: 3 });
    await again.close();
  });
});
