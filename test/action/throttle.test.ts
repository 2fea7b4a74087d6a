import { type Observable, defer, of } from 'rxjs';
import type { TestScheduler } from 'rxjs/testing';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/action/catalogue/index';
import { createThrottle, throttleActions } from '../../src/action/throttle';
import { sendTarget, targetOf, throttleCalls } from '../../src/action/throttle-calls';
import type { CallAction } from '../../src/action/types';
import { isActionTimeoutError } from '../../src/errors';
import { marbles } from '../helpers/marbles';

interface Sent {
  readonly at: number;
  readonly action: string;
  readonly to: unknown;
  readonly timeout: number | undefined;
}

/** A call primitive that records when each call is subscribed (sent) and answers through `reply`. */
function recordingCall(scheduler: TestScheduler, reply: () => Observable<unknown> = () => of('ok')) {
  const sent: Sent[] = [];
  const call: CallAction = (action, params, options) =>
    defer(() => {
      const p = params as { group_id?: number; user_id?: number };
      sent.push({ at: scheduler.now(), action, to: p.group_id ?? p.user_id, timeout: options?.timeout });
      return reply();
    });
  return { sent, call };
}

const toGroup = (group_id: number) => ({ group_id, message: 'hi' });
const toUser = (user_id: number) => ({ user_id, message: 'hi' });

