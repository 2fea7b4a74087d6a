import { Observable, type Subscriber, VirtualTimeScheduler } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { CallAction } from '../../src/action/types';
import { ResumeRegistry } from '../../src/stream/resume';
import { nodeSha256 } from '../../src/stream/sha256';
import { uploadFileStream } from '../../src/stream/upload';
import type { UploadEvent } from '../../src/stream/types';
import { bytes } from './helpers';

/** A call primitive whose replies the test releases by hand. */
function manualServer() {
  const pending: Array<{ params: Record<string, unknown>; subscriber: Subscriber<unknown> }> = [];
  const sent: Array<Record<string, unknown>> = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  let maxInFlight = 0;
  const call: CallAction = (_action, params) =>
    new Observable((subscriber) => {
      const entry = { params: params as Record<string, unknown>, subscriber };
      sent.push(entry.params);
      pending.push(entry);
      maxInFlight = Math.max(maxInFlight, pending.length);
      for (const waiter of waiters.filter((w) => sent.length >= w.count)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
      return () => pending.splice(pending.indexOf(entry), 1);
    });
  /** Resolves once `count` calls have been sent in all. */
  const sentCount = (count: number): Promise<void> =>
    sent.length >= count ? Promise.resolve() : new Promise((resolve) => waiters.push({ count, resolve }));
  const answerOne = (): void => {
    const next = pending[0]!;
    const p = next.params;
    const data = p['is_complete']
      ? { type: 'response', status: 'file_complete', stream_id: p['stream_id'], received_chunks: 0, total_chunks: 0, file_path: '/srv/f', file_size: 0 }
      : { type: 'stream', status: 'chunk_received', stream_id: p['stream_id'], received_chunks: 1, total_chunks: p['total_chunks'] };
    next.subscriber.next(data);
    next.subscriber.complete();
  };
  return { call, pending, sent, sentCount, answerOne, maxInFlight: () => maxInFlight };
}

/**
 * Resolves once every queued microtask has run: an upload of in-memory bytes moves on promises only (no I/O,
 * no timer), so after this nothing more comes from it until the test answers a call.
 */
const drained = () => new Promise((resolve) => setImmediate(resolve));

const depsOf = (call: CallAction) => ({
  call,
  registry: new ResumeRegistry(new VirtualTimeScheduler()),
  sha256: nodeSha256,
  newStreamId: () => 'fixed-id',
});

describe('uploadFileStream flow control', () => {
  it('keeps at most `window` chunks in flight', async () => {
    const server = manualServer();
    const events: UploadEvent[] = [];
    const done = new Promise<void>((complete) =>
      uploadFileStream(depsOf(server.call), bytes(100), { chunkSize: 10, window: 3 }).subscribe({
        next: (e) => events.push(e),
        complete,
      }),
    );
    for (let answered = 0; answered < 10; answered++) {
      await server.sentCount(answered + Math.min(3, 10 - answered));
      await drained();
      expect(server.pending).toHaveLength(Math.min(3, 10 - answered));
      server.answerOne();
    }
    await server.sentCount(11);
    expect(server.sent.at(-1)).toMatchObject({ is_complete: true });
    server.answerOne();
    await done;
    expect(server.maxInFlight()).toBe(3);
    expect(events.filter((e) => e.kind === 'progress')).toHaveLength(10);
    expect(events.at(-1)).toMatchObject({ kind: 'complete', streamId: 'fixed-id', filePath: '/srv/f', totalBytes: 100 });
  });

  it('sends every chunk with the stream metadata and the default retention', async () => {
    const server = manualServer();
    uploadFileStream(depsOf(server.call), bytes(25), { chunkSize: 10, window: 1, filename: 'dir/x.bin' }).subscribe();
    await server.sentCount(1);
    expect(server.sent[0]).toMatchObject({
      stream_id: 'fixed-id',
      chunk_index: 0,
      total_chunks: 3,
      file_size: 25,
      filename: 'x.bin',
      file_retention: 300_000,
    });
    expect(server.sent[0]).not.toHaveProperty('expected_sha256');
  });

  it('stops sending once unsubscribed', async () => {
    const server = manualServer();
    const subscription = uploadFileStream(depsOf(server.call), bytes(100), { chunkSize: 10, window: 2 }).subscribe();
    await server.sentCount(2);
    server.answerOne();
    await server.sentCount(3);
    subscription.unsubscribe();
    expect(server.pending).toHaveLength(0);
    await drained();
    expect(server.sent).toHaveLength(3);
  });
});
