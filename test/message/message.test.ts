import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import { PathReporter } from 'io-ts/lib/PathReporter.js';
import { describe, expect, it } from 'vitest';
import type { Segment } from '../../src/codec/segment';
import { toSegments } from '../../src/message/message';
import { MessageParam } from '../../src/message/message-param';
import { segment } from '../../src/message/segment-builders';

describe('toSegments', () => {
  it('sends a string as one plain text segment, so CQ code in user input is not injected', () => {
    expect(toSegments('[CQ:at,qq=all]')).toStrictEqual([{ type: 'text', data: { text: '[CQ:at,qq=all]' } }]);
  });

  it('wraps a single segment in an array', () => {
    expect(toSegments(segment.face(1))).toStrictEqual([{ type: 'face', data: { id: '1' } }]);
  });

  it('returns a segment array as the same array when nothing needs normalising', () => {
    const message = [segment.at(1), segment.text(' hi')];
    expect(toSegments(message)).toBe(message);
  });

  it('turns string content of a raw custom node into plain text, at any depth', () => {
    const raw: Segment[] = [
      { type: 'node', data: { nickname: 'a', content: '[CQ:face,id=1]' } },
      { type: 'node', data: { nickname: 'b', content: [{ type: 'node', data: { nickname: 'c', content: 'x' } }] } },
    ];
    expect(toSegments(raw)).toStrictEqual([
      { type: 'node', data: { nickname: 'a', content: [{ type: 'text', data: { text: '[CQ:face,id=1]' } }] } },
      {
        type: 'node',
        data: {
          nickname: 'b',
          content: [{ type: 'node', data: { nickname: 'c', content: [{ type: 'text', data: { text: 'x' } }] } }],
        },
      },
    ]);
    expect(raw[0]?.data).toStrictEqual({ nickname: 'a', content: '[CQ:face,id=1]' });
  });
});

describe('MessageParam', () => {
  it('accepts a string, a segment and a segment array', () => {
    expect(MessageParam.is('hi')).toBe(true);
    expect(MessageParam.is(segment.text('hi'))).toBe(true);
    expect(MessageParam.is([segment.reply(1), segment.text('hi')])).toBe(true);
    expect(MessageParam.is([])).toBe(true);
  });

  it('accepts segments of types the SDK does not know', () => {
    expect(isRight(MessageParam.decode([{ type: 'keyboard', data: { rows: [] } }]))).toBe(true);
  });

  it('encodes every accepted message as a segment array', () => {
    expect(MessageParam.encode('hi')).toStrictEqual([{ type: 'text', data: { text: 'hi' } }]);
    expect(MessageParam.encode(segment.dice())).toStrictEqual([{ type: 'dice', data: {} }]);
  });

  it('rejects a number, null and a bare object with a message saying what a message is', () => {
    for (const bad of [5, null, undefined]) {
      const result = MessageParam.decode(bad);
      expect(isLeft(result)).toBe(true);
      expect(PathReporter.report(result)).toStrictEqual([
        'a message must be a string, a segment { type, data }, or an array of segments',
      ]);
    }
    expect(PathReporter.report(MessageParam.decode({ text: 'hi' }))).toStrictEqual([
      'a segment must be an object { type: string, data: object }',
    ]);
  });

  it('names the segment and field that is wrong inside an array', () => {
    const report = PathReporter.report(MessageParam.decode([segment.text('ok'), { type: 'at', data: { qq: {} } }]));
    expect(report).toStrictEqual(['Invalid value {} supplied to : Message/1: Segment/data: AtData/qq: string | number']);
  });

  it('rejects a segment whose data is not an object', () => {
    expect(MessageParam.is([{ type: 'text', data: 'hi' }])).toBe(false);
    expect(MessageParam.is([{ type: 'custom_thing' }])).toBe(false);
  });
});