describe('throttleCalls', () => {
  it(
    'spaces sends to one group by the per-target window and lets another group through at once',
    marbles((m) => {
      const { sent, call } = recordingCall(m.scheduler);
      const throttled = throttleCalls(call, { perTarget: { count: 1, perMs: 100 } }, m.scheduler).call;
      for (const id of [1, 1, 1, 2]) throttled('send_group_msg', toGroup(id)).subscribe();
      m.flush();
      expect(sent.map((s) => [s.at, s.to])).toEqual([
        [0, 1],
        [0, 2],
        [100, 1],
        [200, 1],
      ]);
    }),
  );

  it(
    'allows count sends per window before spacing them',
    marbles((m) => {
      const { sent, call } = recordingCall(m.scheduler);
      const throttled = throttleCalls(call, { perTarget: { count: 2, perMs: 100 } }, m.scheduler).call;
      for (let i = 0; i < 5; i++) throttled('send_group_msg', toGroup(7)).subscribe();
      m.flush();
      expect(sent.map((s) => s.at)).toEqual([0, 0, 100, 100, 200]);
    }),
  );

  it(
    'limits all targets together with the global window, keeping arrival order',
    marbles((m) => {
      const { sent, call } = recordingCall(m.scheduler);
      const throttled = throttleCalls(call, { global: { count: 2, perMs: 50 } }, m.scheduler).call;
      for (const id of [1, 2, 3, 4, 5]) throttled('send_group_msg', toGroup(id)).subscribe();
      m.flush();
      expect(sent.map((s) => [s.at, s.to])).toEqual([
        [0, 1],
        [0, 2],
        [50, 3],
        [50, 4],
        [100, 5],
      ]);
    }),
  );

  it(
    'does not hold a free target behind a target that is waiting for its own window',
    marbles((m) => {
      const { sent, call } = recordingCall(m.scheduler);
      const throttled = throttleCalls(
        call,
        { perTarget: { count: 1, perMs: 100 }, global: { count: 10, perMs: 100 } },
        m.scheduler,
      ).call;
      throttled('send_group_msg', toGroup(1)).subscribe();
      throttled('send_group_msg', toGroup(1)).subscribe();
      throttled('send_private_msg', toUser(1)).subscribe();
      m.flush();
      expect(sent.map((s) => [s.at, s.action])).toEqual([
        [0, 'send_group_msg'],
        [0, 'send_private_msg'],
        [100, 'send_group_msg'],
      ]);
    }),
  );

  it(
    'lets actions that send no message through without waiting',
    marbles((m) => {
      const { sent, call } = recordingCall(m.scheduler);
      const throttled = throttleCalls(call, { global: { count: 1, perMs: 1_000 } }, m.scheduler).call;
      throttled('send_group_msg', toGroup(1)).subscribe();
      throttled('set_group_ban', { group_id: 1, user_id: 2 }).subscribe();
      throttled('get_group_list', {}).subscribe();
      expect(sent.map((s) => [s.at, s.action])).toEqual([
        [0, 'send_group_msg'],
        [0, 'set_group_ban'],
        [0, 'get_group_list'],
      ]);
    }),
  );

  it(
    'emits the reply of a queued send once it is sent and answered',
    marbles((m) => {
      const { call } = recordingCall(m.scheduler, () => m.cold('--r|', { r: { message_id: 1 } }));
      const throttled = throttleCalls(call, { perTarget: { count: 1, perMs: 5 } }, m.scheduler).call;
      throttled('send_group_msg', toGroup(1)).subscribe();
      m.expect(throttled('send_group_msg', toGroup(1))).toBeObservable('-------r|', { r: { message_id: 1 } });
    }),
  );

  it(
    'sends a queued call with only the time left of its timeout',
    marbles((m) => {
      const { sent, call } = recordingCall(m.scheduler);
      const throttled = throttleCalls(call, { perTarget: { count: 1, perMs: 100 } }, m.scheduler, 30_000).call;
      throttled('send_group_msg', toGroup(1), { timeout: 500 }).subscribe();
      throttled('send_group_msg', toGroup(1), { timeout: 500 }).subscribe();
      throttled('send_group_msg', toGroup(1)).subscribe();
      m.flush();
      expect(sent.map((s) => [s.at, s.timeout])).toEqual([
        [0, 500],
        [100, 400],
        [200, 29_800],
      ]);
    }),
  );

  it(
    'fails a call still queued when its timeout runs out, unsent, and frees its place',
    marbles((m) => {
      const { sent, call } = recordingCall(m.scheduler);
      const throttled = throttleCalls(call, { perTarget: { count: 1, perMs: 100 } }, m.scheduler).call;
      const errors: unknown[] = [];
      throttled('send_group_msg', toGroup(1)).subscribe();
      throttled('send_group_msg', toGroup(1), { timeout: 60 }).subscribe({ error: (e: unknown) => errors.push(e) });
      throttled('send_group_msg', toGroup(1), { timeout: 1_000 }).subscribe();
      m.flush();
      expect(sent.map((s) => s.at)).toEqual([0, 100]);
      expect(errors).toHaveLength(1);
      const error = errors[0];
      expect(isActionTimeoutError(error) && { action: error.action, timeout: error.timeout, sent: error.sent }).toEqual({
        action: 'send_group_msg',
        timeout: 60,
        sent: false,
      });
    }),
  );

  it(
    'times a queued call out in virtual time, at its own deadline',
    marbles((m) => {
      const { call } = recordingCall(m.scheduler);
      const throttled = throttleCalls(call, { global: { count: 1, perMs: 100 } }, m.scheduler).call;
      throttled('send_group_msg', toGroup(1)).subscribe();
      const late = throttled('send_group_msg', toGroup(2), { timeout: 30 });
      m.expect(late).toBeObservable('30ms #', undefined, { name: 'ActionTimeoutError', message: expect.any(String) });
    }),
  );

  it(
    'dequeues a call unsubscribed while waiting, so the next one takes its slot',
    marbles((m) => {
      const { sent, call } = recordingCall(m.scheduler);
      const throttled = throttleCalls(call, { perTarget: { count: 1, perMs: 100 } }, m.scheduler).call;
      throttled('send_group_msg', { group_id: 1, message: 'a' }).subscribe();
      const dropped = throttled('send_group_msg', { group_id: 1, message: 'b' }).subscribe();
      throttled('send_group_msg', { group_id: 1, message: 'c' }).subscribe();
      m.scheduler.schedule(() => dropped.unsubscribe(), 50);
      m.flush();
      expect(sent.map((s) => s.at)).toEqual([0, 100]);
    }),
  );

  it(
    'leaves no timer scheduled once every queued call is unsubscribed',
    marbles((m) => {
      const { call } = recordingCall(m.scheduler);
      const throttled = throttleCalls(call, { perTarget: { count: 1, perMs: 100 } }, m.scheduler).call;
      throttled('send_group_msg', toGroup(1)).subscribe();
      const waiting = [throttled('send_group_msg', toGroup(1)).subscribe(), throttled('send_group_msg', toGroup(1)).subscribe()];
      expect(m.scheduler.actions.length).toBe(1);
      for (const s of waiting) s.unsubscribe();
      expect(m.scheduler.actions.filter((a) => !a.closed).length).toBe(0);
    }),
  );

  it('is the call itself when no limit is given', () => {
    const call: CallAction = () => of(1);
    expect(throttleCalls(call, undefined, undefined as never).call).toBe(call);
    expect(throttleCalls(call, {}, undefined as never).call).toBe(call);
  });

  it('rejects a limit without a positive integer count', () => {
    expect(() => createThrottle({ global: { count: 0, perMs: 10 } })).toThrow(RangeError);
    expect(() => createThrottle({ perTarget: { count: 1.5, perMs: 10 } })).toThrow(/perTarget/);
  });
});

