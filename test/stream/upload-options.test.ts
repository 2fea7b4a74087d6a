/**
 * Upload options checked before anything is sent, and `Readable` inputs that do not match their declared size
 * or are read a second time (issue 19), against the simulator.
 */
import { Readable } from 'node:stream';
import { firstValueFrom, retry } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { type TransferError, isInvalidParamsError, isTransferError } from '../../src/index';
import type { ActionCall } from '../../src/testing/index';
import { connected } from '../client/harness';
import { all, bytes, failure } from './helpers';

/** The upload calls the simulator saw, complete once a later action was answered (the server handles frames in order). */
async function uploadCallsSeen(client: Awaited<ReturnType<typeof connected>>['client'], calls: ActionCall[]): Promise<number> {
  await firstValueFrom(client.api.get_status({}));
  return calls.filter((c) => c.action === 'upload_file_stream').length;
}

describe('upload options are validated before anything is sent', () => {
  it.each([
    ['chunkSize', { chunkSize: 0 }],
    ['chunkSize', { chunkSize: 100.5 }],
    ['chunkSize', { chunkSize: -1 }],
    ['chunkSize', { chunkSize: Number.NaN }],
    ['chunkSize', { chunkSize: Infinity }],
    ['window', { window: Number.NaN }],
    ['window', { window: 0 }],
    ['window', { window: 1.5 }],
    ['size', { size: -1 }],
    ['size', { size: 10.5 }],
    ['fileRetention', { fileRetention: -5 }],
    ['fileRetention', { fileRetention: Number.NaN }],
    ['timeout', { timeout: Number.NaN }],
    ['timeout', { timeout: 0 }],
    ['streamId', { streamId: '' }],
    ['filename', { filename: '' }],
    ['expectedSha256', { expectedSha256: 'abc' }],
  ] as const)('%s %o fails with InvalidParamsError naming it', async (name, options) => {
    const { client, sim } = await connected();
    const calls: ActionCall[] = [];
    sim.calls$.subscribe((c) => calls.push(c));
    const error = await failure(client.uploadFileStream(bytes(1_000), options as never));
    expect(isInvalidParamsError(error)).toBe(true);
    expect((error as Error).message).toContain(name);
    expect(await uploadCallsSeen(client, calls)).toBe(0);
  });

  it('accepts valid options and uploads (chunkSize 100 on 1,000 bytes: 10 chunks, every byte)', async () => {
    const { client } = await connected();
    const data = bytes(1_000);
    const events = await all(client.uploadFileStream(data, { chunkSize: 100, window: 3, fileRetention: 0 }));
    expect(events.filter((e) => e.kind === 'progress')).toHaveLength(10);
    expect(events.at(-1)).toMatchObject({ kind: 'complete', totalBytes: 1_000 });
  });
});

describe('a Readable input', () => {
  it('longer than its declared size fails with TransferError SIZE_MISMATCH and never completes', async () => {
    const { client, sim } = await connected();
    const calls: ActionCall[] = [];
    sim.calls$.subscribe((c) => calls.push(c));
    const data = bytes(3_000);
    const error = (await failure(
      client.uploadFileStream(Readable.from([data.subarray(0, 1_500), data.subarray(1_500)]), { size: 1_000, chunkSize: 400 }),
    )) as TransferError;
    expect(isTransferError(error)).toBe(true);
    expect(error.code).toBe('SIZE_MISMATCH');
    expect(error.message).toMatch(/more than its declared size of 1000 bytes/);
    await firstValueFrom(client.api.get_status({}));
    expect(calls.some((c) => (c.params as { is_complete?: unknown }).is_complete === true)).toBe(false);
  });

  it('shorter than its declared size fails with TransferError SIZE_MISMATCH', async () => {
    const { client } = await connected();
    const error = (await failure(client.uploadFileStream(Readable.from([bytes(500)]), { size: 1_000 }))) as TransferError;
    expect(isTransferError(error) && error.code).toBe('SIZE_MISMATCH');
  });

  it.each([
    ['with its size', { size: 1_000 }],
    ['spooled', {}],
  ])('%s, subscribed again, fails with a typed error saying a stream cannot be read twice', async (_label, options) => {
    const { client } = await connected();
    const upload = client.uploadFileStream(Readable.from([bytes(1_000)]), { ...options, streamId: 'once' });
    expect((await all(upload)).at(-1)).toMatchObject({ kind: 'complete', totalBytes: 1_000 });
    const error = (await failure(upload)) as TransferError;
    expect(isTransferError(error)).toBe(true);
    expect(error.code).toBe('CONSUMED');
    expect(error.message).toMatch(/cannot be read twice/);
  });

  it('retried after a failure fails with CONSUMED, not AbortError or EMPTY', async () => {
    const { client } = await connected();
    const upload = client.uploadFileStream(Readable.from([bytes(500)]), { size: 1_000 });
    const errors: unknown[] = [];
    const error = await failure(upload.pipe(retry({ count: 1, delay: (e: unknown) => (errors.push(e), Promise.resolve()) })));
    expect(errors.map((e) => isTransferError(e) && e.code)).toEqual(['SIZE_MISMATCH']);
    expect(isTransferError(error) && error.code).toBe('CONSUMED');
  });
});
