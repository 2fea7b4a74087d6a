import { type Sha256Factory, nodeSha256 } from './sha256';

/** The sha256 uploads use by default: `node:crypto` in Node (`@noble/hashes` in the browser build). */
export const defaultSha256: Sha256Factory = nodeSha256;
