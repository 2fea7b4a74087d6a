import { describe, expect, it } from 'vitest';
import { joinRows, lazyRows } from '../../src/action/lazy-rows';

/** Two builders whose runs are counted; the first `failures` runs of `b` throw. */
function counted(failures = 0) {
  const runs = { a: 0, b: 0 };
  let failing = failures;
  const builders = {
    a: () => {
      runs.a++;
      return { doc: 'a' };
    },
    b: () => {
      runs.b++;
      if (failing-- > 0) throw new Error('build failed');
      return { doc: 'b' };
    },
  };
  return { rows: lazyRows(builders), runs };
}

const accessors = (table: object): string[] =>
  Object.entries(Object.getOwnPropertyDescriptors(table)).flatMap(([key, d]) => (d.get === undefined ? [] : [key]));

describe('lazyRows (catalogue rows built on first read)', () => {
  it('answers keys, in and hasOwn without building', () => {
    const { rows, runs } = counted();
    expect(Object.keys(rows)).toEqual(['a', 'b']);
    expect('a' in rows && Object.hasOwn(rows, 'b') && !Object.hasOwn(rows, 'c')).toBe(true);
    expect(runs).toEqual({ a: 0, b: 0 });
  });

  it('builds a row once, on its first read, and leaves a plain data property', () => {
    const { rows, runs } = counted();
    const first = rows.a;
    expect(rows.a).toBe(first);
    expect(runs).toEqual({ a: 1, b: 0 });
    expect(Object.getOwnPropertyDescriptor(rows, 'a')).toEqual({ value: first, writable: true, enumerable: true, configurable: true });
    expect(accessors(rows)).toEqual(['b']);
    expect(Object.keys(rows)).toEqual(['a', 'b']);
    expect(Object.getPrototypeOf(rows)).toBe(Object.prototype);
  });

  it('runs a builder that threw again on the next read', () => {
    const { rows, runs } = counted(1);
    expect(() => rows.b).toThrow('build failed');
    expect(accessors(rows)).toEqual(['a', 'b']);
    expect(rows.b).toEqual({ doc: 'b' });
    expect(runs.b).toBe(2);
  });
});

describe('joinRows', () => {
  it('joins tables in order without building, and builds a row once whichever table is read first', () => {
    const one = counted();
    const two = lazyRows({ c: () => ({ doc: 'c' }) });
    const joined = joinRows(one.rows, two);
    expect(Object.keys(joined)).toEqual(['a', 'b', 'c']);
    expect(one.runs).toEqual({ a: 0, b: 0 });
    expect(joined.a).toBe(one.rows.a);
    expect(one.rows.b).toBe(joined.b);
    expect(one.runs).toEqual({ a: 1, b: 1 });
    expect(accessors(joined)).toEqual(['c']);
    expect({ ...joined }).toEqual({ a: { doc: 'a' }, b: { doc: 'b' }, c: { doc: 'c' } });
  });

  it('lets a later table win a name, as a spread does', () => {
    const joined = joinRows(lazyRows({ a: () => 1 }), lazyRows({ a: () => 2 }));
    expect(joined.a).toBe(2);
  });
});
