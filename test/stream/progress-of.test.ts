import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { progressFigures, progressOf } from '../../src/stream/progress-of';

describe('progressOf', () => {
  it('adds percent, rate and ETA timed from subscription on the given scheduler', () => {
    const scheduler = new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
    scheduler.run(({ cold, expectObservable }) => {
      const values = {
        a: { kind: 'progress', receivedBytes: 250, totalBytes: 1000 },
        b: { kind: 'progress', receivedBytes: 500, totalBytes: 1000 },
        c: { kind: 'complete', totalBytes: 1000 },
      };
      const source = cold('1000ms a 999ms b 999ms (c|)', values);
      expectObservable(source.pipe(progressOf(scheduler))).toBe('1000ms a 999ms b 999ms (c|)', {
        a: { ...values.a, percent: 25, bytesPerSecond: 250, etaMs: 3000 },
        b: { ...values.b, percent: 50, bytesPerSecond: 250, etaMs: 2000 },
        c: { ...values.c, percent: 100, bytesPerSecond: 1000 / 3, etaMs: 0 },
      });
    });
  });

  it('reads bytesSent of uploads', () => {
    expect(progressFigures(300, 600, 3000)).toEqual({ percent: 50, bytesPerSecond: 100, etaMs: 3000 });
  });

  it('reports no ETA before any time has passed, and 0 % while the total is unknown', () => {
    expect(progressFigures(100, 1000, 0)).toEqual({ percent: 10, bytesPerSecond: 0, etaMs: undefined });
    expect(progressFigures(100, 0, 1000)).toEqual({ percent: 0, bytesPerSecond: 100, etaMs: undefined });
  });
});
