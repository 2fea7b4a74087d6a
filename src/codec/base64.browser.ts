/** Bytes per `String.fromCharCode` call (keeps the argument list short). */
const SLICE = 0x8000;

/** Base64 of `bytes` through `btoa` (browser build). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += SLICE) binary += String.fromCharCode(...bytes.subarray(i, i + SLICE));
  return btoa(binary);
}

/**
 * The bytes of a canonical, padded base64 string through `atob` (browser build), or `undefined` when `text`
 * is anything else (`atob` forgives whitespace and missing padding, so the bytes are encoded back and compared).
 */
export function fromBase64(text: string): Uint8Array | undefined {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return btoa(binary) === text ? bytes : undefined;
}
