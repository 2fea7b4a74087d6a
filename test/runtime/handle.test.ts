import { type Observable, Subject, config, filter, firstValueFrom, map, mergeMap, throwError, timer } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type ClientError,
  type HandlerError,
  isHandlerError,
  isHandlerTimeoutError,
  isQueueOverflowError,
  textOf,
} from '../../src/index';
import { type TestCall, createTestClient } from '../../src/testing/index';
import { GROUP_ID, groupMessage, privateMessage } from '../event/operators/messages';
import { marbles } from '../helpers/marbles';

/** `say <text> @<group>` for a message send, the action name otherwise. */
function said(call: TestCall): string {
  const text = textOf({ message: call.params.message as never });
  return call.params.group_id !== undefined ? `${text}@${String(call.params.group_id)}` : `${text}@u${String(call.params.user_id)}`;
}

const handlerErrors = (errors: Observable<ClientError>) => errors.pipe(filter(isHandlerError));

let unhandled: ReturnType<typeof vi.fn<(e: unknown) => void>>;
beforeEach(() => {
  unhandled = vi.fn<(e: unknown) => void>();
  config.onUnhandledError = unhandled;
});
afterEach(() => {
  config.onUnhandledError = null;
  expect(unhandled).not.toHaveBeenCalled();
});

describe('client.handle: isolation', () => {
  it(
    'reports a throw, an emitted error and a failed send as HandlerErrors and answers the next events',
    marbles((m) => {
      const events = m.hot('-a-b-c-d', {
        a: groupMessage('throw'),
        b: groupMessage('emit'),
        c: groupMessage('fail'),
        d: groupMessage('ping'),
      });
      const client = createTestClient({
        events,
        scheduler: m.scheduler,
        actions: (_action, params) =>
          textOf({ message: params.message as never }) === 'fail' ? m.cold('#', undefined, { retcode: 100, message: 'nope' }) : m.cold('(r|)', { r: { message_id: 1 } }),
      });
      const errors: HandlerError[] = [];
      handlerErrors(client.errors$).subscribe((e) => errors.push(e));
      client.handle('message.group', (event, ctx) => {
        const text = textOf(event);
        if (text === 'throw') throw new Error('boom');
        if (text === 'emit') return throwError(() => new Error('emitted'));
        return ctx.reply(text);
      });
      m.expect(client.calls$.pipe(map(said))).toBeObservable('-----c-d', { c: `fail@${GROUP_ID}`, d: `ping@${GROUP_ID}` });
      m.flush();
      expect(errors.map((e) => [textOf(e.event as never), (e.cause as Error).message])).toEqual([
        ['throw', 'boom'],
        ['emit', 'emitted'],
        ['fail', 'send_group_msg failed (retcode 100, invalid-params): nope'],
      ]);
      expect(errors[0]?.message).toMatch(/^the handler of message\.group \d+ in group \d+ failed: boom$/);
    }),
  );

  it('reports a rejected Promise and answers the next event', async () => {
    const events = new Subject<object>();
    const client = createTestClient({ events });
    const failed = firstValueFrom(handlerErrors(client.errors$));
    const answered = firstValueFrom(client.calls$);
    const sub = client.handle('message.group', async (event, ctx) => {
      if (textOf(event) === 'reject') throw new Error('rejected');
      await firstValueFrom(ctx.reply('pong'));
    });
    events.next(groupMessage('reject'));
    expect(((await failed).cause as Error).message).toBe('rejected');
    events.next(groupMessage('ping'));
    expect((await answered).action).toBe('send_group_msg');
    sub.unsubscribe();
    await client.close();
  });
});

describe('client.handle: ordering', () => {
  it(
    'handles one conversation in arrival order and other conversations at the same time',
    marbles((m) => {
      const events = m.hot('-a-b-x-c', {
        a: groupMessage('a1'),
        b: groupMessage('a2'),
        x: groupMessage('b1', { group_id: 2 }),
        c: privateMessage('p1'),
      });
      const client = createTestClient({ events, scheduler: m.scheduler });
      client.handle(['message.group', 'message.private'], (event, ctx) => timer(10, m.scheduler).pipe(mergeMap(() => ctx.reply(textOf(event)))));
      m.expect(client.calls$.pipe(map(said))).toBeObservable('-----------a---x-c---b', {
        a: `a1@${GROUP_ID}`,
        b: `a2@${GROUP_ID}`,
        x: 'b1@2',
        c: expect.stringMatching(/^p1@u/) as unknown as string,
      });
    }),
  );

  it(
    "'serial' runs one at a time overall; a number runs that many at once",
    marbles((m) => {
      const events = m.hot('-abc', { a: groupMessage('1'), b: groupMessage('2', { group_id: 2 }), c: groupMessage('3', { group_id: 3 }) });
      const serial = createTestClient({ events, scheduler: m.scheduler });
      serial.handle('message.group', (e, ctx) => timer(5, m.scheduler).pipe(mergeMap(() => ctx.reply(textOf(e)))), { concurrency: 'serial' });
      const two = createTestClient({ events, scheduler: m.scheduler });
      two.handle('message.group', (e, ctx) => timer(5, m.scheduler).pipe(mergeMap(() => ctx.reply(textOf(e)))), { concurrency: 2 });
      m.expect(serial.calls$.pipe(map((c) => textOf({ message: c.params.message as never })))).toBeObservable('------1----2----3', { 1: '1', 2: '2', 3: '3' });
      m.expect(two.calls$.pipe(map((c) => textOf({ message: c.params.message as never })))).toBeObservable('------12---3', { 1: '1', 2: '2', 3: '3' });
    }),
  );
});

