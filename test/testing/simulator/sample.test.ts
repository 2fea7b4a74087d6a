import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { Id, IdParam } from '../../../src/codec/id';
import { HANDLERS } from '../../../src/testing/simulator/handlers';
import { sampleOf } from '../../../src/testing/simulator/sample';

describe('sampleOf', () => {
  it('fills an interface with zero values, first keys and one array element', () => {
    const codec = t.type(
      {
        name: t.string,
        count: t.number,
        ok: t.boolean,
        role: t.keyof({ owner: null, admin: null }),
        kind: t.literal('group'),
        tags: t.array(t.string),
        nothing: t.null,
        absent: t.undefined,
        anything: t.unknown,
        extra: t.UnknownRecord,
      },
      'Sample',
    );
    const sample = sampleOf(codec);
    expect(sample).toStrictEqual({
      name: '',
      count: 0,
      ok: false,
      role: 'owner',
      kind: 'group',
      tags: [''],
      nothing: null,
      absent: undefined,
      anything: null,
      extra: {},
    });
    expect(codec.is(sample)).toBe(true);
  });

  it('takes the first union member that accepts its own sample', () => {
    const codec = t.union([t.refinement(t.number, (n) => n > 5, 'Big'), t.string]);
    expect(sampleOf(codec)).toBe('');
  });

  it('merges intersections, walks partials, readonly, exact and records', () => {
    const codec = t.intersection([t.type({ a: t.number }), t.partial({ b: t.string })]);
    expect(sampleOf(codec)).toStrictEqual({ a: 0, b: '' });
    expect(sampleOf(t.readonly(t.type({ c: t.boolean })))).toStrictEqual({ c: false });
    expect(sampleOf(t.exact(t.type({ d: t.number })))).toStrictEqual({ d: 0 });
    expect(sampleOf(t.record(t.string, t.number))).toStrictEqual({});
    expect(sampleOf(t.tuple([t.string, t.number]))).toStrictEqual(['', 0]);
  });

  it('finds a value a custom codec accepts by trying candidates', () => {
    expect(sampleOf(Id)).toBe(0);
    expect(sampleOf(IdParam)).toBe(0);
    const nonEmpty = new t.Type<string, string, unknown>('NonEmpty', (u): u is string => u === '0', (u, c) => (u === '0' ? t.success(u) : t.failure(u, c)), String);
    expect(sampleOf(nonEmpty)).toBe('0');
  });

  it('satisfies a refinement by falling back to candidates', () => {
    const codec = t.refinement(t.union([t.number, t.string]), (u) => u === '', 'EmptyString');
    expect(sampleOf(codec)).toBe('');
  });

  it('stops recursive codecs at a bounded depth', () => {
    interface Tree {
      children: Tree[];
    }
    const Tree: t.Type<Tree> = t.recursion('Tree', () => t.type({ children: t.array(Tree) }));
    expect(() => sampleOf(Tree)).not.toThrow();
    expect(Tree.is(sampleOf(Tree))).toBe(true);
  });

  it('gives a sample the result codec accepts for every catalogued action without a handler', async () => {
    const { CATALOGUE } = await import('../../../src/action/catalogue');
    const rejected = Object.entries(CATALOGUE as Record<string, { result: t.Mixed }>)
      .filter(([name, row]) => !Object.hasOwn(HANDLERS, name) && !row.result.is(sampleOf(row.result)))
      .map(([name]) => name);
    expect(rejected).toStrictEqual([]);
  });
});
