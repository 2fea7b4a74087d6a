import { isRight } from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { PathReporter } from 'io-ts/lib/PathReporter.js';
import { describe, expect, it } from 'vitest';
import { MusicSegment, NodeSegment, Segment, SegmentArray } from '../../src/codec/segment';

/** Segments as NapCat writes them in message events (shapes from its OneBot converter). */
const RECEIVED: [string, unknown][] = [
  ['text', { type: 'text', data: { text: 'hi\n' } }],
  ['at', { type: 'at', data: { qq: '10001' } }],
  ['at all', { type: 'at', data: { qq: 'all' } }],
  ['face with its raw element', { type: 'face', data: { id: '14', raw: { faceIndex: 14 }, chainCount: 1 } }],
  [
    'image',
    {
      type: 'image',
      data: { summary: '', file: 'A1B2.png', sub_type: 0, url: 'https://multimedia.nt.qq.com.cn/x', file_size: '1024' },
    },
  ],
  [
    'market face as image',
    {
      type: 'image',
      data: {
        summary: '[hi]',
        file: 'ab-abcd.gif',
        url: 'https://gxh.vip.qq.com/x',
        key: 'k',
        emoji_id: 'abcd',
        emoji_package_id: 231,
      },
    },
  ],
  ['file', { type: 'file', data: { file: 'a.pdf', file_id: 'uuid', file_size: '2048' } }],
  ['record', { type: 'record', data: { file: 'a.amr', path: '/tmp/a.amr', url: 'https://x', file_size: '12' } }],
  ['video', { type: 'video', data: { file: 'v.mp4', url: 'https://x', file_size: '99' } }],
  ['reply', { type: 'reply', data: { id: '-1906236413' } }],
  ['poke', { type: 'poke', data: { type: '1', id: '1' } }],
  ['dice', { type: 'dice', data: { result: 3 } }],
  ['rps', { type: 'rps', data: { result: '2' } }],
  ['json', { type: 'json', data: { data: '{"app":"com.tencent.miniapp"}' } }],
  ['markdown', { type: 'markdown', data: { content: '# hi' } }],
  ['forward', { type: 'forward', data: { id: '7391884212' } }],
  ['forward with content', { type: 'forward', data: { id: '7391884212', content: [{ message: [] }] } }],
  [
    'online file',
    { type: 'onlinefile', data: { msgId: '1', elementId: '2', fileName: 'a', fileSize: '3', isDir: false } },
  ],
  ['flash transfer', { type: 'flashtransfer', data: { fileSetId: 'abc' } }],
  ['mface', { type: 'mface', data: { emoji_package_id: 231, emoji_id: 'abcd', key: 'k', summary: '[hi]' } }],
];

