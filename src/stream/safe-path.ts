import { join, resolve, sep } from 'node:path';

/** The longest file name (in UTF-8 bytes) the common file systems store (ext4, APFS, NTFS, …). */
export const MAX_NAME_BYTES = 255;

/**
 * Why a file name cannot be used inside a directory, or `undefined` when it is a plain file name that fits
 * (at most {@link MAX_NAME_BYTES} UTF-8 bytes).
 */
export function unsafeNameReason(name: string): string | undefined {
  if (name === '' || name === '.' || name === '..') return 'it is not a file name';
  const bytes = Buffer.byteLength(name, 'utf8');
  if (bytes > MAX_NAME_BYTES) return `it is ${bytes} bytes long, more than the ${MAX_NAME_BYTES} a file system stores`;
  if (name.includes('\0')) return 'it contains a NUL byte';
  if (/^[a-zA-Z]:/.test(name) || name.startsWith('/') || name.startsWith('\\')) return 'it is an absolute path';
  if (name.includes('/') || name.includes('\\')) return 'it contains a path separator';
  return undefined;
}

/**
 * The path of `name` inside `dir`, or `undefined` when `name` could escape it (`../`, absolute paths, path
 * separators, NUL): a name from a server is used only as a plain file name.
 *
 * @example
 * confinedPath('/downloads', 'a.png');     // '/downloads/a.png'
 * confinedPath('/downloads', '../a.png');  // undefined
 */
export function confinedPath(dir: string, name: string): string | undefined {
  if (unsafeNameReason(name) !== undefined) return undefined;
  const root = resolve(dir);
  const path = join(root, name);
  return path.startsWith(root.endsWith(sep) ? root : root + sep) ? path : undefined;
}
