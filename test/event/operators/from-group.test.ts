import { type Observable, of } from 'rxjs';
import { describe, expectTypeOf, it } from 'vitest';
import { fromGroup } from '../../../src/event/operators/from-group';
import { fromUser } from '../../../src/event/operators/from-user';
import type { GroupMessageEvent, MessageEvent, OneBotEvent } from '../../../src/index';
import { sampleGroupIncrease, sampleHeartbeat, sampleTempPrivateMessage } from '../../fixtures/events';
import { marbles } from '../../helpers/marbles';
import { GROUP_ID, USER_ID, groupMessage, privateMessage } from './messages';

describe('fromGroup', () => {
  it(
    'keeps group messages and notices of the listed groups only',
    marbles((m) => {
      const a = groupMessage('a');
      const b = groupMessage('b', { group_id: 1 });
      const c = sampleGroupIncrease();
      const d = privateMessage('d');
      const e = groupMessage('e', { group_id: String(GROUP_ID) });
      const source = m.cold('abcde|', { a, b, c, d, e } as Record<string, OneBotEvent>);
      m.expect(source.pipe(fromGroup(GROUP_ID))).toBeObservable('a-c-e|', { a, c, e });
    }),
  );

  it(
    'leaves out a temporary session, which carries a group_id but is private',
    marbles((m) => {
      const temp = sampleTempPrivateMessage();
      const other = groupMessage('x');
      const source = m.cold('ab|', { a: temp as MessageEvent, b: other as MessageEvent });
      m.expect(source.pipe(fromGroup(GROUP_ID))).toBeObservable('-b|', { b: other });
    }),
  );

  it(
    'matches any of several groups, whatever the ID representation',
    marbles((m) => {
      const a = groupMessage('a', { group_id: '12345678901234567890' });
      const b = groupMessage('b', { group_id: 7 });
      const c = groupMessage('c', { group_id: 8 });
      const source = m.cold('abc|', { a, b, c });
      m.expect(source.pipe(fromGroup(12345678901234567890n, '7'))).toBeObservable('ab-|', { a, b });
    }),
  );

  it('narrows a message stream to group messages', () => {
    const narrowed = of<MessageEvent>().pipe(fromGroup(1));
    expectTypeOf(narrowed).toEqualTypeOf<Observable<GroupMessageEvent>>();
  });
});

describe('fromUser', () => {
  it(
    'keeps the events whose user_id is one of the listed users',
    marbles((m) => {
      const a = groupMessage('a');
      const b = groupMessage('b', { user_id: 99 });
      const c = privateMessage('c');
      const d = sampleHeartbeat();
      const source = m.cold('abcd|', { a, b, c, d } as Record<string, OneBotEvent>);
      m.expect(source.pipe(fromUser(USER_ID))).toBeObservable('a-c-|', { a, c });
      m.expect(source.pipe(fromUser(1, '99'))).toBeObservable('-b--|', { b });
    }),
  );
});
