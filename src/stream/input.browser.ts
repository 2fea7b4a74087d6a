import { InvalidParamsError } from '../errors';
import type { ChunkSource } from './input';
import type { FileInput } from './types';

type Reader = (length: number) => Promise<Uint8Array>;

function source(size: number, name: string | undefined, reader: Reader): ChunkSource {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    size,
    name,
    read: (length) => {
      const next = tail.then(() => reader(length));
      tail = next.catch(() => undefined);
      return next;
    },
    close: () => Promise.resolve(),
  };
}

/**
 * Opens an upload's input in the browser build: bytes or a `Blob` (`File` names the upload). Paths and
 * Node streams need the Node build.
 */
export function openInput(input: FileInput): Promise<ChunkSource> {
  let offset = 0;
  if (input instanceof Uint8Array) {
    return Promise.resolve(
      source(input.length, undefined, (length) => {
        const slice = input.subarray(offset, offset + length);
        offset += slice.length;
        return Promise.resolve(slice);
      }),
    );
  }
  if (typeof Blob !== 'undefined' && input instanceof Blob) {
    const name = typeof (input as { name?: unknown }).name === 'string' ? (input as File).name : undefined;
    return Promise.resolve(
      source(input.size, name, async (length) => {
        const slice = new Uint8Array(await input.slice(offset, offset + length).arrayBuffer());
        offset += slice.length;
        return slice;
      }),
    );
  }
  return Promise.reject(new InvalidParamsError('upload_file_stream', input, 'the browser build uploads a Uint8Array or a Blob'));
}
