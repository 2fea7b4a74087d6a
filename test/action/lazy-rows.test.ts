import { describe, expect, it } from 'vitest';
import { lazyRows } from '../../src/action/lazy-rows';

/** A table over `names` whose load is counted and returns `rows` (or throws while `fail` says so). */
function counted(names: readonly string[], rows: Record<string, { doc: string }>, fail = { times: 0 }) {
  let loads = 0;
  const table = lazyRows(names, () => {
    loads++;
    if (fail.times > 0) {
      fail.times--;
      throw new Error('chunk failed');
    }
    return rows;
  });
  return { table, loads: () => loads };
}

const ROWS = { send_like: { doc: 'likes' }, get_status: { doc: 'status' } };

describe('lazyRows (the Node build\'s catalogue table)', () => {
  it('answers keys, in and hasOwn without loading', () => {
    const { table, loads } = counted(['send_like', 'get_status'], ROWS);
    expect(Object.keys(table)).toEqual(['send_like', 'get_status']);
    expect('send_like' in table).toBe(true);
    expect(Object.hasOwn(table, 'get_status')).toBe(true);
    expect(Object.hasOwn(table, 'nope')).toBe(false);
    expect(loads()).toBe(0);
  });

  it('loads once, on the first read of any row, and then holds plain data properties', () => {
    const { table, loads } = counted(['send_like', 'get_status'], ROWS);
    expect(table.get_status).toBe(ROWS.get_status);
    expect(table.send_like).toBe(ROWS.send_like);
    expect({ ...table }).toEqual(ROWS);
    expect(loads()).toBe(1);
    expect(Object.getOwnPropertyDescriptor(table, 'send_like')).toEqual({
      value: ROWS.send_like,
      writable: true,
      enumerable: true,
      configurable: true,
    });
    expect(Object.keys(table)).toEqual(['send_like', 'get_status']);
  });

  it('spreads to every row (a spread reads each key after the first read loaded them all)', () => {
    const { table, loads } = counted(['send_like', 'get_status'], ROWS);
    expect(Object.entries(table)).toEqual(Object.entries(ROWS));
    expect(loads()).toBe(1);
  });

  it('leaves the table as it was when load throws, and loads on the next read', () => {
    const { table, loads } = counted(['send_like', 'get_status'], ROWS, { times: 1 });
    expect(() => table.send_like).toThrow('chunk failed');
    expect(typeof Object.getOwnPropertyDescriptor(table, 'send_like')?.get).toBe('function');
    expect(table.send_like).toBe(ROWS.send_like);
    expect(loads()).toBe(2);
  });
});
