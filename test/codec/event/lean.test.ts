import { afterEach, describe, expect, it, vi } from 'vitest';
import * as t from 'io-ts';
import fc from 'fast-check';
import { isRight } from 'fp-ts/lib/Either.js';
import { Id } from '../../../src/codec/id';
import { compileIs } from '../../../src/codec/compile-is';
import { lean, nullable } from '../../../src/codec/event/lean';

const shape = [
  { time: t.number, self_id: Id, post_type: t.literal('notice'), ok: t.boolean, name: t.string },
  { card: t.string, anonymous: nullable(t.type({ id: Id }, 'Anon')), sub: t.keyof({ a: null, b: null }) },
] as const;

function makeCodec() {
  return lean(shape[0], shape[1], 'Sample');
}

const valid = { time: 1, self_id: 2, post_type: 'notice', ok: true, name: 'n' };

describe('lean', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('accepts objects with optional keys absent, undefined or valid, and keeps unknown keys', () => {
    const codec = makeCodec();
    expect(codec.is(valid)).toBe(true);
    expect(codec.is({ ...valid, card: undefined, anonymous: null })).toBe(true);
    expect(codec.is({ ...valid, card: 'c', anonymous: { id: '123' }, sub: 'b', extra: [1] })).toBe(true);
  });

  it.each([
    ['a required key is missing', { time: 1, self_id: 2, post_type: 'notice', ok: true }],
    ['a literal differs', { ...valid, post_type: 'message' }],
    ['a boolean is a string', { ...valid, ok: 'true' }],
    ['an optional key has the wrong type', { ...valid, card: 1 }],
    ['a nullable object is malformed', { ...valid, anonymous: { id: 1.5 } }],
    ['a keyof value is unknown', { ...valid, sub: 'c' }],
    ['the value is an array', [valid]],
    ['the value is null', null],
  ])('rejects the value when %s', (_label, value) => {
    expect(makeCodec().is(value)).toBe(false);
  });

  it('decodes without copying: a success returns the same object', () => {
    const value = { ...valid, extra: 1 };
    const result = makeCodec().decode(value);
    expect(isRight(result) && result.right).toBe(value);
  });

  it('falls back to a loop with the same answers where code generation is forbidden', () => {
    const compiled = makeCodec();
    vi.stubGlobal('Function', function forbidden() {
      throw new EvalError('Code generation from strings disallowed for this context');
    });
    expect(compileIs([{ key: 'a', codec: t.number, optional: false }])).toBeUndefined();
    const looped = makeCodec();
    vi.unstubAllGlobals();
    const field = fc.oneof(fc.jsonValue(), fc.constantFrom(undefined, 'notice', 'a', 'b', 1, 2 ** 60, '99'));
    const candidate = fc.record(
      { time: field, self_id: field, post_type: field, ok: field, name: field, card: field, anonymous: field, sub: field },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(candidate, fc.constant(valid), fc.jsonValue()), (value) => {
        expect(compiled.is(value)).toBe(looped.is(value));
        expect(compiled.is(value)).toBe(isRight(compiled.decode(value)));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads keys that are not identifiers safely in compiled code', () => {
    const codec = lean({ "it's": t.number, 'a"b\\c': t.string }, { '\u2028': t.boolean }, 'Odd');
    expect(codec.is({ "it's": 1, 'a"b\\c': 's' })).toBe(true);
    expect(codec.is({ "it's": 1, 'a"b\\c': 's', '\u2028': 'x' })).toBe(false);
  });
});
