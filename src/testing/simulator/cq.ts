/** One message segment as it travels in OneBot 11 frames. */
export interface SimSegment {
  type: string;
  data: Record<string, unknown>;
}

const TEXT_ESCAPES: ReadonlyArray<readonly [RegExp, string]> = [
  [/&/g, '&amp;'],
  [/\[/g, '&#91;'],
  [/]/g, '&#93;'],
];
const PARAM_ESCAPES: ReadonlyArray<readonly [RegExp, string]> = [...TEXT_ESCAPES, [/,/g, '&#44;']];
const UNESCAPES: ReadonlyArray<readonly [RegExp, string]> = [
  [/&#91;/g, '['],
  [/&#93;/g, ']'],
  [/&#44;/g, ','],
  [/&amp;/g, '&'],
];

const applyAll = (text: string, table: ReadonlyArray<readonly [RegExp, string]>): string =>
  table.reduce((acc, [pattern, replacement]) => acc.replace(pattern, replacement), text);

function paramText(value: unknown): string {
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}

function segmentToCq(segment: SimSegment): string {
  if (segment.type === 'text') return applyAll(String(segment.data['text'] ?? ''), TEXT_ESCAPES);
  const params = Object.entries(segment.data)
    .filter(([, value]) => value !== undefined && value !== null && paramText(value) !== '')
    .map(([key, value]) => `,${key}=${applyAll(paramText(value), PARAM_ESCAPES)}`);
  return `[CQ:${segment.type}${params.join('')}]`;
}

/**
 * Renders segments as CQ text, the way NapCat fills `raw_message`.
 *
 * @example
 * toCq([{ type: 'at', data: { qq: '1' } }, { type: 'text', data: { text: ' hi' } }]); // '[CQ:at,qq=1] hi'
 */
export function toCq(segments: ReadonlyArray<SimSegment>): string {
  return segments.map(segmentToCq).join('').trim();
}

const CQ_CODE = /\[CQ:([^,\]]+)((?:,[^,=\]]+=[^,\]]*)*)\]/g;

function parseParams(text: string): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const pair of text.split(',').slice(1)) {
    const at = pair.indexOf('=');
    data[pair.slice(0, at)] = applyAll(pair.slice(at + 1), UNESCAPES);
  }
  return data;
}

/**
 * Parses CQ text into segments (values stay strings, as NapCat reads them).
 *
 * @example
 * fromCq('hi [CQ:face,id=1]'); // [{ type: 'text', data: { text: 'hi ' } }, { type: 'face', data: { id: '1' } }]
 */
export function fromCq(text: string): SimSegment[] {
  const segments: SimSegment[] = [];
  const pushText = (raw: string): void => {
    if (raw !== '') segments.push({ type: 'text', data: { text: applyAll(raw, UNESCAPES) } });
  };
  let last = 0;
  for (const match of text.matchAll(CQ_CODE)) {
    pushText(text.slice(last, match.index));
    segments.push({ type: match[1] ?? '', data: parseParams(match[2] ?? '') });
    last = match.index + match[0].length;
  }
  pushText(text.slice(last));
  return segments;
}
