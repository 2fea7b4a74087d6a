import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { Sha256Factory } from './sha256';

/**
 * sha256 in pure JavaScript through `@noble/hashes`, for builds without `node:crypto`.
 *
 * @example
 * const hash = nobleSha256(); hash.update(bytes); hash.hex();
 */
export const nobleSha256: Sha256Factory = () => {
  const hash = sha256.create();
  return {
    update: (bytes) => {
      hash.update(bytes);
    },
    hex: () => bytesToHex(hash.digest()),
  };
};
