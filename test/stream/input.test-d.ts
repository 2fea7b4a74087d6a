import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expectTypeOf, it } from 'vitest';
import type { FileInput, ReadableInput } from '../../src/index';

describe('FileInput', () => {
  it('takes Node streams through a structural type, so the typings need no @types/node', () => {
    expectTypeOf(Readable.from([Buffer.from('a')])).toExtend<ReadableInput>();
    expectTypeOf(createReadStream('/dev/null')).toExtend<FileInput>();
    expectTypeOf(new Blob([])).toExtend<FileInput>();
    expectTypeOf({ pipe: 1 }).not.toExtend<FileInput>();
  });
});
