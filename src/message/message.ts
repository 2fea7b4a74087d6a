import type { Segment } from '../codec/segment';

/**
 * What a caller may pass wherever a message goes: plain text, one segment, or a segment array.
 *
 * A string is always plain text: it is sent as one `text` segment and never parsed as CQ code, so user
 * input cannot inject mentions or pictures. To send CQ code on purpose, use `cq.parse` or the `cq` tag.
 *
 * @example
 * const a: Message = 'hello';
 * const b: Message = [segment.at(10001), segment.text(' hi')];
 */
export type Message = string | Segment | Segment[];

function textSegment(text: string): Segment {
  return { type: 'text', data: { text } };
}

/** Whether a custom forward node carries content that still has to be turned into segments. */
function needsNormalising(segment: Segment): boolean {
  if (segment.type !== 'node' || !('content' in segment.data)) return false;
  const content = segment.data.content;
  return typeof content === 'string' || !Array.isArray(content) || content.some(needsNormalising);
}

function normaliseNode(segment: Segment): Segment {
  if (segment.type !== 'node' || !('content' in segment.data) || !needsNormalising(segment)) return segment;
  return { ...segment, data: { ...segment.data, content: toSegments(segment.data.content) } };
}

/**
 * Turns a {@link Message} into the segment array that goes on the wire.
 *
 * A string becomes one `text` segment (never parsed as CQ code); a single segment becomes a one-element
 * array; an array is returned as it is unless a custom forward `node` inside holds a string or a single
 * segment as content, which is normalised the same way (NapCat would parse a string there as CQ code).
 *
 * @example
 * toSegments('[CQ:at,qq=all]'); // [{ type: 'text', data: { text: '[CQ:at,qq=all]' } }]
 */
export function toSegments(message: Message): Segment[] {
  if (typeof message === 'string') return [textSegment(message)];
  if (!Array.isArray(message)) return [normaliseNode(message)];
  return message.some(needsNormalising) ? message.map(normaliseNode) : message;
}
