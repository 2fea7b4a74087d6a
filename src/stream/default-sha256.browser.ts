import type { Sha256Factory } from './sha256';
import { nobleSha256 } from './sha256-noble';

/** The sha256 uploads use by default in the browser build: `@noble/hashes`. */
export const defaultSha256: Sha256Factory = nobleSha256;
