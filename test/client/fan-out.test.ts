import { Subject, type SubjectLike, Subscriber, VirtualTimeScheduler, defer, share, take, timer } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { FanOut } from '../../src/client/fan-out';

/** Runs the same script against a FanOut and an RxJS Subject: both must behave alike. */
function script(subject: SubjectLike<number>): string[] {
  const seen: string[] = [];
  const observer = (name: string) => ({
    next: (v: number) => seen.push(`${name}:${v}`),
    error: (e: unknown) => seen.push(`${name}:error ${String(e)}`),
    complete: () => seen.push(`${name}:complete`),
  });
  const a = new Subscriber<number>(observer('a'));
  subject.subscribe(a);
  let late: Subscriber<number> | undefined;
  // b unsubscribes a during its first value and subscribes c: a no longer acts on it, c gets only later ones.
  const b = new Subscriber<number>({
    next: (v) => {
      seen.push(`b:${v}`);
      if (v === 1) {
        a.unsubscribe();
        late = new Subscriber<number>(observer('c'));
        subject.subscribe(late);
      }
    },
    error: (e: unknown) => seen.push(`b:error ${String(e)}`),
    complete: () => seen.push('b:complete'),
  });
  subject.subscribe(b);
  subject.next(1);
  subject.next(2);
  subject.subscribe(observer('partial'));
  subject.next(3);
  subject.complete();
  subject.next(4);
  subject.subscribe(observer('after'));
  return seen;
}

describe('FanOut (the frame stream multicast)', () => {
  it('emits, adds, removes and ends exactly as an RxJS Subject does', () => {
    const expected = script(new Subject<number>());
    expect(expected).toEqual([
      'a:1',
      'b:1',
      'b:2',
      'c:2',
      'b:3',
      'c:3',
      'partial:3',
      'b:complete',
      'c:complete',
      'partial:complete',
      'after:complete',
    ]);
    expect(script(new FanOut<number>())).toEqual(expected);
  });

  it('tells a late observer the error it ended with', () => {
    const fan = new FanOut<number>();
    const seen: unknown[] = [];
    fan.subscribe({ error: (e) => seen.push(['early', e]) });
    fan.error('boom');
    fan.error('again');
    fan.subscribe({ error: (e) => seen.push(['late', e]) });
    expect(seen).toEqual([
      ['early', 'boom'],
      ['late', 'boom'],
    ]);
  });

  it('releases an observer when its handle or its subscriber is unsubscribed', () => {
    const fan = new FanOut<number>();
    const seen: number[] = [];
    const handle = fan.subscribe({ next: (v) => seen.push(v) });
    const subscriber = new Subscriber<number>({ next: (v) => seen.push(v * 10), error: () => undefined, complete: () => undefined });
    fan.subscribe(subscriber);
    fan.next(1);
    handle.unsubscribe();
    subscriber.unsubscribe();
    fan.next(2);
    expect(seen).toEqual([1, 10]);
  });

  it('serves share(): one source subscription, reset after the last subscriber leaves', () => {
    const scheduler = new VirtualTimeScheduler();
    let subscriptions = 0;
    const source = new Subject<number>();
    const shared = defer(() => {
      subscriptions++;
      return source;
    }).pipe(share({ connector: () => new FanOut<number>(), resetOnRefCountZero: () => timer(10, scheduler) }));
    const seen: number[] = [];
    shared.pipe(take(2)).subscribe((v) => seen.push(v));
    const second = shared.subscribe((v) => seen.push(v * 10));
    source.next(1);
    source.next(2);
    source.next(3);
    second.unsubscribe();
    scheduler.flush();
    shared.subscribe();
    expect([seen, subscriptions]).toEqual([[1, 10, 2, 20, 30], 2]);
  });
});
