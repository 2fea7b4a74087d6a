import * as t from 'io-ts';
import { isRecord } from '../is-record';
import { StringOrNumber, fields, segmentOf } from './segment-data';
import * as plain from './segment-plain';

/**
 * Codecs of OneBot 11 message segments `{ type, data }`, as NapCat sends them in events and accepts them in
 * `send_*_msg`. Each data table is lean: required fields, optional fields (absent or `undefined`), and any
 * other field kept as it is (forward compatible). ID-like fields accept `string | number`: NapCat writes
 * strings, and accepts numbers too.
 */

export * from './segment-plain';

/** The content of a custom forward node: the same shapes a message accepts. */
export type NodeContent = string | Segment | Segment[];

const NodeContent = new t.Type<NodeContent, NodeContent, unknown>(
  'NodeContent',
  (u): u is NodeContent => typeof u === 'string' || isSegmentArray(u) || isSegment(u),
  (u, c) => {
    if (typeof u === 'string') return t.success(u);
    return Array.isArray(u) ? SegmentArray.validate(u, c) : Segment.validate(u, c);
  },
  t.identity,
);

/** A forward node that reuses an existing message by id. */
export interface NodeReferenceData {
  id: string | number;
}

/** A forward node with its own sender and content (`user_id`/`nickname`, or go-cqhttp's `uin`/`name`). */
export interface CustomNodeData {
  content: NodeContent;
  user_id?: string | number | null;
  uin?: string | number | null;
  nickname?: string | null;
  name?: string | null;
  source?: string | null;
  news?: { text: string }[] | null;
  summary?: string | null;
  prompt?: string | null;
  time?: string | number | null;
}

const NodeReferenceData = fields('NodeReferenceData', { id: StringOrNumber });
const CustomNodeData: t.Type<CustomNodeData, CustomNodeData, unknown> = fields(
  'CustomNodeData',
  { content: NodeContent },
  {
    user_id: StringOrNumber,
    uin: StringOrNumber,
    nickname: t.string,
    name: t.string,
    source: t.string,
    news: t.array(t.type({ text: t.string }, 'News')),
    summary: t.string,
    prompt: t.string,
    time: StringOrNumber,
  },
);

/** A node of a forward message being sent. */
export interface NodeSegment {
  type: 'node';
  data: NodeReferenceData | CustomNodeData;
}
/** A node of a forward message being sent (a message made only of nodes is sent as a merged forward). */
export const NodeSegment: t.Type<NodeSegment, NodeSegment, unknown> = segmentOf(
  'node',
  t.union([NodeReferenceData, CustomNodeData], 'NodeData'),
  'NodeSegment',
);

/**
 * Every known segment type and its codec: the one list of segments. The {@link Segment} union derives from it
 * and the {@link Segment} codec dispatches on it; {@link knownSegments} checks each key is its codec's `type`.
 */
const SEGMENT_CODECS = knownSegments({
  text: plain.TextSegment,
  face: plain.FaceSegment,
  mface: plain.MFaceSegment,
  at: plain.AtSegment,
  reply: plain.ReplySegment,
  image: plain.ImageSegment,
  record: plain.RecordSegment,
  video: plain.VideoSegment,
  file: plain.FileSegment,
  music: plain.MusicSegment,
  poke: plain.PokeSegment,
  dice: plain.DiceSegment,
  rps: plain.RpsSegment,
  contact: plain.ContactSegment,
  share: plain.ShareSegment,
  location: plain.LocationSegment,
  shake: plain.ShakeSegment,
  json: plain.JsonSegment,
  xml: plain.XmlSegment,
  markdown: plain.MarkdownSegment,
  miniapp: plain.MiniappSegment,
  node: NodeSegment,
  forward: plain.ForwardSegment,
  onlinefile: plain.OnlineFileSegment,
  flashtransfer: plain.FlashTransferSegment,
});

/** Types a table of segment codecs, keyed by each codec's `type` literal. */
function knownSegments<T extends { [K in keyof T]: t.Decoder<unknown, { type: K }> }>(table: T): T {
  return table;
}

type SegmentCodecs = typeof SEGMENT_CODECS;

/**
 * A message segment of a type the SDK knows: a union discriminated by `type`, one member per row of the
 * segment codec table.
 *
 * Segments of types the SDK does not know yet still pass the {@link Segment} codec unchanged (forward
 * compatible), so a `switch (segment.type)` needs a `default` branch at run time.
 */
export type Segment = { [K in keyof SegmentCodecs]: t.TypeOf<SegmentCodecs[K]> }[keyof SegmentCodecs];

/** The `type` of a known segment. */
export type SegmentType = Segment['type'];

const CODEC_BY_TYPE: ReadonlyMap<string, t.Mixed> = new Map(Object.entries(SEGMENT_CODECS));

function isSegment(u: unknown): u is Segment {
  if (!isRecord(u) || typeof u.type !== 'string' || !isRecord(u.data)) return false;
  const codec = CODEC_BY_TYPE.get(u.type);
  return codec === undefined || codec.is(u);
}

function isSegmentArray(u: unknown): u is Segment[] {
  if (!Array.isArray(u)) return false;
  for (let i = 0; i < u.length; i++) if (!isSegment(u[i])) return false;
  return true;
}

/**
 * Codec of one segment: checks `{ type: string, data: object }`, then the data of a known `type` with that
 * type's codec (one Map lookup). A segment of an unknown `type` passes unchanged (forward compatible) but is
 * still typed as the known {@link Segment} union.
 *
 * @example
 * Segment.is({ type: 'at', data: { qq: '10001' } }); // true
 * Segment.is({ type: 'at', data: {} }); // false: `qq` is missing
 * Segment.is({ type: 'future_thing', data: { x: 1 } }); // true: unknown types pass through
 */
export const Segment: t.Type<Segment, Segment, unknown> = new t.Type<Segment, Segment, unknown>(
  'Segment',
  isSegment,
  (u, c) => {
    if (!isRecord(u) || typeof u.type !== 'string') {
      return t.failure(u, c, 'a segment must be an object { type: string, data: object }');
    }
    const codec = CODEC_BY_TYPE.get(u.type);
    if (codec !== undefined) return codec.validate(u, c) as t.Validation<Segment>;
    return isRecord(u.data)
      ? t.success(u as unknown as Segment)
      : t.failure(u.data, t.appendContext(c, 'data', t.UnknownRecord, u.data), 'segment data must be an object');
  },
  t.identity,
);

const SegmentList = t.array(Segment, 'SegmentArray');

/**
 * Codec of a segment array (every message event's `message`). `.is()` is a plain loop over {@link Segment}
 * checks and allocates nothing.
 */
export const SegmentArray: t.Type<Segment[], Segment[], unknown> = new t.Type<Segment[], Segment[], unknown>(
  'SegmentArray',
  isSegmentArray,
  (u, c) => (isSegmentArray(u) ? t.success(u) : SegmentList.validate(u, c)),
  t.identity,
);
