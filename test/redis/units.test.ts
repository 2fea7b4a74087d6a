import { describe, expect, it } from 'vitest';
import { redactorOf } from '../../src/redis/connect';
import { isStaleOwnerError, StaleOwnerError } from '../../src/redis/errors';
import { keysOf } from '../../src/redis/keys';
import { assignment } from '../../src/redis/leases';
import { stringifyLossless } from '../../src/redis/lossless';
import { conversationKey, partitionOf, stableHash } from '../../src/redis/partition';
import { decodeFrame } from '../../src/codec/frame';
import { withEcho } from '../../src/redis/wire';
import { ActionFailedError } from '../../src/errors';

describe('partitions', () => {
  it('keys a conversation by account and group, account and user, or account and post type', () => {
    expect(conversationKey({ self_id: 1, post_type: 'message', message_type: 'group', group_id: 7, user_id: 9 })).toBe('1:g7');
    expect(conversationKey({ self_id: 1, post_type: 'message', message_type: 'private', user_id: 9 })).toBe('1:u9');
    expect(conversationKey({ self_id: 1, post_type: 'meta_event' })).toBe('1:meta_event');
  });

  it('hashes stably (FNV-1a) and spreads conversations over every partition', () => {
    expect(stableHash('')).toBe(0x811c9dc5);
    expect(stableHash('a')).toBe(0xe40c292c);
    const seen = new Set<number>();
    for (let g = 0; g < 200; g++) seen.add(partitionOf({ self_id: 1, group_id: g }, 16));
    expect(seen.size).toBe(16);
    expect(partitionOf({ self_id: '12345678901234567890', group_id: 5 }, 16)).toBe(partitionOf({ self_id: '12345678901234567890', group_id: 5 }, 16));
  });

  it('names every key under the prefix', () => {
    const keys = keysOf('bot');
    expect([keys.events(3), keys.actions('10001'), keys.lease(2), keys.epoch(2), keys.idempotency('x:1'), keys.members]).toEqual([
      'bot:events:3',
      'bot:actions:10001',
      'bot:lease:2',
      'bot:epoch:2',
      'bot:idem:x:1',
      'bot:members',
    ]);
  });
});

describe('assignment', () => {
  it('splits partitions evenly over the members sorted by name, whatever order they are listed in', () => {
    const a = assignment(['w2', 'w1'], 'w1', 8);
    const b = assignment(['w1', 'w2'], 'w2', 8);
    expect([...a]).toEqual([0, 2, 4, 6]);
    expect([...b]).toEqual([1, 3, 5, 7]);
    expect(assignment([], 'w1', 8).size).toBe(0);
    expect(assignment(['w1'], 'w1', 4).size).toBe(4);
  });
});

describe('lossless frames', () => {
  it('writes 64-bit IDs back as bare digits, so the frame decodes to the same event', () => {
    const text = '{"post_type":"message","message_type":"private","sub_type":"friend","time":1,"self_id":12345678901234567890,"user_id":9007199254740993,"message_id":1,"message":[{"type":"text","data":{"text":"12345678901234567890"}}],"raw_message":"x","font":0,"sender":{"user_id":9007199254740993,"nickname":"n"}}';
    const first = decodeFrame(text);
    if (first instanceof Error || first.kind !== 'event') throw new Error('fixture does not decode');
    const written = stringifyLossless(first.event);
    expect(written).toContain('"self_id":12345678901234567890');
    expect(written).toContain('"user_id":9007199254740993');
    expect(written).toContain('"text":"12345678901234567890"');
    const again = decodeFrame(written);
    expect(again instanceof Error ? again : again.kind === 'reply' ? undefined : again.event).toEqual(first.event);
  });

  it('costs a single stringify when no ID is that large', () => {
    expect(stringifyLossless({ a: 1, b: 'x' })).toBe('{"a":1,"b":"x"}');
    expect(stringifyLossless(undefined)).toBe('null');
  });

  it('adds the caller echo to a stored outcome', () => {
    expect(withEcho('{"status":"ok","retcode":0,"data":null}', 'ab:1')).toBe('{"status":"ok","retcode":0,"data":null,"echo":"ab:1"}');
    expect(withEcho('{}', 'e')).toBe('{"echo":"e"}');
  });
});

describe('credentials', () => {
  it('masks the password of the Redis URL and the user:password part of any URL', () => {
    const redact = redactorOf('redis://admin:s3cret-pw@cache.internal:6380/0');
    expect(redact('connect to redis://admin:s3cret-pw@cache.internal:6380 failed')).toBe('connect to redis://***@cache.internal:6380 failed');
    expect(redact('AUTH s3cret-pw rejected')).toBe('AUTH *** rejected');
    expect(redactorOf(undefined)('rediss://u:p@h')).toBe('rediss://***@h');
    expect(redactorOf('not a url')('plain')).toBe('plain');
  });
});

describe('StaleOwnerError', () => {
  it('is an ActionFailedError recognised by isStaleOwnerError, also in the form a worker receives', () => {
    const e = new StaleOwnerError('send_group_msg', {}, 3, 4, 5, 'x:1');
    expect(isStaleOwnerError(e)).toBe(true);
    expect(e.message).toContain('partition 3');
    const received = new ActionFailedError({ action: 'a', params: {}, retcode: 1409, status: 'failed', message: '', wording: 'StaleOwnerError', echo: null, kind: 'failed' });
    expect(isStaleOwnerError(received)).toBe(true);
    expect(isStaleOwnerError(new Error('x'))).toBe(false);
  });
});
