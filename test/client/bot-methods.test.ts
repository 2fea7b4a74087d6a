import { EMPTY, Subject, TimeoutError, concatMap, map, of } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { cq, isInvalidParamsError, segment, textOf } from '../../src/index';
import type { Dialog, Segment } from '../../src/index';
import { createTestClient } from '../../src/testing/index';
import {
  sampleFriendRequest,
  sampleGroupIncrease,
  sampleGroupRequest,
  samplePrivateMessageSent,
} from '../fixtures/events';
import { GROUP_ID, USER_ID, groupMessage, privateMessage } from '../event/operators/messages';
import { marbles } from '../helpers/marbles';

const text = (value: string): Segment => ({ type: 'text', data: { text: value } });

describe('client.reply', () => {
  it(
    'is cold and sends to the group the message came from',
    marbles((m) => {
      const client = createTestClient({ scheduler: m.scheduler });
      const event = groupMessage('ping');
      const reply = client.reply(event, 'pong');
      expect(client.calls).toHaveLength(0);
      m.expect(reply).toBeObservable('(r|)', { r: { message_id: 1 } });
      m.flush();
      expect(client.calls.map((c) => [c.action, c.params])).toEqual([
        ['send_group_msg', { group_id: GROUP_ID, message: [text('pong')] }],
      ]);
    }),
  );

  it(
    'sends privately to the user of a private message, or to the peer of the bot own one',
    marbles((m) => {
      const client = createTestClient({ scheduler: m.scheduler });
      client.reply(privateMessage('hi'), 'hello').subscribe();
      client.reply({ ...samplePrivateMessageSent(), target_id: 42 }, 'again').subscribe();
      expect(client.calls.map((c) => [c.action, c.params.user_id])).toEqual([
        ['send_private_msg', USER_ID],
        ['send_private_msg', 42],
      ]);
    }),
  );

  it(
    'quotes the message and mentions its sender when asked, mentioning only in groups',
    marbles((m) => {
      const client = createTestClient({ scheduler: m.scheduler });
      const inGroup = groupMessage('ping', { message_id: 7 });
      const inPrivate = privateMessage('ping', { message_id: 8 });
      client.reply(inGroup, [segment.face(14)], { quote: true, at: true }).subscribe();
      client.reply(inPrivate, 'pong', { quote: true, at: true }).subscribe();
      expect(client.calls.map((c) => c.params.message)).toEqual([
        [segment.reply(7), segment.at(USER_ID), text(' '), segment.face(14)],
        [segment.reply(8), text('pong')],
      ]);
    }),
  );

  it(
    'replies to a group notice in its group',
    marbles((m) => {
      const client = createTestClient({ scheduler: m.scheduler });
      client.reply(sampleGroupIncrease(), 'welcome', { at: true }).subscribe();
      expect(client.calls[0]?.params).toEqual({
        group_id: GROUP_ID,
        message: [segment.at(sampleGroupIncrease().user_id), text(' '), text('welcome')],
      });
    }),
  );

  it(
    'sends user text containing CQ code as one text segment, which CQ code writes escaped',
    marbles((m) => {
      const client = createTestClient({ scheduler: m.scheduler });
      const hostile = '[CQ:at,qq=all] free stuff &amp; more';
      client.reply(groupMessage('x'), hostile).subscribe();
      const sent = client.calls[0]?.params.message as Segment[];
      expect(sent).toEqual([text(hostile)]);
      expect(cq.stringify(sent)).toBe('&#91;CQ:at,qq=all&#93; free stuff &amp;amp; more');
      expect(cq.parse(cq.stringify(sent))).toEqual(sent);
    }),
  );

  it(
    'fails with InvalidParamsError, sending nothing, when the event names no group or user',
    marbles((m) => {
      const client = createTestClient({ scheduler: m.scheduler });
      const errors: unknown[] = [];
      client.reply({ post_type: 'meta_event' }, 'x').subscribe({ error: (e: unknown) => errors.push(e) });
      expect(errors.map((e) => isInvalidParamsError(e) && e.action)).toEqual(['reply']);
      expect(client.calls).toHaveLength(0);
    }),
  );
});

