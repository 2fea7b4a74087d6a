import { Subject } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { DisconnectedError, type ProtocolError } from '../../src/errors';
import { HEARTBEAT_INTERVAL_RANGE, heartbeatWatchdog, isHeartbeatInterval } from '../../src/transport/heartbeat';

/** Short intervals for these tests (the default range starts at 1 s). */
const ANY_INTERVAL = { min: 1, max: 2 ** 31 - 1 };

/** Frames in marbles: `h` announces a 10 ms heartbeat interval, `H` a 20 ms one, anything else none. */
const intervalOf = (frame: string): number | undefined => ({ h: 10, H: 20 })[frame];

const testScheduler = () => new TestScheduler((actual, expected) => expect(actual).toStrictEqual(expected));

const missed = (ms: number) =>
  new DisconnectedError(`no frame for ${ms} ms: heartbeat missed`, { reason: 'heartbeat missed' });

describe('heartbeatWatchdog', () => {
  it('stays off while no frame announces an interval', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      const source = cold('a 100ms b 500ms c');
      expectObservable(source.pipe(heartbeatWatchdog({ range: ANY_INTERVAL, grace: 2, intervalOf }))).toBe('a 100ms b 500ms c');
    });
  });

  it.each([0, -10, Number.POSITIVE_INFINITY, Number.NaN])('stays off when a frame announces the unusable interval %s', (interval) => {
    testScheduler().run(({ cold, expectObservable }) => {
      const source = cold('a 100ms b');
      const watched = source.pipe(heartbeatWatchdog({ range: ANY_INTERVAL, grace: 2, intervalOf: () => interval }));
      expectObservable(watched).toBe('a 100ms b');
    });
  });

  it('errors after grace silent intervals once armed', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      const source = cold('h');
      const expected = 'h 19ms #';
      expectObservable(source.pipe(heartbeatWatchdog({ range: ANY_INTERVAL, grace: 2, intervalOf }))).toBe(expected, { h: 'h' }, missed(20));
    });
  });

  it('counts any frame as life, not only heartbeats', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      const source = cold('h 9ms x 9ms y 9ms z');
      const expected = 'h 9ms x 9ms y 9ms z 29ms #';
      expectObservable(source.pipe(heartbeatWatchdog({ range: ANY_INTERVAL, grace: 3, intervalOf }))).toBe(expected, undefined, missed(30));
    });
  });

  it('resets the silent count when a frame arrives between checks', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      // checks at 10, 20, 30 …: silent at 10, a frame at 15, silent at 20 and 30 → error at 40 (grace 2).
      const source = cold('h 14ms x');
      const expected = 'h 14ms x 24ms #';
      expectObservable(source.pipe(heartbeatWatchdog({ range: ANY_INTERVAL, grace: 2, intervalOf }))).toBe(expected, undefined, missed(20));
    });
  });

  it('re-arms with the new interval when a heartbeat announces a different one', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      // armed at 0 with 10 ms, re-armed at 5 with 20 ms: silent checks at 25 and 45 → error at 45.
      const source = cold('h 4ms H');
      const expected = 'h 4ms H 39ms #';
      expectObservable(source.pipe(heartbeatWatchdog({ range: ANY_INTERVAL, grace: 2, intervalOf }))).toBe(expected, undefined, missed(40));
    });
  });

  it('does not restart its checks when the same interval is announced again', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      // checks stay at 10, 20, 30; frames at 0 and 9 make the 10 ms check busy; silent at 20 and 30.
      const source = cold('h 8ms h');
      const expected = 'h 8ms h 20ms #';
      expectObservable(source.pipe(heartbeatWatchdog({ range: ANY_INTERVAL, grace: 2, intervalOf }))).toBe(expected, undefined, missed(20));
    });
  });

  it('never errors while heartbeats keep coming', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      const source = cold('h 9ms h 9ms h 9ms h 9ms h 9ms h 9ms |');
      const result = source.pipe(heartbeatWatchdog({ range: ANY_INTERVAL, grace: 1, intervalOf }));
      expectObservable(result).toBe('h 9ms h 9ms h 9ms h 9ms h 9ms h 9ms |');
    });
  });

  it('clears its timer on unsubscribe', () => {
    const scheduler = testScheduler();
    const source = new Subject<string>();
    const subscription = source.pipe(heartbeatWatchdog({ range: ANY_INTERVAL, grace: 1, intervalOf, scheduler })).subscribe();
    source.next('h');
    expect(scheduler.actions.length).toBe(1);
    subscription.unsubscribe();
    expect(scheduler.actions.filter((action) => !action.closed).length).toBe(0);
  });

  it('passes upstream errors and completion through unchanged', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      expectObservable(cold('h 3ms #').pipe(heartbeatWatchdog({ range: ANY_INTERVAL, grace: 2, intervalOf }))).toBe('h 3ms #');
      expectObservable(cold('h 3ms |').pipe(heartbeatWatchdog({ range: ANY_INTERVAL, grace: 2, intervalOf }))).toBe('h 3ms |');
    });
  });

  it.each([2 ** 31, 3e9, 1e308, 0.5, 999, 1500.5, 3_600_001, 0, -1, Number.NaN])(
    'ignores the announced interval %s by default and reports it once',
    (interval) => {
      testScheduler().run(({ cold, expectObservable, flush }) => {
        const rejected: ProtocolError[] = [];
        const watched = cold('a 10s a 600m a').pipe(heartbeatWatchdog({ grace: 1, intervalOf: () => interval, rejected: (e) => rejected.push(e) }));
        expectObservable(watched).toBe('a 10s a 600m a');
        flush();
        expect(rejected.map((e) => [e.name, e.details.raw])).toEqual([['ProtocolError', interval]]);
        expect(rejected[0]?.message).toContain('expected whole ms from 1000 to 3600000');
      });
    },
  );

  it('keeps the interval it is armed with when a later one is out of range', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      const intervals: Record<string, number> = { h: 1_000, x: 2 ** 31 };
      const watched = cold('h 500ms x').pipe(heartbeatWatchdog({ grace: 2, intervalOf: (f: string) => intervals[f] }));
      expectObservable(watched).toBe('h 500ms x 2498ms #', undefined, missed(2_000));
    });
  });

  it('accepts whole ms from 1 s to 1 h by default', () => {
    expect([999, 1_000, 3_600_000, 3_600_001, 1_000.5].map((ms) => isHeartbeatInterval(ms))).toEqual([false, true, true, false, false]);
    expect(HEARTBEAT_INTERVAL_RANGE).toEqual({ min: 1_000, max: 3_600_000 });
  });
});
