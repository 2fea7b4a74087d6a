import { Subject, Subscriber, Subscription, VirtualTimeScheduler, config, firstValueFrom, map, takeUntil } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallLink } from '../../src/action/caller';
import { ActionFailedError, ActionTimeoutError } from '../../src/errors';
import type { SocketOpen } from '../../src/transport/types';
import { statusCaller } from '../helpers/status-caller';

/** A caller on one open socket; `written` holds each request's echo, `timers` the scheduler's live actions. */
function harness() {
  const scheduler = new VirtualTimeScheduler();
  const written: string[] = [];
  const socket: SocketOpen = {
    type: 'open',
    generation: 1,
    send: (text: string) => {
      written.push((JSON.parse(text) as { echo: string }).echo);
      return true;
    },
  };
  const link: CallLink = { hold: () => ({ unsubscribe: () => undefined }), socket: () => socket, closedError: () => undefined };
  const { caller, answer } = statusCaller(link, scheduler);
  const timers = () => scheduler.actions.filter((a) => !a.closed).length;
  return { scheduler, caller, answer, written, timers };
}

describe('a call subscription (one object: subscriber, subscription and pending entry)', () => {
  afterEach(() => {
    config.onUnhandledError = null;
  });

  it('is the subscription subscribe() returns: unsubscribing it leaves no pending entry and no timer', () => {
    const h = harness();
    const subscription = h.caller.call('get_status', undefined).subscribe();
    expect(subscription).toBeInstanceOf(Subscription);
    expect([h.caller.pending, h.timers()]).toEqual([1, 1]);
    subscription.unsubscribe();
    subscription.unsubscribe();
    expect([h.caller.pending, h.timers(), subscription.closed]).toEqual([0, 0, true]);
    h.answer('tag:1'); // late: dropped
  });

  it('completes through an observer, then holds nothing: no entry, no timer, closed', () => {
    const h = harness();
    const seen: unknown[] = [];
    const subscription = h.caller.call('get_status', undefined).subscribe({ next: (v) => seen.push(v), complete: () => seen.push('done') });
    h.answer('tag:1');
    expect(seen).toEqual([{ online: true }, 'done']);
    expect([h.caller.pending, h.timers(), subscription.closed]).toEqual([0, 0, true]);
  });

  it('takes separate next / error / complete callbacks as Observable.subscribe does', () => {
    const h = harness();
    const seen: unknown[] = [];
    h.caller.call('get_status', undefined).subscribe((v) => seen.push(v), undefined, () => seen.push('done'));
    h.answer('tag:1');
    expect(seen).toEqual([{ online: true }, 'done']);
  });

  it('is released when the operator subscriber it feeds is unsubscribed (takeUntil)', () => {
    const h = harness();
    const stop = new Subject<void>();
    h.caller.call('get_status', undefined).pipe(map(String), takeUntil(stop)).subscribe();
    expect(h.caller.pending).toBe(1);
    stop.next();
    expect([h.caller.pending, h.timers()]).toEqual([0, 0]);
  });

  it('sends nothing when subscribed by a subscriber that is already closed', () => {
    const h = harness();
    const closed = new Subscriber<unknown>();
    closed.unsubscribe();
    h.caller.call('get_status', undefined).subscribe(closed);
    expect([h.written, h.caller.pending, h.timers()]).toEqual([[], 0, 0]);
  });

  it('delivers to a subscriber it is given (firstValueFrom), which ends it', async () => {
    const h = harness();
    const value = firstValueFrom(h.caller.call('get_status', undefined));
    h.answer('tag:1');
    expect(await value).toEqual({ online: true });
    expect([h.caller.pending, h.timers()]).toEqual([0, 0]);
  });

  it('reports a next handler that throws the RxJS way (onUnhandledError), and the call still ends', async () => {
    const h = harness();
    const boom = new Error('boom');
    const reported = new Promise<unknown>((resolve) => {
      config.onUnhandledError = resolve;
    });
    h.caller.call('get_status', undefined).subscribe({
      next: () => {
        throw boom;
      },
    });
    h.answer('tag:1');
    expect([h.caller.pending, h.timers()]).toEqual([0, 0]);
    expect(await reported).toBe(boom);
  });

  it('reports an error no handler takes the RxJS way, without throwing into the reply path', async () => {
    const h = harness();
    const reported = new Promise<unknown>((resolve) => {
      config.onUnhandledError = resolve;
    });
    h.caller.call('get_status', undefined).subscribe();
    h.caller.reply({ kind: 'reply', text: '', reply: { status: 'failed', retcode: 1400, data: null, echo: 'tag:1' } });
    expect(h.caller.pending).toBe(0);
    expect(await reported).toBeInstanceOf(ActionFailedError);
  });

  it('keeps a deadline exact whatever its size: whole ms, past 2^31 ms, fractional', () => {
    const h = harness();
    const expired: Array<[number, number]> = [];
    for (const timeout of [1_000, 2 ** 31 + 5, 2.5]) {
      h.caller.call('get_status', undefined, { timeout }).subscribe({
        error: (e: unknown) => {
          if (e instanceof ActionTimeoutError) expired.push([e.timeout, h.scheduler.now()]);
        },
      });
    }
    h.scheduler.flush();
    expect(expired).toEqual([
      [2.5, 2.5],
      [1_000, 1_000],
      [2 ** 31 + 5, 2 ** 31 + 5],
    ]);
  });

  it('sends once per subscription, each with its own echo', () => {
    const h = harness();
    const call = h.caller.call('get_status', undefined);
    call.subscribe();
    call.subscribe();
    expect(h.written).toEqual(['tag:1', 'tag:2']);
  });
});
