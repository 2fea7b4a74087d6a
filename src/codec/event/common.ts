import * as t from 'io-ts';
import { Id } from '../id';
import { type Segment, SegmentArray } from '../segment';

/**
 * The `message` field of a message event: a segment array, or a CQ-code string from a string-format
 * backend (NapCat `messagePostFormat: 'string'`, go-cqhttp `post-format: string`).
 *
 * Typed `Segment[]` because the frame decoder replaces a string by its parsed segments right after `.is()`
 * passes (`raw_message` keeps the text). This codec itself never transforms: `.decode()` returns the value.
 */
export const MessageContent = new t.Type<Segment[], Segment[], unknown>(
  'MessageContent',
  (u): u is Segment[] => typeof u === 'string' || SegmentArray.is(u),
  (u, c) => (typeof u === 'string' ? t.success(u as unknown as Segment[]) : SegmentArray.validate(u, c)),
  t.identity,
);

/** Fields every event carries: the Unix time in seconds and the bot account that received it. */
export const eventBase = {
  /** Unix time in seconds. */
  time: t.number,
  /** The bot's own QQ number. */
  self_id: Id,
} as const;

/** Fields of a notice about a group member: the group and the member concerned. */
export const groupNoticeBase = {
  ...eventBase,
  post_type: t.literal('notice'),
  group_id: Id,
  user_id: Id,
} as const;
