import { cq } from 'onebot-rx';

/** One message segment as it travels in OneBot 11 frames. */
export interface SimSegment {
  type: string;
  data: Record<string, unknown>;
}

function paramText(value: unknown): string {
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}

function segmentToCq(segment: SimSegment): string {
  if (segment.type === 'text') return cq.escape(String(segment.data['text'] ?? ''));
  const params = Object.entries(segment.data)
    .filter(([, value]) => value !== undefined && value !== null && paramText(value) !== '')
    .map(([key, value]) => `,${key}=${cq.escape(paramText(value), true)}`);
  return `[CQ:${segment.type}${params.join('')}]`;
}

/**
 * Renders segments as CQ text the way NapCat fills `raw_message`: lossy where `cq.stringify` is strict (nested
 * values written as JSON, empty values dropped, the result trimmed), escaping with the SDK's `cq.escape`.
 *
 * @example
 * toCq([{ type: 'at', data: { qq: '1' } }, { type: 'text', data: { text: ' hi' } }]); // '[CQ:at,qq=1] hi'
 */
export function toCq(segments: ReadonlyArray<SimSegment>): string {
  return segments.map(segmentToCq).join('').trim();
}

/**
 * Parses CQ text into segments (values stay strings, as NapCat reads them): the SDK's `cq.parse`.
 *
 * @example
 * fromCq('hi [CQ:face,id=1]'); // [{ type: 'text', data: { text: 'hi ' } }, { type: 'face', data: { id: '1' } }]
 */
export function fromCq(text: string): SimSegment[] {
  return cq.parse(text).map(({ type, data }) => ({ type, data: { ...data } }));
}
