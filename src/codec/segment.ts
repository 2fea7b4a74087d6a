import * as t from 'io-ts';
import { isLeft } from 'fp-ts/lib/Either.js';
import { declareInlineCheck } from './compile-is';
import { objectCodec } from './object';
import { isRecord } from '../is-record';

/**
 * Codecs of OneBot 11 message segments `{ type, data }`, as NapCat sends them in events and accepts them in
 * `send_*_msg`. Each data table is lean: required fields, optional fields (absent or `undefined`), and any
 * other field kept as it is (forward compatible). ID-like fields accept `string | number`: NapCat writes
 * strings, and accepts numbers too.
 */

type Fields = Record<string, t.Mixed>;
type NoFields = Record<never, t.Mixed>;

/**
 * TypeScript shape of a data table: its required fields, then its optional ones. An optional field may also
 * arrive as `null` (NapCat sends nulls for absent values), which counts as absent.
 */
type DataOf<R extends Fields, O extends Fields> = { [K in keyof R]: t.TypeOf<R[K]> } & {
  [K in keyof O]?: t.TypeOf<O[K]> | null;
};

/** A string or a number: ID-like fields, which NapCat sends as strings and accepts as either. */
const StringOrNumber = declareInlineCheck(
  new t.Type<string | number, string | number, unknown>(
    'string | number',
    (u): u is string | number => typeof u === 'string' || typeof u === 'number',
    (u, c) => (typeof u === 'string' || typeof u === 'number' ? t.success(u) : t.failure(u, c)),
    t.identity,
  ),
  (v) => `typeof ${v} === 'string' || typeof ${v} === 'number'`,
);

/** JSON card payload: NapCat sends the JSON text, and accepts the text or the object. */
const JsonPayload = new t.Type<string | Record<string, unknown>, string | Record<string, unknown>, unknown>(
  'string | object',
  (u): u is string | Record<string, unknown> => typeof u === 'string' || isRecord(u),
  (u, c) => (typeof u === 'string' || isRecord(u) ? t.success(u) : t.failure(u, c)),
  t.identity,
);

/**
 * A data table codec (see {@link objectCodec}): `.is()` reads each field by a constant name with primitive
 * fields checked inline and allocates nothing: it runs for every segment of every message event.
 */
function fields<R extends Fields, O extends Fields = NoFields>(
  name: string,
  required: R,
  optional?: O,
): t.Type<DataOf<R, O>, DataOf<R, O>, unknown> {
  const all: Fields = { ...optional, ...required };
  const requiredCount = Object.keys(required).length;
  const keys = [...Object.keys(required), ...Object.keys(optional ?? {})];
  return objectCodec<DataOf<R, O>>(
    name,
    keys.map((key, i) => ({ key, codec: all[key] as t.Mixed, optional: i >= requiredCount, nullIsAbsent: true })),
    { notObject: `${name} must be an object` },
  );
}

/** A segment codec: `{ type: <literal>, data: <data codec> }`. */
function segmentOf<T extends string, D>(
  type: T,
  data: t.Type<D, D, unknown>,
  name: string,
): t.Type<{ type: T; data: D }, { type: T; data: D }, unknown> {
  return new t.Type(
    name,
    (u): u is { type: T; data: D } => isRecord(u) && u.type === type && data.is(u.data),
    (u, c) => {
      if (!isRecord(u) || u.type !== type) {
        return t.failure(u, c, `${name} must be an object { type: '${type}', data }`);
      }
      const result = data.validate(u.data, t.appendContext(c, 'data', data, u.data));
      return isLeft(result) ? result : t.success(u as { type: T; data: D });
    },
    t.identity,
  );
}

/** Optional fields shared by the file-like segments (image, record, video, file). */
const FILE_FIELDS = { path: t.string, url: t.string, name: t.string, thumb: t.string, file_size: StringOrNumber };

