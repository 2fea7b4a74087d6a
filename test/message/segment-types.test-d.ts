import { describe, expectTypeOf, it } from 'vitest';
import type { AtSegment, NodeSegment, Segment, SegmentType, TextSegment } from '../../src/codec/segment';
import { cq } from '../../src/message/cq';
import type { Message } from '../../src/message/message';
import { segment } from '../../src/message/segment-builders';

describe('segment types', () => {
  it('narrow the Segment union by its type', () => {
    const s = {} as Segment;
    if (s.type === 'at') expectTypeOf(s).toEqualTypeOf<AtSegment>();
    if (s.type === 'text') expectTypeOf(s.data.text).toEqualTypeOf<string>();
    if (s.type === 'image') expectTypeOf(s.data.summary).toEqualTypeOf<string | null | undefined>();
    expectTypeOf<Extract<Segment, { type: 'node' }>>().toEqualTypeOf<NodeSegment>();
  });

  it('list every known type in SegmentType', () => {
    expectTypeOf<'text' | 'at' | 'node' | 'onlinefile'>().toExtend<SegmentType>();
    // @ts-expect-error: not a known segment type
    expectTypeOf<'keyboard'>().toExtend<SegmentType>();
  });

  it('type ID fields as what NapCat sends and accepts', () => {
    expectTypeOf<AtSegment['data']['qq']>().toEqualTypeOf<string | number>();
  });

  it('return precise segment types from builders', () => {
    expectTypeOf(segment.text('x')).toEqualTypeOf<TextSegment>();
    expectTypeOf(segment.at(1n)).toEqualTypeOf<AtSegment>();
    expectTypeOf(segment.node({ nickname: 'a', content: 'hi' })).toEqualTypeOf<NodeSegment>();
    // @ts-expect-error: not a music platform
    segment.music('spotify', 1);
    // @ts-expect-error: custom music needs a url
    segment.music({ title: 'x' });
  });

  it('accept strings, segments and segment arrays as a Message, nothing else', () => {
    expectTypeOf<string>().toExtend<Message>();
    expectTypeOf<Segment[]>().toExtend<Message>();
    expectTypeOf<AtSegment>().toExtend<Message>();
    // @ts-expect-error: a number is not a message
    expectTypeOf<number>().toExtend<Message>();
  });

  it('make cq both a tag returning a string and a namespace', () => {
    expectTypeOf(cq`x ${1}`).toEqualTypeOf<string>();
    expectTypeOf(cq.parse).returns.toEqualTypeOf<Segment[]>();
  });
});
