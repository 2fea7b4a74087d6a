import { describe, expect, it } from 'vitest';
import { Lanes } from '../../src/runtime/lanes';

/** Lanes whose units end when the test says so. */
function lanes(limit: number, maxQueued = 10, overflow: 'drop-oldest' | 'drop-newest' | 'error' = 'drop-oldest') {
  const running = new Map<string, () => void>();
  const started: string[] = [];
  const dropped: string[] = [];
  const l = new Lanes<string>(limit, maxQueued, overflow, {
    start: (unit, done) => {
      started.push(unit);
      running.set(unit, done);
    },
    dropped: (unit) => dropped.push(unit),
  });
  const finish = (unit: string) => running.get(unit)?.();
  return { l, started, dropped, finish };
}

describe('Lanes', () => {
  it('forgets a key once nothing of it runs or waits, so memory follows the busy keys only', () => {
    const { l, finish } = lanes(1);
    for (let i = 0; i < 1000; i++) l.offer(`chat${i}`, `u${i}`);
    expect(l.size).toBe(1000);
    for (let i = 0; i < 1000; i++) finish(`u${i}`);
    expect(l.size).toBe(0);
  });

  it('starts the next unit of a key when one ends, in arrival order, whatever the other keys do', () => {
    const { l, started, finish } = lanes(1);
    l.offer('a', 'a1');
    l.offer('a', 'a2');
    l.offer('b', 'b1');
    expect(started).toEqual(['a1', 'b1']);
    finish('a1');
    expect(started).toEqual(['a1', 'b1', 'a2']);
  });

  it('runs a long chain of units that end synchronously without growing the stack', () => {
    let count = 0;
    const l = new Lanes<number>(1, 200_000, 'drop-newest', {
      start: (_unit, done) => {
        count++;
        done();
      },
      dropped: () => undefined,
    });
    let block: (() => void) | undefined;
    const blocking = new Lanes<number>(1, 200_000, 'drop-newest', {
      start: (unit, done) => {
        count++;
        if (unit === 0) block = done;
        else done();
      },
      dropped: () => undefined,
    });
    for (let i = 0; i < 100_000; i++) l.offer('k', i);
    for (let i = 0; i < 100_000; i++) blocking.offer('k', i);
    block?.();
    expect(count).toBe(200_000);
    expect(blocking.size).toBe(0);
  });

  it('calls whenIdle once everything ended, and clear() removes what waits', () => {
    const { l, finish, started } = lanes(1);
    l.offer('a', 'a1');
    l.offer('a', 'a2');
    let idle = 0;
    l.whenIdle(() => idle++);
    expect(l.clear()).toEqual(['a2']);
    expect(idle).toBe(0);
    finish('a1');
    expect(idle).toBe(1);
    expect(started).toEqual(['a1']);
    l.whenIdle(() => idle++);
    expect(idle).toBe(2);
  });

  it('drops by policy once a key holds maxQueued waiting units', () => {
    const oldest = lanes(1, 2, 'drop-oldest');
    for (const u of ['1', '2', '3', '4', '5']) oldest.l.offer('k', u);
    expect(oldest.dropped).toEqual(['2', '3']);
    const newest = lanes(1, 2, 'drop-newest');
    for (const u of ['1', '2', '3', '4', '5']) newest.l.offer('k', u);
    expect(newest.dropped).toEqual(['4', '5']);
    const none = lanes(1, 0, 'drop-oldest');
    for (const u of ['1', '2']) none.l.offer('k', u);
    expect(none.dropped).toEqual(['2']);
  });
});
