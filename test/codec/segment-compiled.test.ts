import fc from 'fast-check';
import { isRight } from 'fp-ts/lib/Either.js';
import { describe, expect, it, vi } from 'vitest';
import { Segment } from '../../src/codec/segment';

/** The segment codecs built where code generation is forbidden (a strict Content Security Policy). */
async function loopedSegment(): Promise<typeof Segment> {
  vi.resetModules();
  vi.stubGlobal('Function', function forbidden() {
    throw new EvalError('Code generation from strings disallowed for this context');
  });
  try {
    return (await import('../../src/codec/segment')).Segment;
  } finally {
    vi.unstubAllGlobals();
  }
}

const value = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom(undefined, null, '', 'x', 0, 1.5, -1, true),
);
const data = fc.dictionary(
  fc.constantFrom('text', 'id', 'qq', 'file', 'url', 'summary', 'sub_type', 'file_size', 'name', 'resultId', 'raw', 'seq', 'data', 'type'),
  value,
);
const segment = fc.record({
  type: fc.constantFrom('text', 'face', 'at', 'reply', 'image', 'record', 'file', 'json', 'music', 'poke', 'future', 7),
  data: fc.oneof(data, value),
});

describe('compiled segment checks', () => {
  it('answer exactly as the looped checks and as .decode() do', async () => {
    const looped = await loopedSegment();
    expect(looped).not.toBe(Segment);
    fc.assert(
      fc.property(fc.oneof(segment, fc.jsonValue()), (candidate) => {
        expect(Segment.is(candidate)).toBe(looped.is(candidate));
        expect(Segment.is(candidate)).toBe(isRight(Segment.decode(candidate)));
      }),
      { numRuns: 5000 },
    );
  });

  it('treat a null optional field as absent and a null required field as missing', () => {
    expect(Segment.is({ type: 'image', data: { file: 'a.jpg', url: null, file_size: null } })).toBe(true);
    expect(Segment.is({ type: 'image', data: { file: null } })).toBe(false);
    expect(Segment.is({ type: 'image', data: { file: 'a.jpg', file_size: true } })).toBe(false);
    expect(Segment.is({ type: 'at', data: { qq: 10001 } })).toBe(true);
    expect(Segment.is({ type: 'at', data: { qq: [] } })).toBe(false);
  });
});
