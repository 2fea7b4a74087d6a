import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mayHoldUnsafeInteger, parseLossless, quoteUnsafeIntegers } from '../../src/codec/lossless-json';

describe('lossless JSON', () => {
  it('keeps integers beyond 2^53 as their exact digits', () => {
    const text = '{"user_id":12345678901234567890,"group_id":9007199254740993,"n":-9007199254740993}';
    expect(parseLossless(text)).toEqual({
      user_id: '12345678901234567890',
      group_id: '9007199254740993',
      n: '-9007199254740993',
    });
  });

  it('leaves safe integers, fractions, exponents and strings alone', () => {
    const text = '{"a":9007199254740991,"b":12345678901234567.5,"c":1e30,"d":"12345678901234567890","e":[1,2]}';
    expect(quoteUnsafeIntegers(text)).toBe(text);
  });

  it('does not touch digits inside strings, even with escaped quotes', () => {
    const text = '{"t":"a\\"12345678901234567890","id":12345678901234567890}';
    expect(parseLossless(text)).toEqual({ t: 'a"12345678901234567890', id: '12345678901234567890' });
  });

  it('pre-checks cheaply for long digit runs', () => {
    expect(mayHoldUnsafeInteger('{"a":123}')).toBe(false);
    expect(mayHoldUnsafeInteger('{"a":1234567890123456}')).toBe(true);
  });

  it('parses like JSON.parse except that unsafe integer literals become digit strings', () => {
    const unsafeToDigits = (_: string, v: unknown) =>
      typeof v === 'number' && Number.isInteger(v) && !Number.isSafeInteger(v) && Math.abs(v) < 1e21 ? String(v) : v;
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value);
        expect(parseLossless(text)).toStrictEqual(JSON.parse(text, unsafeToDigits));
      }),
      { numRuns: 300 },
    );
  });

  it('turns every unsafe integer into its digits', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 2n ** 53n, max: 2n ** 64n }), fc.boolean(), (n, negative) => {
        const digits = (negative ? -n : n).toString();
        expect(parseLossless(`{"id":${digits},"list":[${digits}]}`)).toEqual({ id: digits, list: [digits] });
      }),
    );
  });

  it('leaves long numbers with an exponent alone, whichever case the e is', () => {
    const value = Number('12345678901234567890e2');
    expect(parseLossless('[12345678901234567890e2,12345678901234567890E2]')).toEqual([value, value]);
  });
});
