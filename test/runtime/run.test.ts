import { NEVER, config, filter, map, mergeMap } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Client, type Epic, type HandlerError, isEpicStoppedError, isHandlerError, textOf } from '../../src/index';
import { createTestClient } from '../../src/testing/index';
import { groupMessage } from '../event/operators/messages';
import { marbles } from '../helpers/marbles';

let unhandled: ReturnType<typeof vi.fn<(e: unknown) => void>>;
beforeEach(() => {
  unhandled = vi.fn<(e: unknown) => void>();
  config.onUnhandledError = unhandled;
});
afterEach(() => {
  config.onUnhandledError = null;
  expect(unhandled).not.toHaveBeenCalled();
});

/** Answers `ping` with `pong` and throws on `boom`. */
const fragile: Epic<Client> = (client) =>
  client.groupMessages$.pipe(
    map((m) => {
      if (textOf(m) === 'boom') throw new Error('boom');
      return m;
    }),
    mergeMap((m) => client.reply(m, 'pong')),
  );

describe('client.run', () => {
  it(
    'reports an erroring epic as a HandlerError without event and resubscribes it',
    marbles((m) => {
      const client = createTestClient({ events: m.hot('-a-b-c', { a: groupMessage('ping'), b: groupMessage('boom'), c: groupMessage('ping') }), scheduler: m.scheduler });
      const errors: HandlerError[] = [];
      client.errors$.pipe(filter(isHandlerError)).subscribe((e) => errors.push(e));
      client.run(fragile);
      m.expect(client.calls$.pipe(map((c) => c.action))).toBeObservable('-a---c', { a: 'send_group_msg', c: 'send_group_msg' });
      m.flush();
      expect(errors).toHaveLength(1);
      expect(errors[0]?.event).toBeUndefined();
      expect(errors[0]?.epic).toBe('fragile');
      expect(errors[0]?.message).toBe('epic fragile failed: boom');
    }),
  );

  it(
    'stops an epic that fails 5 times within 10 s, and reports that it stopped',
    marbles((m) => {
      const boom = groupMessage('boom');
      const client = createTestClient({ events: m.hot('-bbbbb-p', { b: boom, p: groupMessage('ping') }), scheduler: m.scheduler });
      const errors: HandlerError[] = [];
      client.errors$.pipe(filter(isHandlerError)).subscribe((e) => errors.push(e));
      client.run(fragile);
      m.expect(client.calls$).toBeObservable('');
      m.flush();
      expect(errors).toHaveLength(5);
      expect(errors.slice(0, 4).every((e) => !isEpicStoppedError(e.cause))).toBe(true);
      expect(isEpicStoppedError(errors[4]?.cause)).toBe(true);
      expect(errors[4]?.message).toMatch(/stopped after 5 failures within 10000 ms; last: boom/);
    }),
  );

  it(
    'keeps restarting an epic whose failures are spread wider than the window',
    marbles((m) => {
      const client = createTestClient({
        events: m.hot('-b 3s b 3s b 3s b 3s b 3s b 3s p', { b: groupMessage('boom'), p: groupMessage('ping') }),
        scheduler: m.scheduler,
      });
      let failures = 0;
      client.errors$.pipe(filter(isHandlerError)).subscribe((e) => {
        failures++;
        expect(isEpicStoppedError(e.cause)).toBe(false);
      });
      client.run(fragile);
      m.expect(client.calls$.pipe(map((c) => c.action))).toBeObservable('- 18s 6ms p', { p: 'send_group_msg' });
      m.flush();
      expect(failures).toBe(6);
    }),
  );

  it(
    'stops an epic that throws synchronously on subscription without spinning',
    marbles((m) => {
      const client = createTestClient({ scheduler: m.scheduler });
      let subscriptions = 0;
      const broken: Epic<Client> = () => {
        subscriptions++;
        throw new Error('broken');
      };
      const errors: HandlerError[] = [];
      client.errors$.pipe(filter(isHandlerError)).subscribe((e) => errors.push(e));
      const sub = client.run(broken, () => NEVER);
      m.flush();
      expect(subscriptions).toBe(5);
      expect(isEpicStoppedError(errors.at(-1)?.cause)).toBe(true);
      expect(sub.closed).toBe(false);
      sub.unsubscribe();
    }),
  );
});
