import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Observable, lastValueFrom, toArray } from 'rxjs';
import { afterEach } from 'vitest';

const dirs: string[] = [];

afterEach(() => {
  while (dirs.length > 0) rmSync(dirs.pop()!, { recursive: true, force: true });
});

/** A fresh temporary directory, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'onebot-rx-stream-test-'));
  dirs.push(dir);
  return dir;
}

/** Hex sha256 of `bytes`. */
export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** `n` random bytes. */
export const bytes = (n: number): Buffer => randomBytes(n);

/** Every value of `source`, once it completes. */
export const all = <T>(source: Observable<T>): Promise<T[]> => lastValueFrom(source.pipe(toArray()));

/** The error `source` fails with (rejects when it completes instead). */
export async function failure(source: Observable<unknown>): Promise<unknown> {
  try {
    await lastValueFrom(source, { defaultValue: undefined });
  } catch (error) {
    return error;
  }
  throw new Error('expected the Observable to fail');
}
