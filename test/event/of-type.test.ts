import type { Observable } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { ofType } from '../../src/index';
import type { OneBotEvent } from '../../src/index';
import { matchAny, predicateOf } from '../../src/event/query';
import { marbles } from '../helpers/marbles';

const groupMsg = { post_type: 'message', message_type: 'group', sub_type: 'normal' } as unknown as OneBotEvent;
const privateMsg = { post_type: 'message', message_type: 'private', sub_type: 'friend' } as unknown as OneBotEvent;
const sentMsg = { post_type: 'message_sent', message_type: 'group', sub_type: 'normal' } as unknown as OneBotEvent;
const poke = { post_type: 'notice', notice_type: 'notify', sub_type: 'poke' } as unknown as OneBotEvent;
const kick = { post_type: 'notice', notice_type: 'group_decrease', sub_type: 'kick' } as unknown as OneBotEvent;
const heartbeat = { post_type: 'meta_event', meta_event_type: 'heartbeat' } as unknown as OneBotEvent;

describe('ofType', () => {
  it(
    'keeps only the events matching any query, in order',
    marbles((m) => {
      const source = m.cold('a-b-c-d-e-f|', { a: groupMsg, b: privateMsg, c: sentMsg, d: poke, e: kick, f: heartbeat });
      const expected = '     a-----d-e--|';
      const matching: Observable<OneBotEvent> = source.pipe(
        ofType('message.group', 'notice.notify', 'notice.group_decrease.kick'),
      );
      m.expect(matching).toBeObservable(
        expected,
        { a: groupMsg, d: poke, e: kick },
      );
    }),
  );

  it('compares each part whole: message never matches message_sent', () => {
    const message = predicateOf('message');
    expect([groupMsg, privateMsg, sentMsg].map(message)).toEqual([true, true, false]);
    expect(predicateOf('message_sent')(sentMsg)).toBe(true);
    expect(predicateOf('notice.notify.poke')(poke)).toBe(true);
    expect(predicateOf('notice.notify.lucky_king')(poke)).toBe(false);
    expect(predicateOf('meta_event.heartbeat')(heartbeat)).toBe(true);
    expect(matchAny(['request', 'meta_event'])(heartbeat)).toBe(true);
  });

  it('caches one predicate per query string', () => {
    expect(predicateOf('notice.group_increase')).toBe(predicateOf('notice.group_increase'));
  });

  it('rejects a malformed query with a TypeError naming it', () => {
    expect(() => predicateOf('a.b.c.d')).toThrow(/a\.b\.c\.d/);
    expect(() => predicateOf('')).toThrow(TypeError);
  });
});
