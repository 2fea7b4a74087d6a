import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Subject, lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it, vi } from 'vitest';
import type { SocketOpen } from '../../src/transport/types';
import { socketFlowControl } from '../../src/stream/to-file';
import type { WriteEvent } from '../../src/stream/types';
import { type WritableChunk, writeTo } from '../../src/stream/write-to';
import { bytes, tempDir } from './helpers';

describe('writeTo', () => {
  it('pauses the source while more than 8 chunks await the disk, and resumes once they drain', async () => {
    const dir = tempDir();
    const target = join(dir, 'out.bin');
    const pause = vi.fn();
    const resume = vi.fn();
    const source = new Subject<WritableChunk>();
    const done = lastValueFrom(source.pipe(writeTo(target, { pause, resume }), toArray()));
    const parts = Array.from({ length: 20 }, () => bytes(1000));
    for (const data of parts) source.next({ data, totalBytes: 20_000 });
    expect(pause).toHaveBeenCalledTimes(1);
    expect(resume).not.toHaveBeenCalled();
    source.complete();
    const events = await done;
    expect(resume).toHaveBeenCalledTimes(1);
    expect(events).toHaveLength(21);
    expect(events.at(-1)).toEqual({ kind: 'complete', path: target, totalBytes: 20_000 });
    expect(readFileSync(target).equals(Buffer.concat(parts))).toBe(true);
    expect(readdirSync(dir)).toEqual(['out.bin']);
  });

  it('removes the temporary file and resumes the source when unsubscribed mid-write', async () => {
    const dir = tempDir();
    const resume = vi.fn();
    const source = new Subject<WritableChunk>();
    const seen: WriteEvent[] = [];
    const subscription = source.pipe(writeTo(join(dir, 'out.bin'), { pause: vi.fn(), resume })).subscribe((e) => seen.push(e));
    for (let i = 0; i < 12; i++) source.next({ data: bytes(1000) });
    subscription.unsubscribe();
    expect(resume).toHaveBeenCalledTimes(1);
    // real-time: the unlink starts at teardown and signals nothing; poll for it with a generous allowance
    await vi.waitFor(() => expect(readdirSync(dir)).toEqual([]), { timeout: 15_000 });
    expect(seen.every((e) => e.kind === 'progress')).toBe(true);
  });

  it('removes the temporary file before delivering the source error', async () => {
    const dir = tempDir();
    const source = new Subject<WritableChunk>();
    const result = lastValueFrom(source.pipe(writeTo(join(dir, 'out.bin')))).catch((e: unknown) => {
      expect(readdirSync(dir)).toEqual([]);
      return e;
    });
    source.next({ data: bytes(10) });
    source.error(new Error('boom'));
    expect(await result).toEqual(new Error('boom'));
  });
});

describe('socketFlowControl', () => {
  it('resumes the socket it paused, even after a newer socket opened', () => {
    const socket = (generation: number) => ({ type: 'open', generation, send: vi.fn(), pause: vi.fn(), resume: vi.fn() }) satisfies SocketOpen;
    const first = socket(1);
    const second = socket(2);
    let current: SocketOpen | undefined = first;
    const control = socketFlowControl(() => current);
    control.pause!();
    current = second;
    control.resume!();
    expect(first.pause).toHaveBeenCalledTimes(1);
    expect(first.resume).toHaveBeenCalledTimes(1);
    expect(second.resume).not.toHaveBeenCalled();
  });
});
