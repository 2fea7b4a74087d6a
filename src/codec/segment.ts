import * as t from 'io-ts';

/**
 * PLACEHOLDER (to be replaced by the message work): one message segment `{ type, data }`.
 */
export interface Segment {
  type: string;
  data: Record<string, unknown>;
}

/** Codec of one segment. */
export const Segment: t.Type<Segment, Segment, unknown> = t.type(
  { type: t.string, data: t.UnknownRecord },
  'Segment',
) as unknown as t.Type<Segment, Segment, unknown>;

/** Codec of a segment array. */
export const SegmentArray = t.array(Segment, 'SegmentArray');