/** Plain text. */
export const TextSegment = segmentOf('text', fields('TextData', { text: t.string }), 'TextSegment');
/** Plain text: `{ type: 'text', data: { text } }`. */
export interface TextSegment extends t.TypeOf<typeof TextSegment> {}

/** A QQ system face (emoji) by its numeric id. */
export const FaceSegment = segmentOf(
  'face',
  fields('FaceData', { id: StringOrNumber }, { resultId: StringOrNumber, chainCount: t.number, raw: t.unknown }),
  'FaceSegment',
);
/** A QQ system face: `data.id` is the face id; `raw` is NapCat's internal element (received only). */
export interface FaceSegment extends t.TypeOf<typeof FaceSegment> {}

/** A market (store) face. */
export const MFaceSegment = segmentOf(
  'mface',
  fields(
    'MFaceData',
    { emoji_package_id: StringOrNumber, emoji_id: t.string },
    { key: t.string, summary: t.string, url: t.string },
  ),
  'MFaceSegment',
);
/** A market face; NapCat needs `key` to send one, and reports received ones as `image` segments. */
export interface MFaceSegment extends t.TypeOf<typeof MFaceSegment> {}

/** A mention. */
export const AtSegment = segmentOf('at', fields('AtData', { qq: StringOrNumber }, { name: t.string }), 'AtSegment');
/** A mention: `data.qq` is a QQ number or `'all'` (@everyone). */
export interface AtSegment extends t.TypeOf<typeof AtSegment> {}

/** A quote of an earlier message. */
export const ReplySegment = segmentOf(
  'reply',
  fields('ReplyData', {}, { id: StringOrNumber, seq: StringOrNumber }),
  'ReplySegment',
);
/** A quote: `data.id` is the quoted message id (NapCat also accepts `seq`, which it prefers). */
export interface ReplySegment extends t.TypeOf<typeof ReplySegment> {}

/** A picture. */
export const ImageSegment = segmentOf(
  'image',
  fields(
    'ImageData',
    { file: t.string },
    {
      ...FILE_FIELDS,
      summary: t.string,
      sub_type: StringOrNumber,
      key: t.string,
      emoji_id: t.string,
      emoji_package_id: StringOrNumber,
    },
  ),
  'ImageSegment',
);
/**
 * A picture. Sending: `file` is a path, `file://` URI, http(s) URL or `base64://…`. Received: `file` is a
 * name and `url` the download link; market faces arrive here with `key`, `emoji_id`, `emoji_package_id`.
 */
export interface ImageSegment extends t.TypeOf<typeof ImageSegment> {}

/** A voice message. */
export const RecordSegment = segmentOf(
  'record',
  fields('RecordData', { file: t.string }, FILE_FIELDS),
  'RecordSegment',
);
/** A voice message (`file` as for {@link ImageSegment}). */
export interface RecordSegment extends t.TypeOf<typeof RecordSegment> {}

/** A video. */
export const VideoSegment = segmentOf('video', fields('VideoData', { file: t.string }, FILE_FIELDS), 'VideoSegment');
/** A video (`file` as for {@link ImageSegment}; `thumb` a cover picture). */
export interface VideoSegment extends t.TypeOf<typeof VideoSegment> {}

/** A file. */
export const FileSegment = segmentOf(
  'file',
  fields('FileData', { file: t.string }, { ...FILE_FIELDS, file_id: t.string }),
  'FileSegment',
);
/** A file: received with `file` (its name), `file_id` and `file_size`. */
export interface FileSegment extends t.TypeOf<typeof FileSegment> {}

/** Music platforms NapCat can sign a music card for. */
export const MusicPlatform = t.keyof({ qq: null, '163': null, kugou: null, migu: null, kuwo: null }, 'MusicPlatform');
/** A music platform: `'qq' | '163' | 'kugou' | 'migu' | 'kuwo'`. */
export type MusicPlatform = t.TypeOf<typeof MusicPlatform>;

