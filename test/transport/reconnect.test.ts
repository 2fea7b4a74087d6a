import { defer, throwError } from 'rxjs';
import { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { AuthError, DisconnectedError } from '../../src/errors';
import { isFatal, reconnect } from '../../src/transport/reconnect';

const testScheduler = () => new TestScheduler((actual, expected) => expect(actual).toStrictEqual(expected));
const isOpen = (v: string) => v === 'o';
const noJitter = { initialDelay: 10, factor: 2, jitter: 0, maxDelay: 1_000 };
const drop = new DisconnectedError('dropped', { code: 1006 });

describe('reconnect (virtual time)', () => {
  it('resubscribes after backoff delays that grow by factor', () => {
    testScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      // Fails 5 ms after each subscription: waits 10, 20, 40 ms before the next one.
      const source = cold('o 4ms #', undefined, drop);
      const result = source.pipe(reconnect({ policy: noJitter, isOpen }));
      expectObservable(result, '^ 90ms !').toBe('o 14ms o 24ms o 44ms o');
      expectSubscriptions(source.subscriptions).toBe(['^ 4ms !', '15ms ^ 4ms !', '40ms ^ 4ms !', '85ms ^ 4ms !']);
    });
  });

  it('reports each retry with its attempt number, delay and error', () => {
    const scheduler = testScheduler();
    scheduler.run(({ cold }) => {
      const retries: unknown[] = [];
      cold('o #', undefined, drop)
        .pipe(reconnect({ policy: { ...noJitter, maxAttempts: 3 }, isOpen, onRetry: (...args) => retries.push(args) }))
        .subscribe({ error: () => {} });
      scheduler.flush();
      expect(retries).toEqual([
        [1, 10, drop],
        [2, 20, drop],
        [3, 40, drop],
      ]);
    });
  });

  it('gives up after maxAttempts failed reconnects with DisconnectedError { attempts, cause, code }', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      const source = cold('#', undefined, drop);
      const expected = new DisconnectedError('gave up after 2 reconnect attempts: dropped', {
        attempts: 2,
        cause: drop,
        code: 1006,
      });
      expectObservable(source.pipe(reconnect({ policy: { ...noJitter, maxAttempts: 2 }, isOpen }))).toBe(
        '30ms #',
        undefined,
        expected,
      );
    });
  });

  it('gives up at the first failure with maxAttempts 0', () => {
    let error: unknown;
    throwError(() => drop)
      .pipe(reconnect({ policy: { maxAttempts: 0 }, isOpen }))
      .subscribe({ error: (e) => (error = e) });
    expect(error).toBeInstanceOf(DisconnectedError);
    expect((error as DisconnectedError).attempts).toBe(0);
    expect((error as DisconnectedError).cause).toBe(drop);
  });

  it('starts counting again after a connection stayed open for resetAfter', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      // Every connection stays open 50 ms; with resetAfter 50 each drop is a first attempt again (10 ms wait).
      const source = cold('o 49ms #', undefined, drop);
      const policy = { ...noJitter, maxAttempts: 1, resetAfter: 50 };
      expectObservable(source.pipe(reconnect({ policy, isOpen })), '^ 200ms !').toBe('o 59ms o 59ms o 59ms o');
    });
  });

  it('starts the resetAfter clock only at a value isOpen recognises', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      const source = cold('x 49ms #', undefined, drop);
      const policy = { ...noJitter, maxAttempts: 1, resetAfter: 50 };
      const expected = new DisconnectedError('gave up after 1 reconnect attempts: dropped', { attempts: 1, cause: drop, code: 1006 });
      expectObservable(source.pipe(reconnect({ policy, isOpen })), '^ 200ms !').toBe('x 59ms x 49ms #', undefined, expected);
    });
  });

  it('gives up with a bare message when the last failure is not an Error instance', () => {
    let error: unknown;
    const errorLike = { name: 'Error', message: 'boom' } as Error;
    throwError(() => errorLike)
      .pipe(reconnect({ policy: { maxAttempts: 0 }, isOpen }))
      .subscribe({ error: (e) => (error = e) });
    expect((error as DisconnectedError).message).toBe('gave up after 0 reconnect attempts');
  });

  it('keeps counting when connections drop before resetAfter', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      const source = cold('o 48ms #', undefined, drop);
      const policy = { ...noJitter, maxAttempts: 1, resetAfter: 50 };
      const expected = new DisconnectedError('gave up after 1 reconnect attempts: dropped', {
        attempts: 1,
        cause: drop,
        code: 1006,
      });
      expectObservable(source.pipe(reconnect({ policy, isOpen }))).toBe('o 58ms o 48ms #', undefined, expected);
    });
  });

  it('lets AuthError and errors flagged fatal through at once', () => {
    for (const fatal of [new AuthError(401), Object.assign(new Error('stop'), { fatal: true })]) {
      let subscriptions = 0;
      let error: unknown;
      defer(() => {
        subscriptions += 1;
        return throwError(() => fatal);
      })
        .pipe(reconnect({ policy: {}, isOpen }))
        .subscribe({ error: (e) => (error = e) });
      expect(error).toBe(fatal);
      expect(subscriptions).toBe(1);
    }
  });

  it('lets every error through unchanged with policy false', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      expectObservable(cold('o 5ms #', undefined, drop).pipe(reconnect({ policy: false, isOpen }))).toBe(
        'o 5ms #',
        undefined,
        drop,
      );
    });
  });

  it('cancels the pending wait when unsubscribed during it', () => {
    const scheduler = testScheduler();
    let resubscribed = 0;
    const failing = defer(() => {
      resubscribed += 1;
      return throwError(() => drop);
    });
    const waiting = failing.pipe(reconnect({ policy: noJitter, isOpen, scheduler })).subscribe();
    expect(resubscribed).toBe(1);
    expect(scheduler.actions.length).toBe(1);
    waiting.unsubscribe();
    scheduler.flush();
    expect(resubscribed).toBe(1);
    expect(scheduler.actions.filter((a) => !a.closed).length).toBe(0);
  });

  it('passes values and completion through', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      expectObservable(cold('o a b |').pipe(reconnect({ policy: {}, isOpen }))).toBe('o a b |');
    });
  });
});

describe('isFatal', () => {
  it('is true only for AuthError and objects flagged fatal: true', () => {
    expect(
      [new AuthError(401), { fatal: true }, { fatal: 'yes' }, new Error('x'), 'fatal', null, undefined].map(isFatal),
    ).toEqual([true, true, false, false, false, false, false]);
  });
});
