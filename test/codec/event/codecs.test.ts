import { describe, expect, it } from 'vitest';
import { isRight } from 'fp-ts/lib/Either.js';
import { eventCodecFor } from '../../../src/codec/event';
import { BIG_ID, SAMPLE_EVENTS, sampleGroupMessage, samplePrivateMessage } from '../../fixtures/events';

function codecOf(frame: object) {
  const codec = eventCodecFor(frame as Record<string, unknown>);
  if (codec === undefined) throw new Error('no codec for the frame');
  return codec;
}

describe('event codecs', () => {
  it.each(SAMPLE_EVENTS.map(([name, make]) => [`${name} (${make.name})`, name, make] as const))(
    '%s: the sample is dispatched to its codec and passes .is()',
    (_label, name, make) => {
      const frame = make();
      const codec = codecOf(frame);
      expect(codec.name).toBe(name);
      expect(codec.is(frame)).toBe(true);
    },
  );

  it.each(SAMPLE_EVENTS.map(([name, make]) => [`${name} (${make.name})`, make] as const))(
    '%s: .decode() returns the very same object, untouched',
    (_label, make) => {
      const frame = make();
      const copy = structuredClone(frame);
      const result = codecOf(frame).decode(frame);
      expect(isRight(result) && result.right).toBe(frame);
      expect(frame).toStrictEqual(copy);
    },
  );

  it('keeps fields no codec knows on the event', () => {
    const frame = { ...sampleGroupMessage(), emoji_likes_list: [{ emoji_id: '76' }], future_field: 1 };
    expect(codecOf(frame).is(frame)).toBe(true);
    expect(frame.future_field).toBe(1);
  });

  it('accepts 64-bit IDs as digit strings (the lossless re-parse) in every ID field', () => {
    const frame = {
      ...sampleGroupMessage(),
      self_id: BIG_ID,
      user_id: BIG_ID,
      group_id: BIG_ID,
      message_id: BIG_ID,
      sender: { user_id: BIG_ID, nickname: 'x' },
    };
    expect(codecOf(frame).is(frame)).toBe(true);
  });

  it('rejects an ID that JSON.parse rounded (an unsafe integer), so the frame is re-parsed losslessly', () => {
    const rounded = Number(BIG_ID);
    const codec = codecOf(sampleGroupMessage());
    expect(codec.is({ ...sampleGroupMessage(), group_id: rounded })).toBe(false);
    expect(codec.is({ ...sampleGroupMessage(), sender: { user_id: rounded, nickname: 'x' } })).toBe(false);
  });

  it('accepts a CQ-code string as message content (string-format backends)', () => {
    const frame = { ...samplePrivateMessage(), message: '[CQ:face,id=14]hi', message_format: 'string' };
    expect(codecOf(frame).is(frame)).toBe(true);
  });

  it('accepts anonymous: null on a normal group message (OneBot 11) and an absent one (NapCat)', () => {
    const codec = codecOf(sampleGroupMessage());
    expect(codec.is({ ...sampleGroupMessage(), anonymous: null })).toBe(true);
    expect(codec.is(sampleGroupMessage())).toBe(true);
    expect(codec.is({ ...sampleGroupMessage(), anonymous: 'someone' })).toBe(false);
  });

  it.each([
    ['message_id', 'abc'],
    ['time', '1764000000'],
    ['raw_message', 42],
    ['message', 42],
    ['sender', null],
    ['sub_type', 'weird'],
  ])('fails .is() when %s is %j', (field, value) => {
    const frame = { ...sampleGroupMessage(), [field]: value };
    expect(codecOf(sampleGroupMessage()).is(frame)).toBe(false);
  });

  it('fails .is() when a segment is malformed', () => {
    const frame = { ...sampleGroupMessage(), message: [{ type: 'text' }] };
    expect(codecOf(frame).is(frame)).toBe(false);
  });
});