describe('client.nextMessage', () => {
  it(
    'emits the next message of the same user in the same group and completes',
    marbles((m) => {
      const question = groupMessage('/setup');
      const otherUser = groupMessage('no', { user_id: 1 });
      const otherGroup = groupMessage('no', { group_id: 2 });
      const privately = privateMessage('no');
      const answer = groupMessage('yes');
      const events = m.hot('-abcde', { a: otherUser, b: otherGroup, c: privately, d: answer, e: groupMessage('later') });
      const client = createTestClient({ events, scheduler: m.scheduler });
      m.expect(client.nextMessage(question, { timeout: 100 })).toBeObservable('----(d|)', { d: answer });
    }),
  );

  it(
    'waits for the same user in private for a private message',
    marbles((m) => {
      const question = privateMessage('hi');
      const inGroup = groupMessage('no');
      const answer = privateMessage('yes');
      const client = createTestClient({ events: m.hot('-ab', { a: inGroup, b: answer }), scheduler: m.scheduler });
      m.expect(client.nextMessage(question)).toBeObservable('--(b|)', { b: answer });
    }),
  );

  it(
    'errors with rxjs TimeoutError when no answer comes in time, in virtual time',
    marbles((m) => {
      const client = createTestClient({ events: m.hot('-'), scheduler: m.scheduler });
      const errors: unknown[] = [];
      client.nextMessage(groupMessage('q'), { timeout: 5_000 }).subscribe({ error: (e: unknown) => errors.push(e) });
      m.scheduler.schedule(() => expect(errors).toHaveLength(0), 4_999);
      m.flush();
      expect(errors).toHaveLength(1);
      expect(errors[0]).toBeInstanceOf(TimeoutError);
    }),
  );

  it(
    'does not consume the message: other subscribers still receive it',
    marbles((m) => {
      const answer = groupMessage('yes');
      const client = createTestClient({ events: m.hot('--a', { a: answer }), scheduler: m.scheduler });
      m.expect(client.nextMessage(groupMessage('q'))).toBeObservable('--(a|)', { a: answer });
      m.expect(client.groupMessages$).toBeObservable('--a', { a: answer });
    }),
  );

  it(
    'skips messages the filter rejects',
    marbles((m) => {
      const [no, yes] = [groupMessage('maybe'), groupMessage('42')];
      const client = createTestClient({ events: m.hot('-ab', { a: no, b: yes }), scheduler: m.scheduler });
      const digits = (e: { message: Segment[] }) => /^\d+$/.test(textOf(e));
      m.expect(client.nextMessage(groupMessage('q'), { filter: digits })).toBeObservable('--(b|)', { b: yes });
    }),
  );
});

describe('client.ask', () => {
  it(
    'catches an answer that arrives before the question reply does',
    marbles((m) => {
      const events = new Subject<object>();
      const question = groupMessage('/poll');
      const answer = groupMessage('blue');
      const client = createTestClient({
        events,
        scheduler: m.scheduler,
        actions: () => {
          events.next(answer);
          return m.cold('--r|', { r: { message_id: 5 } });
        },
      });
      m.expect(client.ask(question, 'Colour?', { timeout: 100 })).toBeObservable('(a|)', { a: answer });
      m.flush();
      expect(client.calls.map((c) => c.params.message)).toEqual([[text('Colour?')]]);
    }),
  );

  it(
    'fails when the question cannot be sent',
    marbles((m) => {
      const client = createTestClient({
        events: m.hot('-'),
        scheduler: m.scheduler,
        actions: () => m.cold('-#', undefined, { retcode: 1400, message: 'bad' }),
      });
      const errors: unknown[] = [];
      client.ask(groupMessage('q'), 'x', { timeout: 100 }).subscribe({ error: (e: unknown) => errors.push(e) });
      m.flush();
      expect(errors.map((e) => (e as Error).name)).toEqual(['ActionFailedError']);
    }),
  );
});