const PlatformMusicData = fields('PlatformMusicData', { type: MusicPlatform, id: StringOrNumber });
/** A music card by platform and song id. */
export interface PlatformMusicData extends t.TypeOf<typeof PlatformMusicData> {}

const CustomMusicData = fields(
  'CustomMusicData',
  { type: t.union([t.literal('custom'), MusicPlatform]), url: t.string },
  { audio: t.string, voice: t.string, title: t.string, image: t.string, content: t.string, singer: t.string },
);
/** A custom music card: `url` opens on click, `audio` plays, `image` is the cover (NapCat requires it). */
export interface CustomMusicData extends t.TypeOf<typeof CustomMusicData> {}

/** A music card. */
export const MusicSegment = segmentOf(
  'music',
  t.union([PlatformMusicData, CustomMusicData], 'MusicData'),
  'MusicSegment',
);
/** A music card, by platform id ({@link PlatformMusicData}) or custom ({@link CustomMusicData}). */
export interface MusicSegment extends t.TypeOf<typeof MusicSegment> {}

/** A poke. */
export const PokeSegment = segmentOf(
  'poke',
  fields('PokeData', { type: StringOrNumber, id: StringOrNumber }, { name: t.string }),
  'PokeSegment',
);
/** A poke (a "nudge" animation): `type` and `id` pick the animation. */
export interface PokeSegment extends t.TypeOf<typeof PokeSegment> {}

const ResultData = fields('ResultData', {}, { result: StringOrNumber });

/** A dice throw. */
export const DiceSegment = segmentOf('dice', ResultData, 'DiceSegment');
/** A dice throw: received with `result` (1–6); sent with empty data (the server throws). */
export interface DiceSegment extends t.TypeOf<typeof DiceSegment> {}

/** Rock-paper-scissors. */
export const RpsSegment = segmentOf('rps', ResultData, 'RpsSegment');
/** Rock-paper-scissors: received with `result`; sent with empty data. */
export interface RpsSegment extends t.TypeOf<typeof RpsSegment> {}

/** A contact card. */
export const ContactSegment = segmentOf(
  'contact',
  fields('ContactData', { type: t.keyof({ qq: null, group: null }), id: StringOrNumber }),
  'ContactSegment',
);
/** A contact card recommending a user (`type: 'qq'`) or a group (`type: 'group'`). */
export interface ContactSegment extends t.TypeOf<typeof ContactSegment> {}

/** A link share. */
export const ShareSegment = segmentOf(
  'share',
  fields('ShareData', { url: t.string, title: t.string }, { content: t.string, image: t.string }),
  'ShareSegment',
);
/** A link share (OneBot 11; NapCat does not send it). */
export interface ShareSegment extends t.TypeOf<typeof ShareSegment> {}

/** A location. */
export const LocationSegment = segmentOf(
  'location',
  fields('LocationData', { lat: StringOrNumber, lon: StringOrNumber }, { title: t.string, content: t.string }),
  'LocationSegment',
);
/** A location by latitude and longitude. */
export interface LocationSegment extends t.TypeOf<typeof LocationSegment> {}

/** A window shake. */
export const ShakeSegment = segmentOf('shake', fields('ShakeData', {}), 'ShakeSegment');
/** A window shake (OneBot 11; empty data). */
export interface ShakeSegment extends t.TypeOf<typeof ShakeSegment> {}

/** A JSON (ark) card. */
export const JsonSegment = segmentOf(
  'json',
  fields('JsonData', { data: JsonPayload }, { config: fields('JsonConfig', { token: t.string }) }),
  'JsonSegment',
);
/** A JSON card: received as JSON text; sent as text or as an object. */
export interface JsonSegment extends t.TypeOf<typeof JsonSegment> {}

/** An XML card. */
export const XmlSegment = segmentOf('xml', fields('XmlData', { data: t.string }), 'XmlSegment');
/** An XML card (`data` is the XML text). */
export interface XmlSegment extends t.TypeOf<typeof XmlSegment> {}

