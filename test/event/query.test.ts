import { describe, expect, it } from 'vitest';
import { LEVEL2_KEYS, type OneBotEvent } from '../../src/codec/event';
import { level2Of, matchAny, predicateOf } from '../../src/event/query';

const event = (fields: Record<string, unknown>): OneBotEvent => fields as unknown as OneBotEvent;

const groupMessage = event({ post_type: 'message', message_type: 'group', sub_type: 'normal' });
const sentPrivate = event({ post_type: 'message_sent', message_type: 'private', sub_type: 'friend' });
const friendRequest = event({ post_type: 'request', request_type: 'friend' });
const poke = event({ post_type: 'notice', notice_type: 'notify', sub_type: 'poke' });
const heartbeat = event({ post_type: 'meta_event', meta_event_type: 'heartbeat' });
const other = event({ post_type: 'custom', message_type: 'group' });

describe('level2Of', () => {
  it('reads the level-2 discriminant of each post type, and none of an unknown one', () => {
    expect([groupMessage, sentPrivate, friendRequest, poke, heartbeat, other].map(level2Of)).toEqual([
      'group',
      'private',
      'friend',
      'notify',
      'heartbeat',
      undefined,
    ]);
  });

  it('reads the field the event codec tree names for each post type, and nothing for prototype names', () => {
    for (const [post, key] of Object.entries(LEVEL2_KEYS)) {
      expect(level2Of(event({ post_type: post, [key]: 'x' }))).toBe('x');
    }
    const odd = ['constructor', '__proto__', 'toString'].map((post) => ({ post_type: post, constructor: 'x' }));
    expect(odd.map((e) => level2Of(event(e)))).toEqual([undefined, undefined, undefined]);
  });
});

describe('predicateOf', () => {
  it('matches a three-part query only when post type, level 2 and sub type all match', () => {
    const isPoke = predicateOf('notice.notify.poke');
    const lookalikes = [
      poke,
      event({ post_type: 'request', request_type: 'notify', sub_type: 'poke' }),
      event({ post_type: 'notice', notice_type: 'group_ban', sub_type: 'poke' }),
      event({ post_type: 'notice', notice_type: 'notify', sub_type: 'lucky_king' }),
    ];
    expect(lookalikes.map(isPoke)).toEqual([true, false, false, false]);
  });

  it('rejects an empty query and one with more than three parts', () => {
    expect(() => predicateOf('')).toThrow(TypeError);
    expect(() => predicateOf('a.b.c.d')).toThrow("not an event query: 'a.b.c.d' (expected post_type[.type[.sub_type]])");
  });

  it('compiles each query once', () => {
    expect(predicateOf('message.group')).toBe(predicateOf('message.group'));
  });
});

describe('matchAny', () => {
  it('is the cached predicate itself for a single query', () => {
    expect(matchAny(['request.friend'])).toBe(predicateOf('request.friend'));
  });

  it('matches any of several queries', () => {
    const match = matchAny(['request.friend', 'meta_event']);
    expect([friendRequest, heartbeat, groupMessage].map(match)).toEqual([true, true, false]);
  });
});
