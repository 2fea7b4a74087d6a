import { describe, expect, it } from 'vitest';
import {
  EVENT_CODECS,
  GroupDecreaseNotice,
  GroupMessageEvent,
  GroupMessageSentEvent,
  LEVEL2_KEYS,
  PokeNotify,
  eventCodecFor,
} from '../../../src/codec/event';
import { sampleGroupDecrease, sampleGroupMessage, samplePoke } from '../../fixtures/events';

describe('eventCodecFor', () => {
  it('finds a codec by post_type, level-2 key and sub_type', () => {
    expect(eventCodecFor(sampleGroupMessage())).toBe(GroupMessageEvent);
    expect(eventCodecFor({ ...sampleGroupMessage(), post_type: 'message_sent' })).toBe(GroupMessageSentEvent);
    expect(eventCodecFor(samplePoke())).toBe(PokeNotify);
    for (const subType of ['leave', 'kick', 'kick_me', 'disband']) {
      expect(eventCodecFor({ ...sampleGroupDecrease(), sub_type: subType })).toBe(GroupDecreaseNotice);
    }
  });

  it.each([
    ['an unknown post_type', { post_type: 'message_reaction', time: 1 }],
    ['an unknown notice_type', { post_type: 'notice', notice_type: 'group_todo', group_id: 1 }],
    ['an unknown notify sub_type', { post_type: 'notice', notice_type: 'notify', sub_type: 'group_sign' }],
    ['an unknown sub_type where sub-types are known', { ...sampleGroupDecrease(), sub_type: 'transfer' }],
    ['an unknown message_type', { ...sampleGroupMessage(), message_type: 'guild' }],
    ['an unknown request_type', { post_type: 'request', request_type: 'channel' }],
    ['an unknown meta_event_type', { post_type: 'meta_event', meta_event_type: 'status' }],
    ['a missing level-2 key', { post_type: 'notice' }],
    ['a missing sub_type where sub-types are known', { post_type: 'notice', notice_type: 'notify' }],
    ['a non-string post_type', { post_type: 7 }],
    ['a non-string level-2 key', { post_type: 'message', message_type: ['group'] }],
    ['no post_type at all', { retcode: 0 }],
  ])('returns undefined for %s', (_label, frame) => {
    expect(eventCodecFor(frame as Record<string, unknown>)).toBeUndefined();
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])(
    'never finds an inherited property when a discriminant is %j',
    (key) => {
      expect(eventCodecFor({ post_type: key })).toBeUndefined();
      expect(eventCodecFor({ post_type: 'notice', notice_type: key })).toBeUndefined();
      expect(eventCodecFor({ post_type: 'notice', notice_type: 'notify', sub_type: key })).toBeUndefined();
      expect(eventCodecFor({ post_type: 'message', message_type: 'group', sub_type: key })).toBeUndefined();
    },
  );

  it('has a level-2 key for every post_type in the tree', () => {
    expect(Object.keys(EVENT_CODECS).sort()).toStrictEqual(Object.keys(LEVEL2_KEYS).sort());
  });

  it('names every codec in the tree after the interface it decodes', () => {
    const names = new Set<string>();
    for (const level2 of Object.values(EVENT_CODECS)) {
      for (const entry of Object.values(level2)) {
        for (const codec of 'is' in entry ? [entry] : Object.values(entry)) names.add((codec as { name: string }).name);
      }
    }
    expect([...names].every((name) => /^[A-Z][A-Za-z]+(Event|Notice|Notify|Request)$/.test(name))).toBe(true);
    expect(names.size).toBe(41);
  });
});
