import fc from 'fast-check';
import * as t from 'io-ts';
import { isRight } from 'fp-ts/lib/Either.js';
import { describe, expect, it, vi } from 'vitest';
import { optional, struct } from '../../../src/action/catalogue/shared';
import { IdParam } from '../../../src/codec/id';

const makeCodec = () =>
  struct(
    { group_id: IdParam, message: t.string, times: optional(t.number), flag: optional(t.literal('x')), role: optional(t.keyof({ owner: null, member: null })) },
    'Probe',
  );

describe('struct', () => {
  it('accepts absent optional fields and rejects absent required ones', () => {
    const codec = makeCodec();
    expect(codec.is({ group_id: 1, message: 'hi' })).toBe(true);
    expect(codec.is({ group_id: '9007199254740993', message: 'hi', times: 2, flag: 'x' })).toBe(true);
    expect(codec.is({ group_id: 10n, message: 'hi', times: undefined })).toBe(true);
    expect(codec.is({ message: 'hi' })).toBe(false);
    expect(codec.is({ group_id: 1.5, message: 'hi' })).toBe(false);
    expect(codec.is({ group_id: 2 ** 60, message: 'hi' })).toBe(false);
    expect(codec.is({ group_id: 1, message: 'hi', times: '2' })).toBe(false);
    expect(codec.is({ group_id: 1, message: 'hi', flag: 'y' })).toBe(false);
    expect(codec.is({ group_id: 1, message: 'hi', role: 'owner' })).toBe(true);
    expect(codec.is({ group_id: 1, message: 'hi', role: 'toString' })).toBe(false);
    expect(codec.is([1, 'hi'])).toBe(false);
    expect(codec.is(null)).toBe(false);
  });

  it('answers .is() the same compiled, looped (no code generation) and through .decode()', () => {
    const compiled = makeCodec();
    vi.stubGlobal('Function', function forbidden() {
      throw new EvalError('Code generation from strings disallowed for this context');
    });
    const looped = makeCodec();
    vi.unstubAllGlobals();
    expect(looped.is).not.toBe(compiled.is);
    const field = fc.oneof(fc.jsonValue(), fc.constantFrom(undefined, 'x', 'y', 1, 1.5, 2 ** 60, '99', 'a1', 'owner', 'member', 'toString'), fc.bigInt());
    const candidate = fc.record({ group_id: field, message: field, times: field, flag: field, role: field }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.oneof(candidate, fc.jsonValue()), (value) => {
        expect(compiled.is(value)).toBe(looped.is(value));
        expect(compiled.is(value)).toBe(isRight(compiled.decode(value)));
      }),
      { numRuns: 2000 },
    );
  });
});
