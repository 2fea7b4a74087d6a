import { isLeft } from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { Id, IdParam, sameId } from '../../src/codec/id';

describe('sameId', () => {
  it('compares IDs across number, string and bigint', () => {
    expect([sameId(10001, '10001'), sameId('9007199254740993', 9007199254740993n), sameId(1, 2)]).toEqual([true, true, false]);
  });

  it('never matches a missing ID against a present one, and matches two missing ones only when identical', () => {
    expect([sameId(null, 'null'), sameId('undefined', undefined), sameId(null, undefined), sameId(null, null), sameId(undefined, undefined)]).toEqual([
      false,
      false,
      false,
      true,
      true,
    ]);
  });
});

describe('Id', () => {
  it('accepts safe integers and whole strings of digits only', () => {
    expect([Id.is(1), Id.is('-12'), Id.is('a12'), Id.is('12a'), Id.is(['12']), Id.is(2 ** 53), Id.is(true)]).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('IdParam', () => {
  it('is named IdParam and explains what it wants', () => {
    const result = IdParam.decode('x1');
    expect(IdParam.name).toBe('IdParam');
    expect(isLeft(result) && result.left[0]?.message).toBe('an ID: a safe integer, a string of digits, or a bigint');
  });
});
