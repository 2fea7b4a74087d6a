import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { confinedPath, unsafeNameReason } from '../../src/stream/safe-path';

describe('confinedPath', () => {
  it('joins a plain file name to the directory', () => {
    expect(confinedPath('/downloads', 'photo.jpg')).toBe(join(resolve('/downloads'), 'photo.jpg'));
  });

  it.each([
    ['../evil.txt', 'it contains a path separator'],
    ['..', 'it is not a file name'],
    ['.', 'it is not a file name'],
    ['', 'it is not a file name'],
    ['/etc/passwd', 'it is an absolute path'],
    ['\\\\server\\share', 'it is an absolute path'],
    ['C:\\Windows\\evil.dll', 'it is an absolute path'],
    ['a/b.txt', 'it contains a path separator'],
    ['..\\evil.txt', 'it contains a path separator'],
    ['evil\0.txt', 'it contains a NUL byte'],
  ])('rejects %j because %s', (name, reason) => {
    expect(unsafeNameReason(name)).toBe(reason);
    expect(confinedPath('/downloads', name)).toBeUndefined();
  });

  it('accepts names that merely contain dots', () => {
    expect(confinedPath('/d', '..hidden..')).toBe(join(resolve('/d'), '..hidden..'));
  });
});

describe('names too long for a file system', () => {
  it('allows 255 UTF-8 bytes and refuses 256, counting bytes, not characters', () => {
    expect(unsafeNameReason('a'.repeat(255))).toBeUndefined();
    expect(unsafeNameReason('a'.repeat(256))).toContain('256 bytes long');
    expect(unsafeNameReason('文'.repeat(86))).toContain('258 bytes long');
  });
});
