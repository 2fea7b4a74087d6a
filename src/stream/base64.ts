/** Base64 of `bytes` (Node: `Buffer`, no copy of the bytes). */
export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** The bytes of a base64 string. */
export function fromBase64(text: string): Uint8Array {
  return Buffer.from(text, 'base64');
}