describe('client.conversation', () => {
  const setup = (d: Dialog<ReturnType<typeof groupMessage>>) =>
    d.ask('Name?').pipe(
      concatMap((name) => d.ask('Age?').pipe(map((age) => `${textOf(name)}/${textOf(age)}`))),
      concatMap((summary) => d.say(`saved ${summary}`).pipe(map(() => summary))),
    );

  it(
    'runs a multi-step dialogue in the place it started',
    marbles((m) => {
      const start = groupMessage('/setup');
      const events = m.hot('--a-b', { a: groupMessage('Ann'), b: groupMessage('30') });
      const client = createTestClient({ events, scheduler: m.scheduler });
      m.expect(client.conversation(start, setup, { timeout: 1_000 })).toBeObservable('----(s|)', { s: 'Ann/30' });
      m.flush();
      expect(client.calls.map((c) => textOf({ message: c.params.message as Segment[] }))).toEqual([
        'Name?',
        'Age?',
        'saved Ann/30',
      ]);
    }),
  );

  it(
    'completes without running the rest when the answer is a cancel word',
    marbles((m) => {
      const events = m.hot('--a', { a: groupMessage(' Cancel ') });
      const client = createTestClient({ events, scheduler: m.scheduler });
      m.expect(client.conversation(groupMessage('/setup'), setup, { cancel: ['cancel'] })).toBeObservable('--|');
      m.flush();
      expect(client.calls).toHaveLength(1);
    }),
  );

  it(
    'errors with TimeoutError when an answer does not come in time',
    marbles((m) => {
      const client = createTestClient({ events: m.hot('-'), scheduler: m.scheduler });
      m.expect(client.conversation(groupMessage('/setup'), setup, { timeout: 50 })).toBeObservable(
        '50ms #',
        undefined,
        new TimeoutError(),
      );
    }),
  );
});

describe('quick operations', () => {
  it(
    'sends .handle_quick_operation with the event as context and the operation',
    marbles((m) => {
      const client = createTestClient({ scheduler: m.scheduler });
      const event = groupMessage('spam');
      client.handleQuickOperation(event, { delete: true, kick: true, reply: 'bye' }).subscribe();
      expect(client.calls[0]).toMatchObject({
        action: '.handle_quick_operation',
        params: { context: { message_id: event.message_id, group_id: GROUP_ID }, operation: { delete: true, kick: true, reply: [text('bye')] } },
      });
    }),
  );

  it(
    'applies what a handler returns, skipping events it answers with undefined',
    marbles((m) => {
      const friend = sampleFriendRequest();
      const join = sampleGroupRequest();
      const client = createTestClient({ scheduler: m.scheduler });
      const source = m.cold('ab|', { a: friend, b: join });
      const handled = source.pipe(
        client.respondWith((r) => (r.request_type === 'friend' ? { approve: true } : r.group_id === 1 ? of({ approve: false }) : EMPTY)),
      );
      m.expect(handled).toBeObservable('ab|', { a: friend, b: join });
      m.flush();
      expect(client.calls.map((c) => c.params.operation)).toEqual([{ approve: true }]);
    }),
  );
});

describe('request helpers', () => {
  it(
    'approve and reject answer friend and group requests by their flag',
    marbles((m) => {
      const client = createTestClient({ scheduler: m.scheduler });
      client.approve(sampleFriendRequest(), { remark: 'Ming' }).subscribe();
      client.reject(sampleGroupRequest(), 'group is full').subscribe();
      client.approve(sampleGroupRequest()).subscribe();
      client.reject(sampleFriendRequest()).subscribe();
      expect(client.calls.map((c) => [c.action, c.params])).toEqual([
        ['set_friend_add_request', { flag: sampleFriendRequest().flag, approve: true, remark: 'Ming' }],
        ['set_group_add_request', { flag: sampleGroupRequest().flag, sub_type: 'add', approve: false, reason: 'group is full' }],
        ['set_group_add_request', { flag: sampleGroupRequest().flag, sub_type: 'add', approve: true }],
        ['set_friend_add_request', { flag: sampleFriendRequest().flag, approve: false }],
      ]);
    }),
  );

  it(
    'fails with InvalidParamsError for an event that is not a request',
    marbles((m) => {
      const client = createTestClient({ scheduler: m.scheduler });
      const errors: unknown[] = [];
      client.approve(groupMessage('x') as never).subscribe({ error: (e: unknown) => errors.push(e) });
      expect(errors.map((e) => isInvalidParamsError(e) && e.action)).toEqual(['approve']);
      expect(client.calls).toHaveLength(0);
    }),
  );
});

describe('the throttle option', () => {
  it(
    'spaces replies to one group through the client',
    marbles((m) => {
      const client = createTestClient({ scheduler: m.scheduler, throttle: { perTarget: { count: 1, perMs: 1_000 } } });
      const event = groupMessage('x');
      for (const answer of ['a', 'b', 'c']) client.reply(event, answer).subscribe();
      client.reply(privateMessage('y'), 'd').subscribe();
      m.flush();
      expect(client.calls.map((c) => [c.at, c.action])).toEqual([
        [0, 'send_group_msg'],
        [0, 'send_private_msg'],
        [1_000, 'send_group_msg'],
        [2_000, 'send_group_msg'],
      ]);
    }),
  );
});