/** Markdown. */
export const MarkdownSegment = segmentOf('markdown', fields('MarkdownData', { content: t.string }), 'MarkdownSegment');
/** A markdown message (`content` is the markdown text). */
export interface MarkdownSegment extends t.TypeOf<typeof MarkdownSegment> {}

/** A mini-program card. */
export const MiniappSegment = segmentOf('miniapp', fields('MiniappData', { data: t.string }), 'MiniappSegment');
/** A mini-program card (`data` is its JSON text). */
export interface MiniappSegment extends t.TypeOf<typeof MiniappSegment> {}

/** A forwarded (merged) message. */
export const ForwardSegment = segmentOf(
  'forward',
  fields('ForwardData', { id: StringOrNumber }, { content: t.UnknownArray }),
  'ForwardSegment',
);
/**
 * A forwarded (merged) message: fetch it with `get_forward_msg(id)`. NapCat fills `content` with the inner
 * messages when its `parseMultMsg` option is on.
 */
export interface ForwardSegment extends t.TypeOf<typeof ForwardSegment> {}

/** An online file or folder offer. */
export const OnlineFileSegment = segmentOf(
  'onlinefile',
  fields('OnlineFileData', {
    msgId: t.string,
    elementId: t.string,
    fileName: t.string,
    fileSize: StringOrNumber,
    isDir: t.boolean,
  }),
  'OnlineFileSegment',
);
/** An online file or folder offer (NapCat, received only). */
export interface OnlineFileSegment extends t.TypeOf<typeof OnlineFileSegment> {}

/** A QQ flash transfer. */
export const FlashTransferSegment = segmentOf(
  'flashtransfer',
  fields('FlashTransferData', { fileSetId: t.string }),
  'FlashTransferSegment',
);
/** A QQ flash transfer file set (NapCat, received only). */
export interface FlashTransferSegment extends t.TypeOf<typeof FlashTransferSegment> {}

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
 * A message segment of a type the SDK knows: a union discriminated by `type`.
 *
 * Segments of types the SDK does not know yet still pass the {@link Segment} codec unchanged (forward
 * compatible), so a `switch (segment.type)` needs a `default` branch at run time.
 */
export type Segment =
  | TextSegment
  | FaceSegment
  | MFaceSegment
  | AtSegment
  | ReplySegment
  | ImageSegment
  | RecordSegment
  | VideoSegment
  | FileSegment
  | MusicSegment
  | PokeSegment
  | DiceSegment
  | RpsSegment
  | ContactSegment
  | ShareSegment
  | LocationSegment
  | ShakeSegment
  | JsonSegment
  | XmlSegment
  | MarkdownSegment
  | MiniappSegment
  | NodeSegment
  | ForwardSegment
  | OnlineFileSegment
  | FlashTransferSegment;

/** Every known segment type and its codec: the one table `Segment` dispatches on. */
const SEGMENT_CODECS = {
  text: TextSegment,
  face: FaceSegment,
  mface: MFaceSegment,
  at: AtSegment,
  reply: ReplySegment,
  image: ImageSegment,
  record: RecordSegment,
  video: VideoSegment,
  file: FileSegment,
  music: MusicSegment,
  poke: PokeSegment,
  dice: DiceSegment,
  rps: RpsSegment,
  contact: ContactSegment,
  share: ShareSegment,
  location: LocationSegment,
  shake: ShakeSegment,
  json: JsonSegment,
  xml: XmlSegment,
  markdown: MarkdownSegment,
  miniapp: MiniappSegment,
  node: NodeSegment,
  forward: ForwardSegment,
  onlinefile: OnlineFileSegment,
  flashtransfer: FlashTransferSegment,
} satisfies { [K in Segment['type']]: t.Type<Extract<Segment, { type: K }>, unknown, unknown> };

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
