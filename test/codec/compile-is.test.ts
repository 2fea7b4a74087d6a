import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { compileIs, declareInlineCheck, type FieldCheck, type Is } from '../../src/codec/compile-is';
import { Id } from '../../src/codec/id';
import { objectCodec } from '../../src/codec/object';

const field = (key: string, codec: t.Mixed, extra: Partial<FieldCheck> = {}): FieldCheck => ({ key, codec, optional: false, ...extra });

function compiled(fields: readonly FieldCheck[]): Is {
  const is = compileIs(fields);
  if (is === undefined) throw new Error('compileIs gave no function');
  return is;
}

describe('compileIs', () => {
  it('compiles to a function wherever code generation is allowed', () => {
    expect(typeof compileIs([field('n', t.number)])).toBe('function');
  });

  it('rejects what is not a plain object', () => {
    const is = compiled([]);
    expect([is({}), is(null), is([]), is('x'), is(1), is(undefined)]).toEqual([true, false, false, false, false, false]);
  });

  it.each([
    ['number', t.number, 1, '1'],
    ['string', t.string, 's', 1],
    ['boolean', t.boolean, false, 0],
    ['literal', t.literal('group'), 'group', 'private'],
    ['keyof', t.keyof({ a: null, b: null }), 'b', 'toString'],
    ['declared Id', Id, '12345678901234567890', '12a'],
    ['array (through its own .is)', t.array(t.number), [1, 2], [1, 'x']],
  ] as const)('checks a %s field inline, as its codec would', (_name, codec, good, bad) => {
    const is = compiled([field('x', codec)]);
    expect([is({ x: good }), is({ x: bad }), is({})]).toEqual([true, false, codec.is(undefined)]);
  });

  it('accepts anything for an unknown field', () => {
    const is = compiled([field('x', t.unknown)]);
    expect([is({ x: null }), is({})]).toEqual([true, true]);
  });

  it('checks each field against its own codec', () => {
    const is = compiled([field('a', t.array(t.string)), field('b', t.array(t.number))]);
    expect([is({ a: ['x'], b: [1] }), is({ a: [1], b: [1] }), is({ a: ['x'], b: ['x'] })]).toEqual([true, false, false]);
  });

  it('skips an absent optional field, and a null one only when null counts as absent', () => {
    const optional = compiled([field('x', t.number, { optional: true })]);
    const nullable = compiled([field('x', t.number, { optional: true, nullIsAbsent: true })]);
    expect([optional({}), optional({ x: null }), optional({ x: 'a' })]).toEqual([true, false, false]);
    expect([nullable({}), nullable({ x: null }), nullable({ x: 'a' }), nullable({ x: 2 })]).toEqual([true, true, false, true]);
  });

  it('reads keys that need quoting', () => {
    const is = compiled([field('a"b\\c', t.number), field('', t.string)]);
    expect([is({ 'a"b\\c': 1, '': 's' }), is({ 'a"b\\c': '1', '': 's' })]).toEqual([true, false]);
  });

  it('uses a declared inline check in place of the codec tag', () => {
    const even = declareInlineCheck(
      new t.Type<number>('Even', (u): u is number => typeof u === 'number' && u % 2 === 0, t.number.validate, t.identity),
      (v) => `typeof ${v} === 'number' && ${v} % 2 === 0`,
    );
    const is = compiled([field('n', even)]);
    expect([is({ n: 2 }), is({ n: 3 })]).toEqual([true, false]);
  });

  it('writes primitive and declared checks inline, calling .is only for other codecs', () => {
    const source = String(compiled([field('n', t.number), field('s', t.string), field('id', Id), field('a', t.array(t.number), { optional: true })]));
    expect(source).toContain(`typeof v === 'number'`);
    expect(source).toContain(`typeof v === 'string'`);
    expect(source).toContain('Number.isSafeInteger(v)');
    expect(source.match(/\.is\(v\)/g)).toEqual(['.is(v)', '.is(v)']);
  });

  it('falls back to the codec when its tag is not a string', () => {
    const odd = Object.assign(
      new t.Type<number>('Odd', (u): u is number => typeof u === 'number' && u % 2 === 1, t.number.validate, t.identity),
      { _tag: 7 },
    );
    const is = compiled([field('n', odd)]);
    expect([is({ n: 3 }), is({ n: 2 })]).toEqual([true, false]);
  });
});

describe('fieldsIs compiles on first use', () => {
  it('generates nothing until the first call, then installs the compiled check as the codec’s own .is', () => {
    const calls: unknown[] = [];
    const spy = t.string.pipe(new t.Type<string, string, string>('Spy', (u): u is string => (calls.push(u), true), t.success, t.identity));
    const codec = objectCodec<{ s: string }>('Lazy', [{ key: 's', codec: spy, optional: false }]);
    const wrapper = codec.is;
    expect(calls).toEqual([]);
    expect([codec.is({ s: 'a' }), codec.is({ s: 1 })]).toEqual([true, true]);
    expect(codec.is).not.toBe(wrapper);
    expect([wrapper({ s: 'b' }), codec.is(null)]).toEqual([true, false]);
    expect(calls).toEqual([{ s: 'a' }.s, 1, 'b']);
  });
});