describe('sendTarget', () => {
  it('names the group or user each sending action writes to', () => {
    expect(sendTarget('send_group_msg', { group_id: 5 })).toBe('group:5');
    expect(sendTarget('send_private_msg_async', { user_id: '9007199254740993' })).toBe('private:9007199254740993');
    expect(sendTarget('send_msg', { message_type: 'private', user_id: 3, group_id: 4 })).toBe('private:3');
    expect(sendTarget('send_msg', { group_id: 4, user_id: 3 })).toBe('group:4');
    expect(sendTarget('send_msg', { user_id: 3 })).toBe('private:3');
    expect(sendTarget('send_group_forward_msg_rate_limited', { group_id: 8 })).toBe('group:8');
  });

  it('counts a quick operation only when it replies', () => {
    const context = { message_type: 'group', group_id: 6, user_id: 1 };
    expect(sendTarget('.handle_quick_operation', { context, operation: { reply: 'x' } })).toBe('group:6');
    expect(sendTarget('.handle_quick_operation', { context, operation: { ban: true } })).toBeUndefined();
  });

  it('ignores actions that send no message and params that are not objects', () => {
    expect(sendTarget('set_group_ban', { group_id: 1 })).toBeUndefined();
    expect(sendTarget('send_group_msg', null)).toBeUndefined();
  });
});

describe('throttleActions', () => {
  it(
    'delays subscribing to each piped action until the shared throttle has room',
    marbles((m) => {
      const throttle = createThrottle({ perTarget: { count: 1, perMs: 20 } }, m.scheduler);
      const action = m.cold('-a|');
      m.expect(action.pipe(throttleActions(throttle, 'group:1'))).toBeObservable('-a|');
      m.expect(action.pipe(throttleActions(throttle, 'group:1'))).toBeObservable('20ms -a|');
      m.expect(action.pipe(throttleActions(throttle, 'group:2'))).toBeObservable('-a|');
      m.expect(action.pipe(throttleActions(throttle, 'group:1'))).toBeObservable('40ms -a|');
    }),
  );

  it(
    'counts the queue and empties it when waiting actions are unsubscribed',
    marbles((m) => {
      const throttle = createThrottle({ global: { count: 1, perMs: 20 } }, m.scheduler);
      const subscriptions = [1, 2, 3].map(() => m.cold('a|').pipe(throttleActions(throttle)).subscribe());
      expect(throttle.queued).toBe(2);
      for (const s of subscriptions) s.unsubscribe();
      expect(throttle.queued).toBe(0);
    }),
  );
});

describe('send targets from the catalogue rows', () => {
  it('come from the `sends` field of each sending row, and only those', () => {
    const sending = Object.entries(CATALOGUE as Record<string, { sends?: string }>)
      .filter(([, row]) => row.sends !== undefined)
      .map(([name]) => name)
      .sort();
    expect(sending).toEqual([
      '.handle_quick_operation',
      'send_forward_msg',
      'send_group_forward_msg',
      'send_group_msg',
      'send_msg',
      'send_private_forward_msg',
      'send_private_msg',
    ]);
    expect(targetOf('quick-reply', { context: { group_id: 3 }, operation: { reply: 'x' } })).toBe('group:3');
    expect(targetOf('quick-reply', { context: { group_id: 3 }, operation: {} })).toBeUndefined();
    expect(sendTarget('toString', {})).toBeUndefined();
  });
});
