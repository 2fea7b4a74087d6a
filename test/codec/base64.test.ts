import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as browser from '../../src/codec/base64.browser';
import * as node from '../../src/codec/base64';

const VARIANTS = [
  ['node', node],
  ['browser', browser],
] as const;

describe.each(VARIANTS)('fromBase64 (%s build)', (_name, { fromBase64, toBase64 }) => {
  it('decodes canonical padded base64 of every length', () => {
    for (let n = 0; n < 8; n++) {
      const bytes = randomBytes(n);
      expect(Buffer.from(fromBase64(toBase64(bytes))!).equals(bytes)).toBe(true);
    }
  });

  it.each([
    ['a stray character', 'aGVs!bG8='],
    ['missing padding', 'aGk'],
    ['padding inside', 'aG=k'],
    ['too much padding', 'aGk=='],
    ['URL-safe letters', '-_-_'],
    ['whitespace', 'aGVs bG8='],
    ['a trailing newline', 'aGk=\n'],
    ['non-zero bits under the padding', 'aGl='],
  ])('rejects %s', (_what, text) => {
    expect(fromBase64(text)).toBeUndefined();
  });
});
