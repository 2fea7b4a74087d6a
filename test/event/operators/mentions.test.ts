import { describe, expect, it } from 'vitest';
import { mentionsMe } from '../../../src/event/operators/mentions-me';
import { mentionsOf } from '../../../src/event/operators/mentions-of';
import { segment } from '../../../src/index';
import { marbles } from '../../helpers/marbles';
import { SELF_ID, groupMessage } from './messages';

describe('mentionsOf', () => {
  it('lists at targets in order as IDs, big ones as exact digit strings, leaving out @all', () => {
    const event = groupMessage([
      segment.at(10001),
      segment.text(' and '),
      segment.at('12345678901234567890'),
      segment.at('all'),
      { type: 'at', data: { qq: 42 } },
    ]);
    expect(mentionsOf(event)).toEqual([10001, '12345678901234567890', 42]);
  });
});

describe('mentionsMe', () => {
  it(
    "keeps messages that @ the event's own self_id",
    marbles((m) => {
      const me = groupMessage([segment.at(SELF_ID), segment.text(' hi')]);
      const other = groupMessage([segment.at(10001), segment.text(' hi')]);
      const otherBot = groupMessage([segment.at(SELF_ID)], { self_id: 555 });
      const secondBot = groupMessage([segment.at(555)], { self_id: 555 });
      const all = groupMessage([segment.at('all'), segment.text(' meeting')]);
      const plain = groupMessage(`${SELF_ID}`);
      const source = m.cold('abcdef|', { a: me, b: other, c: otherBot, d: secondBot, e: all, f: plain });
      m.expect(source.pipe(mentionsMe())).toBeObservable('a--d--|', { a: me, d: secondBot });
      m.expect(source.pipe(mentionsMe({ all: true }))).toBeObservable('a--de-|', { a: me, d: secondBot, e: all });
    }),
  );
});
