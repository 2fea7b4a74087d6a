import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { isInvalidParamsError, isTransferError } from '../../src/errors';
import { type ChunkSource, openInput } from '../../src/stream/input';
import { bytes, tempDir } from './helpers';

/** Reads a source in slices of `n` (all requested at once, as the upload window does). */
async function slices(source: ChunkSource, n: number): Promise<Buffer[]> {
  const count = Math.ceil(source.size / n);
  const parts = await Promise.all(Array.from({ length: count }, () => source.read(n)));
  await source.close();
  return parts.map((p) => Buffer.from(p));
}

describe('openInput', () => {
  const data = bytes(1000);
  const expectSlices = (parts: Buffer[]) => {
    expect(parts.map((p) => p.length)).toEqual([300, 300, 300, 100]);
    expect(Buffer.concat(parts).equals(data)).toBe(true);
  };

  it('reads bytes in consecutive slices', async () => {
    expectSlices(await slices(await openInput(data), 300));
  });

  it('reads a path from its file, with its size and name', async () => {
    const path = join(tempDir(), 'a.bin');
    writeFileSync(path, data);
    const source = await openInput(path);
    expect(source.size).toBe(1000);
    expect(source.name).toBe('a.bin');
    expectSlices(await slices(source, 300));
  });

  it('reads a Blob, taking the name of a File', async () => {
    const source = await openInput(new File([new Uint8Array(data)], 'b.bin'));
    expect(source.name).toBe('b.bin');
    expectSlices(await slices(source, 300));
  });

  it('re-cuts a Readable of a given size into exact slices', async () => {
    const stream = Readable.from([data.subarray(0, 7), data.subarray(7, 650), data.subarray(650)]);
    expectSlices(await slices(await openInput(stream, 1000), 300));
  });

  it('spools a Readable of unknown size to a temporary file first', async () => {
    const source = await openInput(Readable.from([data.subarray(0, 10), data.subarray(10)]));
    expect(source.size).toBe(1000);
    expectSlices(await slices(source, 300));
  });

  it('fails with TransferError SIZE_MISMATCH when a Readable ends before its declared size', async () => {
    const source = await openInput(Readable.from([data.subarray(0, 100)]), 1000);
    const error = await source.read(300).catch((e: unknown) => e);
    expect(isTransferError(error) && error.code).toBe('SIZE_MISMATCH');
    await source.close();
  });

  it('fails the read that reaches the declared size when the Readable holds more (SIZE_MISMATCH)', async () => {
    const source = await openInput(Readable.from([data.subarray(0, 100), data.subarray(100, 101)]), 100);
    const error = await source.read(100).catch((e: unknown) => e);
    expect(isTransferError(error) && error.code).toBe('SIZE_MISMATCH');
    await source.close();
  });

  it('refuses to open a Readable twice (CONSUMED)', async () => {
    const stream = Readable.from([data.subarray(0, 10)]);
    const source = await openInput(stream, 10);
    expect(await source.read(10)).toHaveLength(10);
    await source.close();
    const error = await openInput(stream, 10).catch((e: unknown) => e);
    expect(isTransferError(error) && error.code).toBe('CONSUMED');
  });

  it('rejects with ENOENT for a missing path', async () => {
    await expect(openInput(join(tempDir(), 'missing'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('rejects inputs of other kinds with InvalidParamsError', async () => {
    const error = await openInput(42 as unknown as string).catch((e: unknown) => e);
    expect(isInvalidParamsError(error)).toBe(true);
  });
});
