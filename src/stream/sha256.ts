import { createHash } from 'node:crypto';

/** An incremental sha256: fed the bytes in order, read once as lower-case hex. */
export interface Sha256 {
  update(bytes: Uint8Array): void;
  hex(): string;
}

/** Makes a fresh {@link Sha256}; swap the factory to hash without `node:crypto` (browsers). */
export type Sha256Factory = () => Sha256;

/**
 * sha256 through `node:crypto` (native, the fastest in Node).
 *
 * @example
 * const hash = nodeSha256(); hash.update(bytes); hash.hex();
 */
export const nodeSha256: Sha256Factory = () => {
  const hash = createHash('sha256');
  return {
    update: (bytes) => {
      hash.update(bytes);
    },
    hex: () => hash.digest('hex'),
  };
};
