import { describe, expect, it } from 'vitest';
import { dedupeEvents, defaultEventKey } from '../../../src/event/operators/dedupe-events';
import type { OneBotEvent } from '../../../src/index';
import { sampleFriendRequest, sampleGroupIncrease, sampleHeartbeat } from '../../fixtures/events';
import { marbles } from '../../helpers/marbles';
import { groupMessage } from './messages';

describe('defaultEventKey', () => {
  it('keys messages by self_id:message_id and requests by their flag, and nothing else', () => {
    expect(defaultEventKey(groupMessage('x', { self_id: 1, message_id: 2 }))).toBe('1:2');
    expect(defaultEventKey({ post_type: 'message_sent', self_id: 1, message_id: '3' })).toBe('1:3');
    expect(defaultEventKey({ ...sampleFriendRequest(), self_id: 1, flag: 'f' })).toBe('1:request:f');
    expect(defaultEventKey(sampleGroupIncrease())).toBeUndefined();
    expect(defaultEventKey(sampleHeartbeat())).toBeUndefined();
  });
});

describe('dedupeEvents', () => {
  it(
    'drops a message delivered twice within the window',
    marbles((m) => {
      const a = groupMessage('a');
      const b = groupMessage('b');
      const source = m.cold('a-b-a-b-a|', { a, b });
      m.expect(source.pipe(dedupeEvents())).toBeObservable('a-b------|', { a, b });
    }),
  );

  it(
    'lets a key through again once the window has passed, in virtual time',
    marbles((m) => {
      const a = groupMessage('a');
      const source = m.cold('a 9ms a 9ms a|', { a });
      m.expect(source.pipe(dedupeEvents({ windowMs: 15 }))).toBeObservable('a 9ms - 9ms a|', { a });
    }),
  );

  it(
    'never drops events without a key',
    marbles((m) => {
      const n = sampleGroupIncrease() as OneBotEvent;
      const source = m.cold('nnn|', { n });
      m.expect(source.pipe(dedupeEvents())).toBeObservable('nnn|', { n });
    }),
  );

  it(
    'forgets the oldest keys beyond max',
    marbles((m) => {
      const [a, b, c] = [groupMessage('a'), groupMessage('b'), groupMessage('c')];
      const source = m.cold('abcac|', { a, b, c });
      m.expect(source.pipe(dedupeEvents({ max: 2 }))).toBeObservable('abca-|', { a, b, c });
    }),
  );

  it(
    'uses a custom key',
    marbles((m) => {
      const a = groupMessage('same', { user_id: 1 });
      const b = groupMessage('same', { user_id: 2 });
      const c = groupMessage('same', { user_id: 1 });
      const source = m.cold('abc|', { a, b, c });
      m.expect(source.pipe(dedupeEvents({ key: (e) => `${e.user_id}` }))).toBeObservable('ab-|', { a, b });
    }),
  );

  it(
    'keeps separate memory per subscription',
    marbles((m) => {
      const a = groupMessage('a');
      const deduped = m.cold('aa|', { a }).pipe(dedupeEvents());
      m.expect(deduped).toBeObservable('a-|', { a });
      m.expect(deduped).toBeObservable('a-|', { a });
    }),
  );
});
