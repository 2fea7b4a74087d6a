import { map, mergeMap, throwError } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { isActionFailedError, isActionTimeoutError, textOf } from '../../src/index';
import { createTestClient, defaultAnswers } from '../../src/testing/index';
import { GROUP_ID, groupMessage } from '../event/operators/messages';
import { marbles } from '../helpers/marbles';

describe('createTestClient', () => {
  it(
    'delivers the given events, decoded, on the typed streams at their virtual times',
    marbles((m) => {
      const ping = groupMessage('ping');
      const client = createTestClient({ events: m.hot('-a--b', { a: ping, b: { post_type: 'bogus' } }), scheduler: m.scheduler });
      m.expect(client.groupMessages$.pipe(map(textOf))).toBeObservable('-a', { a: 'ping' });
    }),
  );

  it(
    'answers actions through the actions function, in virtual time',
    marbles((m) => {
      const client = createTestClient({
        scheduler: m.scheduler,
        actions: (action) => m.cold('--r|', { r: action === 'get_login_info' ? { user_id: 1, nickname: 'bot' } : null }),
      });
      m.expect(client.getLoginInfo()).toBeObservable('--(r|)', { r: { user_id: 1, nickname: 'bot' } });
    }),
  );

  it(
    'records every call with its wire params and time',
    marbles((m) => {
      const client = createTestClient({ events: m.hot('--a', { a: groupMessage('ping') }), scheduler: m.scheduler });
      client.groupMessages$.pipe(mergeMap((e) => client.sendGroupMessage(e.group_id, 'pong'))).subscribe();
      m.expect(client.calls$.pipe(map((c) => [c.at, c.action, c.params]))).toBeObservable('--c', {
        c: [2, 'send_group_msg', { group_id: GROUP_ID, message: [{ type: 'text', data: { text: 'pong' } }] }],
      });
      m.flush();
      expect(client.calls).toHaveLength(1);
    }),
  );

  it('answers sends with counting message IDs and other actions with null by default', async () => {
    const client = createTestClient();
    const answers = defaultAnswers();
    const first = await new Promise((resolve) => answers('send_group_msg', {}).subscribe(resolve));
    const second = await new Promise((resolve) => answers('send_msg', {}).subscribe(resolve));
    const other = await new Promise((resolve) => answers('get_group_list', {}).subscribe(resolve));
    expect([first, second, other]).toEqual([{ message_id: 1 }, { message_id: 2 }, null]);
    const sent = await new Promise((resolve) => client.sendPrivateMessage(1, 'hi').subscribe(resolve));
    expect(sent).toEqual({ message_id: 1 });
    await client.close();
  });

  it(
    'turns an error with a retcode into a failed reply',
    marbles((m) => {
      const client = createTestClient({
        scheduler: m.scheduler,
        actions: () => throwError(() => Object.assign(new Error('no such action'), { retcode: 1404 })),
      });
      const errors: unknown[] = [];
      client.callApi('nope', {}).subscribe({ error: (e: unknown) => errors.push(e) });
      m.flush();
      const error = errors[0];
      expect(isActionFailedError(error) && [error.retcode, error.kind, error.message]).toEqual([
        1404,
        'unknown-action',
        expect.stringContaining('no such action'),
      ]);
    }),
  );

  it(
    'lets a call time out in virtual time when the actions function never answers',
    marbles((m) => {
      const client = createTestClient({ scheduler: m.scheduler, actions: () => m.cold('-'), actionTimeout: 50 });
      const errors: unknown[] = [];
      client.sendGroupMessage(1, 'x').subscribe({ error: (e: unknown) => errors.push(e) });
      m.flush();
      expect(errors.map((e) => isActionTimeoutError(e) && [e.timeout, e.sent])).toEqual([[50, true]]);
    }),
  );

  it(
    'leaves nothing scheduled after the last subscriber leaves and close() resolves',
    marbles(async (m) => {
      const client = createTestClient({ events: m.hot('-a', { a: groupMessage('x') }), scheduler: m.scheduler });
      const subscription = client.messages$.subscribe();
      m.flush();
      subscription.unsubscribe();
      m.flush();
      expect(m.scheduler.actions.filter((a) => !a.closed)).toHaveLength(0);
      await client.close();
    }),
  );
});