describe("client.handle: 'concurrent'", () => {
  it(
    'starts every event at once, with no queue to overflow',
    marbles((m) => {
      const events = m.hot('-(abc)', { a: groupMessage('1'), b: groupMessage('2'), c: groupMessage('3') });
      const client = createTestClient({ events, scheduler: m.scheduler });
      client.handle('message.group', (e, ctx) => timer(5, m.scheduler).pipe(mergeMap(() => ctx.reply(textOf(e)))), {
        concurrency: 'concurrent',
        maxQueued: 0,
      });
      m.expect(client.calls$.pipe(map((c) => textOf({ message: c.params.message as never })))).toBeObservable('------(123)', { 1: '1', 2: '2', 3: '3' });
    }),
  );
});

describe('client.handle: bounded queues', () => {
  const burst = (m: Parameters<Parameters<typeof marbles>[0]>[0]) =>
    m.hot('-abcd', { a: groupMessage('1'), b: groupMessage('2'), c: groupMessage('3'), d: groupMessage('4') });
  const texts = (calls: Observable<TestCall>) => calls.pipe(map((c) => textOf({ message: c.params.message as never })));

  it(
    "'drop-oldest' keeps the newest waiting event and reports every drop with a running count",
    marbles((m) => {
      const client = createTestClient({ events: burst(m), scheduler: m.scheduler });
      const drops: Array<[string, number]> = [];
      handlerErrors(client.errors$).subscribe((e) => {
        if (isQueueOverflowError(e.cause)) drops.push([textOf(e.event as never), e.cause.dropped]);
      });
      client.handle('message.group', (e, ctx) => timer(10, m.scheduler).pipe(mergeMap(() => ctx.reply(textOf(e)))), { maxQueued: 1 });
      m.expect(texts(client.calls$)).toBeObservable('-----------1---------4', { 1: '1', 4: '4' });
      m.flush();
      expect(drops).toEqual([
        ['2', 1],
        ['3', 2],
      ]);
    }),
  );

  it(
    'counts every drop but reports a burst of drops at most once a second, with the running count',
    marbles((m) => {
      const events = new Subject<object>();
      const client = createTestClient({ events, scheduler: m.scheduler });
      const reports: Array<[number, number]> = [];
      handlerErrors(client.errors$).subscribe((e) => {
        if (isQueueOverflowError(e.cause)) reports.push([m.scheduler.now(), e.cause.dropped]);
      });
      const sub = client.handle('message.group', () => timer(5_000, m.scheduler), { concurrency: 'serial', maxQueued: 10 });
      m.scheduler.schedule(() => {
        for (let i = 0; i < 1_000; i++) events.next(groupMessage(String(i)));
      }, 1);
      m.scheduler.schedule(() => {
        for (let i = 0; i < 500; i++) events.next(groupMessage(String(i)));
      }, 1_500);
      m.flush();
      expect(reports).toEqual([
        [1, 1],
        [1_001, 989],
        [2_001, 1_489],
      ]);
      sub.unsubscribe();
    }),
  );

  it.each(['drop-newest', 'error'] as const)(
    "'%s' keeps the oldest waiting event",
    (overflow) =>
    marbles((m) => {
      {
        const client = createTestClient({ events: burst(m), scheduler: m.scheduler });
        const drops: string[] = [];
        handlerErrors(client.errors$).subscribe((e) => drops.push(`${textOf(e.event as never)}:${(e.cause as { policy: string }).policy}`));
        client.handle('message.group', (e, ctx) => timer(10, m.scheduler).pipe(mergeMap(() => ctx.reply(textOf(e)))), { maxQueued: 1, overflow });
        m.expect(texts(client.calls$)).toBeObservable('-----------1---------2', { 1: '1', 2: '2' });
        m.flush();
        expect(drops).toEqual([`3:${overflow}`, `4:${overflow}`]);
      }
    })(),
  );
});

describe('client.handle: timeout', () => {
  it(
    'cancels a handling past its timeout (nothing is sent later) and reports a timeout cause',
    marbles((m) => {
      const client = createTestClient({ events: m.hot('-a-b', { a: groupMessage('slow'), b: groupMessage('fast') }), scheduler: m.scheduler });
      const errors: HandlerError[] = [];
      handlerErrors(client.errors$).subscribe((e) => errors.push(e));
      client.handle(
        'message.group',
        (e, ctx) => (textOf(e) === 'slow' ? timer(20, m.scheduler).pipe(mergeMap(() => ctx.reply('late'))) : ctx.reply('fast')),
        { timeout: 10 },
      );
      m.expect(client.calls$.pipe(map(said))).toBeObservable('-----------f', { f: `fast@${GROUP_ID}` });
      m.flush();
      expect(errors).toHaveLength(1);
      expect(isHandlerTimeoutError(errors[0]?.cause)).toBe(true);
      expect(errors[0]?.message).toMatch(/did not finish within 10 ms/);
    }),
  );
});
