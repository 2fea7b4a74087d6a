import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EchoSlots } from '../../src/action/echo-slots';

interface Call {
  readonly echo: number | string;
}

const call = (echo: number | string): Call => ({ echo });

describe('EchoSlots (calls in flight by echo)', () => {
  it('finds, replaces and removes calls by echo; numbers and strings alike', () => {
    const slots = new EchoSlots<Call>();
    const [a, b, s] = [call(1), call(2), call('x')];
    slots.set(a);
    slots.set(b);
    slots.set(s);
    expect([slots.get(1), slots.get(2), slots.get('x'), slots.get(3), slots.get('1'), slots.size]).toEqual([a, b, s, undefined, undefined, 3]);
    const a2 = call(1);
    slots.set(a2);
    expect([slots.get(1), slots.size]).toEqual([a2, 3]);
    expect([slots.delete(1), slots.delete(1), slots.delete('x'), slots.delete(7), slots.size]).toEqual([true, false, true, false, 1]);
  });

  it('keeps an older call whose slot a newer one takes (a long stream while many calls pass)', () => {
    const slots = new EchoSlots<Call>();
    const stream = call(5);
    slots.set(stream);
    for (let n = 6; n < 6 + 5 * 1024; n++) {
      slots.set(call(n));
      slots.delete(n);
    }
    expect([slots.get(5), slots.size]).toEqual([stream, 1]);
    expect(slots.delete(5)).toBe(true);
    expect(slots.size).toBe(0);
  });

  it('grows past half full, and lists calls in the order they were added', () => {
    const slots = new EchoSlots<Call>();
    const calls = Array.from({ length: 3000 }, (_, i) => call(i + 1));
    for (const c of calls) slots.set(c);
    expect(slots.size).toBe(3000);
    expect(calls.every((c) => slots.get(c.echo) === c)).toBe(true);
    expect(slots.values()).toEqual(calls);
  });

  it('behaves as a Map for any sequence of adds and deletes (numbers in call order, strings, long-lived calls)', () => {
    const op = fc.oneof(
      fc.record({ add: fc.constant(true as const) }),
      fc.record({ remove: fc.nat(40) }),
      fc.record({ name: fc.constantFrom('a', 'b', 'c') }),
      fc.record({ jump: fc.integer({ min: 1, max: 5000 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const slots = new EchoSlots<Call>();
        const model = new Map<number | string, Call>();
        let next = 1;
        for (const o of ops) {
          if ('add' in o) {
            const c = call(next++);
            slots.set(c);
            model.set(c.echo, c);
          } else if ('jump' in o) next += o.jump;
          else if ('name' in o) {
            const c = call(o.name);
            slots.set(c);
            model.delete(o.name);
            model.set(o.name, c);
          } else {
            const echo = Math.max(1, next - 1 - o.remove);
            expect(slots.delete(echo)).toBe(model.delete(echo));
          }
          expect(slots.size).toBe(model.size);
        }
        for (const [echo, c] of model) expect(slots.get(echo)).toBe(c);
        const numbers = [...model.values()].filter((c) => typeof c.echo === 'number');
        const names = [...model.values()].filter((c) => typeof c.echo === 'string');
        expect(slots.values()).toEqual([...numbers, ...names]);
      }),
    );
  });
});
