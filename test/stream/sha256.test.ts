import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nobleSha256 } from '../../src/stream/sha256-noble';
import { nodeSha256 } from '../../src/stream/sha256';

const digest = (factory: typeof nodeSha256, parts: Uint8Array[]): string => {
  const hash = factory();
  for (const part of parts) hash.update(part);
  return hash.hex();
};

describe('sha256 implementations', () => {
  it('hash the empty input to the known digest', () => {
    expect(digest(nodeSha256, [])).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(digest(nobleSha256, [])).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('agree on any input fed in any pieces', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 200 }), { maxLength: 8 }), (parts) => {
        expect(digest(nobleSha256, parts)).toBe(digest(nodeSha256, parts));
      }),
    );
  });
});
