import { map } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { groupAdminBot, groupAdminEpics, parseDuration, pollOptions, targetOf } from '../../examples/group-admin-bot';
import { type GroupMessageEvent, type Segment, segment, textOf } from '../../src/index';
import { type TestCall, createTestClient } from '../../src/testing/index';
import { GROUP_ID, USER_ID, groupMessage } from '../event/operators/messages';
import { sampleGroupIncrease } from '../fixtures/events';
import { marbles } from '../helpers/marbles';

const admin = (content: string | Segment[], fields: Partial<GroupMessageEvent> = {}) =>
  groupMessage(content, { sender: { user_id: USER_ID, nickname: 'Op', role: 'admin' }, ...fields });
const member = (content: string | Segment[]) =>
  groupMessage(content, { user_id: 555, sender: { user_id: 555, nickname: 'M', role: 'member' } });

/** A call as `action: text-or-params`, easy to read in marble values. */
function describeCall(call: TestCall): string {
  if (call.action !== 'send_group_msg') return `${call.action} ${JSON.stringify(call.params, Object.keys(call.params).sort())}`;
  return `say ${textOf({ message: call.params.message as Segment[] })}`;
}

describe('group admin bot helpers', () => {
  it('reads durations in seconds, minutes, hours and days, capped at 30 days', () => {
    expect(['90', '30s', '10m', '2H', '1d', '99d', '10x', ''].map(parseDuration)).toEqual([
      90, 30, 600, 7_200, 86_400, 2_592_000, undefined, undefined,
    ]);
  });

  it('finds the target in a mention first, else in a leading QQ number', () => {
    expect(targetOf({ mentions: [7], args: ['10m'] })).toEqual({ target: 7, words: ['10m'] });
    expect(targetOf({ mentions: [], args: ['123', '10m'] })).toEqual({ target: '123', words: ['10m'] });
    expect(targetOf({ mentions: [], args: ['soon'] })).toEqual({ words: ['soon'] });
  });

  it('splits poll options on commas, full-width commas and lines', () => {
    expect(pollOptions(' a, b，c\n d ,, ')).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('group admin bot', () => {
  it(
    'bans, unbans, kicks and titles for admins and tells members they cannot',
    marbles((m) => {
      const events = m.hot('-a----b----c----d----e----f', {
        a: admin([segment.text('/ban '), segment.at(42), segment.text(' 10m')]),
        b: member('/kick 42'),
        c: admin('/kick 42'),
        d: admin([segment.text('/title '), segment.at(42), segment.text(' Night owl')]),
        e: admin('/UNBAN 42'),
        f: admin('/ban 42 soon'),
      });
      const client = createTestClient({ events, scheduler: m.scheduler });
      groupAdminBot(client);
      m.expect(client.calls$.pipe(map(describeCall))).toBeObservable('-(aA)-b----(cC)-(dD)-(eE)-f', {
        a: `set_group_ban ${JSON.stringify({ duration: 600, group_id: GROUP_ID, user_id: 42 })}`,
        A: 'say Muted 42 for 600 s.',
        b: 'say Only admins can do that.',
        c: `set_group_kick ${JSON.stringify({ group_id: GROUP_ID, reject_add_request: false, user_id: 42 })}`,
        C: 'say Removed 42.',
        d: `set_group_special_title ${JSON.stringify({ duration: -1, group_id: GROUP_ID, special_title: 'Night owl', user_id: 42 })}`,
        D: 'say 42 is now "Night owl".',
        e: `set_group_ban ${JSON.stringify({ duration: 0, group_id: GROUP_ID, user_id: 42 })}`,
        E: 'say Unmuted 42.',
        f: 'say "soon" is not a duration: try 30s, 10m, 2h or 1d.',
      });
    }),
  );

  it(
    'quotes the command it answers and reports a failed action in the chat',
    marbles((m) => {
      const ban = admin('/ban 42 1m', { message_id: 77 });
      const client = createTestClient({
        events: m.hot('-a', { a: ban }),
        scheduler: m.scheduler,
        actions: (action) =>
          action === 'set_group_ban' ? m.cold('#', undefined, { retcode: 200, message: 'not an admin' }) : m.cold('(r|)', { r: { message_id: 1 } }),
      });
      groupAdminBot(client);
      m.flush();
      const answer = client.calls[1];
      expect((answer?.params.message as Segment[])[0]).toEqual(segment.reply(77));
      expect(describeCall(answer as TestCall)).toMatch(/^say That did not work: .*not an admin/);
    }),
  );

  it(
    'welcomes a new member with a mention, but not the bot itself',
    marbles((m) => {
      const joined = sampleGroupIncrease();
      const self = { ...joined, user_id: joined.self_id };
      const client = createTestClient({ events: m.hot('-a-b', { a: joined, b: self }), scheduler: m.scheduler });
      groupAdminBot(client);
      m.flush();
      expect(client.calls.map((c) => c.params.message)).toEqual([
        [segment.at(joined.user_id), segment.text(' '), segment.text('Welcome! Please read the group notice; /poll starts a poll.')],
      ]);
    }),
  );

  it(
    'runs /poll as a conversation with the one user who started it',
    marbles((m) => {
      const events = m.hot('-a-b-c--d', {
        a: member('/poll'),
        b: groupMessage('Unrelated chatter', { user_id: 1 }),
        c: member('Lunch?'),
        d: member('noodles, rice'),
      });
      const client = createTestClient({ events, scheduler: m.scheduler });
      groupAdminBot(client);
      m.expect(client.calls$.pipe(map(describeCall))).toBeObservable('-a---b--c', {
        a: 'say What is the question? ("cancel" stops)',
        b: 'say And the options, separated by commas?',
        c: 'say 📊 Lunch?\n1. noodles\n2. rice',
      });
    }),
  );

  it(
    'cancels a poll on "cancel" and on a timeout, in virtual time',
    marbles((m) => {
      const events = m.hot('-a-b 1s c', { a: member('/poll'), b: member('cancel'), c: member('/poll') });
      const client = createTestClient({ events, scheduler: m.scheduler });
      groupAdminBot(client, { answerTimeout: 5_000 });
      m.expect(client.calls$.pipe(map(describeCall))).toBeObservable('-a-b 1s c 4999ms d', {
        a: 'say What is the question? ("cancel" stops)',
        b: 'say Poll cancelled.',
        c: 'say What is the question? ("cancel" stops)',
        d: 'say No answer in time: poll cancelled.',
      });
    }),
  );

  it(
    'starts no second poll for a user whose poll runs (the message answers it), and ignores other groups when scoped',
    marbles((m) => {
      const events = m.hot('-a-b-c', {
        a: member('/poll'),
        b: member('/poll'),
        c: groupMessage('/kick 1', { group_id: 1, sender: { user_id: USER_ID, nickname: 'Op', role: 'owner' } }),
      });
      const client = createTestClient({ events, scheduler: m.scheduler });
      groupAdminBot(client, { groups: [GROUP_ID], answerTimeout: 100 });
      m.flush();
      expect(client.calls.map(describeCall)).toEqual([
        'say What is the question? ("cancel" stops)',
        'say And the options, separated by commas?',
        'say No answer in time: poll cancelled.',
      ]);
    }),
  );

  it(
    'is a set of epics, one per concern, each runnable alone with client.run',
    marbles((m) => {
      const epics = groupAdminEpics();
      expect(epics.map((epic) => epic.name)).toEqual(['moderation', 'welcome', 'polls']);
      const events = m.hot('-a-b', { a: sampleGroupIncrease(), b: admin('/kick 42') });
      const client = createTestClient({ events, scheduler: m.scheduler });
      client.run(epics[1] as (typeof epics)[number]);
      m.flush();
      expect(client.calls.map((c) => c.action)).toEqual(['send_group_msg']);
    }),
  );
});
