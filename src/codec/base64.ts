/** Base64 of `bytes` (Node: `Buffer`, no copy of the bytes). */
export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/**
 * The bytes of a canonical, padded base64 string, or `undefined` when `text` is anything else (a stray
 * character, missing or misplaced padding, URL-safe letters, whitespace). `Buffer.from(text, 'base64')`
 * skips what it cannot read instead of failing, so the bytes are encoded back and compared.
 *
 * @example
 * fromBase64('aGk=');  // Uint8Array [104, 105]
 * fromBase64('aGk');   // undefined (unpadded)
 */
export function fromBase64(text: string): Uint8Array | undefined {
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : undefined;
}