describe('Segment codec', () => {
  it.each(RECEIVED)('accepts a received %s segment', (_, received) => {
    expect(Segment.is(received)).toBe(true);
    expect(isRight(Segment.decode(received))).toBe(true);
  });

  it('returns the same object from decode (no copy, unknown fields kept)', () => {
    const received = { type: 'at', data: { qq: '1', future: 'x' }, extra: 1 };
    const result = Segment.decode(received);
    expect(isRight(result) && result.right).toBe(received);
  });

  it('passes a segment of an unknown type through as it is', () => {
    const unknown = { type: 'keyboard', data: { content: { rows: [] } } };
    expect(Segment.is(unknown)).toBe(true);
    const result = Segment.decode(unknown);
    expect(isRight(result) && result.right).toBe(unknown);
  });

  it('treats types named like Object.prototype members as unknown types', () => {
    for (const type of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(Segment.is({ type, data: {} })).toBe(true);
      expect(Segment.is({ type, data: 1 })).toBe(false);
    }
  });

  it('rejects a segment without a data object, known type or not', () => {
    for (const bad of [
      { type: 'text' },
      { type: 'text', data: null },
      { type: 'text', data: ['hi'] },
      { type: 'keyboard' },
      { type: 'keyboard', data: 'x' },
      { data: {} },
      { type: 1, data: {} },
      'text',
      null,
    ]) {
      expect(Segment.is(bad)).toBe(false);
      expect(isRight(Segment.decode(bad))).toBe(false);
    }
  });

  it('rejects a known segment with a missing or mistyped field, naming the field', () => {
    expect(Segment.is({ type: 'at', data: {} })).toBe(false);
    expect(Segment.is({ type: 'image', data: { file: 'a', sub_type: {} } })).toBe(false);
    expect(PathReporter.report(Segment.decode({ type: 'image', data: { url: 'x' } }))).toStrictEqual([
      'Invalid value undefined supplied to : Segment/data: ImageData/file: string',
    ]);
  });

  it('accepts optional fields that are present but undefined', () => {
    expect(Segment.is({ type: 'image', data: { file: 'a', summary: undefined } })).toBe(true);
  });

  it('accepts numbers where NapCat accepts them for IDs', () => {
    expect(Segment.is({ type: 'at', data: { qq: 10001 } })).toBe(true);
    expect(Segment.is({ type: 'reply', data: { id: 5 } })).toBe(true);
    expect(Segment.is({ type: 'face', data: { id: 14 } })).toBe(true);
  });

  it('reads music cards by platform or custom, and rejects an unknown platform', () => {
    expect(MusicSegment.is({ type: 'music', data: { type: 'qq', id: '1' } })).toBe(true);
    expect(MusicSegment.is({ type: 'music', data: { type: 'custom', url: 'u', audio: 'a', title: 't' } })).toBe(true);
    expect(MusicSegment.is({ type: 'music', data: { type: 'spotify', id: '1' } })).toBe(false);
  });

  it('checks the nested content of custom forward nodes', () => {
    const node = (content: unknown) => ({ type: 'node', data: { user_id: 1, nickname: 'a', content } });
    expect(NodeSegment.is({ type: 'node', data: { id: '123' } })).toBe(true);
    expect(Segment.is(node('text'))).toBe(true);
    expect(Segment.is(node({ type: 'face', data: { id: '1' } }))).toBe(true);
    expect(Segment.is(node([node([{ type: 'text', data: { text: 'deep' } }])]))).toBe(true);
    expect(Segment.is(node([{ type: 'at', data: {} }]))).toBe(false);
    expect(Segment.is(node(5))).toBe(false);
    expect(Segment.is({ type: 'node', data: { nickname: 'no content' } })).toBe(false);
  });

  it('never throws on arbitrary JSON, and is() agrees with decode()', () => {
    const segmentLike = fc.record({
      type: fc.oneof(fc.constantFrom('text', 'at', 'image', 'node', 'music', 'x'), fc.string()),
      data: fc.oneof(
        fc.dictionary(fc.constantFrom('text', 'qq', 'file', 'id', 'content', 'type'), fc.jsonValue()),
        fc.jsonValue(),
      ),
    });
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), segmentLike, fc.array(segmentLike)), (value) => {
        expect(Segment.is(value)).toBe(isRight(Segment.decode(value)));
        expect(SegmentArray.is(value)).toBe(isRight(SegmentArray.decode(value)));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('SegmentArray codec', () => {
  it('accepts arrays of segments, including the empty array', () => {
    expect(SegmentArray.is([])).toBe(true);
    expect(SegmentArray.is(RECEIVED.map(([, s]) => s))).toBe(true);
  });

  it('rejects a non-array and names the index of a bad segment', () => {
    expect(SegmentArray.is({ type: 'text', data: { text: 'x' } })).toBe(false);
    const bad = [{ type: 'text', data: { text: 'x' } }, { type: 'text', data: {} }];
    expect(PathReporter.report(SegmentArray.decode(bad))).toStrictEqual([
      'Invalid value undefined supplied to : SegmentArray/1: Segment/data: TextData/text: string',
    ]);
  });
});

describe('optional segment fields sent as null', () => {
  it('count as absent, so a NapCat face with null extras still decodes', () => {
    expect(Segment.is({ type: 'face', data: { id: '14', resultId: null, chainCount: null } })).toBe(true);
    expect(Segment.is({ type: 'image', data: { file: 'a.png', summary: null } })).toBe(true);
    expect(Segment.is({ type: 'text', data: { text: null } })).toBe(false);
  });
});
