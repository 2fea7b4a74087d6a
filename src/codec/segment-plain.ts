/**
 * Codecs of every segment that holds no other segment (all but `node`, see `segment.ts`), each a
 * `{ type, data }` wrapper over a lean data table.
 */
import * as t from 'io-ts';
import { FILE_FIELDS, JsonPayload, type SegmentCodec, StringOrNumber, fields, segmentOf } from './segment-data';

const TextCodec = segmentOf('text', fields('TextData', { text: t.string }), 'TextSegment');
/** Plain text: `{ type: 'text', data: { text } }`. */
export interface TextSegment extends t.TypeOf<typeof TextCodec> {}
/** Plain text. */
export const TextSegment: SegmentCodec<TextSegment> = TextCodec;

const FaceCodec = segmentOf(
  'face',
  fields('FaceData', { id: StringOrNumber }, { resultId: StringOrNumber, chainCount: t.number, raw: t.unknown }),
  'FaceSegment',
);
/** A QQ system face: `data.id` is the face id; `raw` is NapCat's internal element (received only). */
export interface FaceSegment extends t.TypeOf<typeof FaceCodec> {}
/** A QQ system face (emoji) by its numeric id. */
export const FaceSegment: SegmentCodec<FaceSegment> = FaceCodec;

const MFaceCodec = segmentOf(
  'mface',
  fields(
    'MFaceData',
    { emoji_package_id: StringOrNumber, emoji_id: t.string },
    { key: t.string, summary: t.string, url: t.string },
  ),
  'MFaceSegment',
);
/** A market face; NapCat needs `key` to send one, and reports received ones as `image` segments. */
export interface MFaceSegment extends t.TypeOf<typeof MFaceCodec> {}
/** A market (store) face. */
export const MFaceSegment: SegmentCodec<MFaceSegment> = MFaceCodec;

const AtCodec = segmentOf('at', fields('AtData', { qq: StringOrNumber }, { name: t.string }), 'AtSegment');
/** A mention: `data.qq` is a QQ number or `'all'` (@everyone). */
export interface AtSegment extends t.TypeOf<typeof AtCodec> {}
/** A mention. */
export const AtSegment: SegmentCodec<AtSegment> = AtCodec;

const ReplyCodec = segmentOf(
  'reply',
  fields('ReplyData', {}, { id: StringOrNumber, seq: StringOrNumber }),
  'ReplySegment',
);
/** A quote: `data.id` is the quoted message id (NapCat also accepts `seq`, which it prefers). */
export interface ReplySegment extends t.TypeOf<typeof ReplyCodec> {}
/** A quote of an earlier message. */
export const ReplySegment: SegmentCodec<ReplySegment> = ReplyCodec;

const ImageCodec = segmentOf(
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
export interface ImageSegment extends t.TypeOf<typeof ImageCodec> {}
/** A picture. */
export const ImageSegment: SegmentCodec<ImageSegment> = ImageCodec;

const RecordCodec = segmentOf(
  'record',
  fields('RecordData', { file: t.string }, FILE_FIELDS),
  'RecordSegment',
);
/** A voice message (`file` as for {@link ImageSegment}). */
export interface RecordSegment extends t.TypeOf<typeof RecordCodec> {}
/** A voice message. */
export const RecordSegment: SegmentCodec<RecordSegment> = RecordCodec;

const VideoCodec = segmentOf('video', fields('VideoData', { file: t.string }, FILE_FIELDS), 'VideoSegment');
/** A video (`file` as for {@link ImageSegment}; `thumb` a cover picture). */
export interface VideoSegment extends t.TypeOf<typeof VideoCodec> {}
/** A video. */
export const VideoSegment: SegmentCodec<VideoSegment> = VideoCodec;

const FileCodec = segmentOf(
  'file',
  fields('FileData', { file: t.string }, { ...FILE_FIELDS, file_id: t.string }),
  'FileSegment',
);
/** A file: received with `file` (its name), `file_id` and `file_size`. */
export interface FileSegment extends t.TypeOf<typeof FileCodec> {}
/** A file. */
export const FileSegment: SegmentCodec<FileSegment> = FileCodec;

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

const MusicCodec = segmentOf(
  'music',
  t.union([PlatformMusicData, CustomMusicData], 'MusicData'),
  'MusicSegment',
);
/** A music card, by platform id ({@link PlatformMusicData}) or custom ({@link CustomMusicData}). */
export interface MusicSegment extends t.TypeOf<typeof MusicCodec> {}
/** A music card. */
export const MusicSegment: SegmentCodec<MusicSegment> = MusicCodec;

const PokeCodec = segmentOf(
  'poke',
  fields('PokeData', { type: StringOrNumber, id: StringOrNumber }, { name: t.string }),
  'PokeSegment',
);
/** A poke (a "nudge" animation): `type` and `id` pick the animation. */
export interface PokeSegment extends t.TypeOf<typeof PokeCodec> {}
/** A poke. */
export const PokeSegment: SegmentCodec<PokeSegment> = PokeCodec;

const ResultData = fields('ResultData', {}, { result: StringOrNumber });

const DiceCodec = segmentOf('dice', ResultData, 'DiceSegment');
/** A dice throw: received with `result` (1–6); sent with empty data (the server throws). */
export interface DiceSegment extends t.TypeOf<typeof DiceCodec> {}
/** A dice throw. */
export const DiceSegment: SegmentCodec<DiceSegment> = DiceCodec;

const RpsCodec = segmentOf('rps', ResultData, 'RpsSegment');
/** Rock-paper-scissors: received with `result`; sent with empty data. */
export interface RpsSegment extends t.TypeOf<typeof RpsCodec> {}
/** Rock-paper-scissors. */
export const RpsSegment: SegmentCodec<RpsSegment> = RpsCodec;

const ContactCodec = segmentOf(
  'contact',
  fields('ContactData', { type: t.keyof({ qq: null, group: null }), id: StringOrNumber }),
  'ContactSegment',
);
/** A contact card recommending a user (`type: 'qq'`) or a group (`type: 'group'`). */
export interface ContactSegment extends t.TypeOf<typeof ContactCodec> {}
/** A contact card. */
export const ContactSegment: SegmentCodec<ContactSegment> = ContactCodec;

const ShareCodec = segmentOf(
  'share',
  fields('ShareData', { url: t.string, title: t.string }, { content: t.string, image: t.string }),
  'ShareSegment',
);
/** A link share (OneBot 11; NapCat does not send it). */
export interface ShareSegment extends t.TypeOf<typeof ShareCodec> {}
/** A link share. */
export const ShareSegment: SegmentCodec<ShareSegment> = ShareCodec;

const LocationCodec = segmentOf(
  'location',
  fields('LocationData', { lat: StringOrNumber, lon: StringOrNumber }, { title: t.string, content: t.string }),
  'LocationSegment',
);
/** A location by latitude and longitude. */
export interface LocationSegment extends t.TypeOf<typeof LocationCodec> {}
/** A location. */
export const LocationSegment: SegmentCodec<LocationSegment> = LocationCodec;

const ShakeCodec = segmentOf('shake', fields('ShakeData', {}), 'ShakeSegment');
/** A window shake (OneBot 11; empty data). */
export interface ShakeSegment extends t.TypeOf<typeof ShakeCodec> {}
/** A window shake. */
export const ShakeSegment: SegmentCodec<ShakeSegment> = ShakeCodec;

const JsonCodec = segmentOf(
  'json',
  fields('JsonData', { data: JsonPayload }, { config: fields('JsonConfig', { token: t.string }) }),
  'JsonSegment',
);
/** A JSON card: received as JSON text; sent as text or as an object. */
export interface JsonSegment extends t.TypeOf<typeof JsonCodec> {}
/** A JSON (ark) card. */
export const JsonSegment: SegmentCodec<JsonSegment> = JsonCodec;

const XmlCodec = segmentOf('xml', fields('XmlData', { data: t.string }), 'XmlSegment');
/** An XML card (`data` is the XML text). */
export interface XmlSegment extends t.TypeOf<typeof XmlCodec> {}
/** An XML card. */
export const XmlSegment: SegmentCodec<XmlSegment> = XmlCodec;

const MarkdownCodec = segmentOf('markdown', fields('MarkdownData', { content: t.string }), 'MarkdownSegment');
/** A markdown message (`content` is the markdown text). */
export interface MarkdownSegment extends t.TypeOf<typeof MarkdownCodec> {}
/** Markdown. */
export const MarkdownSegment: SegmentCodec<MarkdownSegment> = MarkdownCodec;

const MiniappCodec = segmentOf('miniapp', fields('MiniappData', { data: t.string }), 'MiniappSegment');
/** A mini-program card (`data` is its JSON text). */
export interface MiniappSegment extends t.TypeOf<typeof MiniappCodec> {}
/** A mini-program card. */
export const MiniappSegment: SegmentCodec<MiniappSegment> = MiniappCodec;

const ForwardCodec = segmentOf(
  'forward',
  fields('ForwardData', { id: StringOrNumber }, { content: t.UnknownArray }),
  'ForwardSegment',
);
/**
 * A forwarded (merged) message: fetch it with `get_forward_msg(id)`. NapCat fills `content` with the inner
 * messages when its `parseMultMsg` option is on.
 */
export interface ForwardSegment extends t.TypeOf<typeof ForwardCodec> {}
/** A forwarded (merged) message. */
export const ForwardSegment: SegmentCodec<ForwardSegment> = ForwardCodec;

const OnlineFileCodec = segmentOf(
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
export interface OnlineFileSegment extends t.TypeOf<typeof OnlineFileCodec> {}
/** An online file or folder offer. */
export const OnlineFileSegment: SegmentCodec<OnlineFileSegment> = OnlineFileCodec;

const FlashTransferCodec = segmentOf(
  'flashtransfer',
  fields('FlashTransferData', { fileSetId: t.string }),
  'FlashTransferSegment',
);
/** A QQ flash transfer file set (NapCat, received only). */
export interface FlashTransferSegment extends t.TypeOf<typeof FlashTransferCodec> {}
/** A QQ flash transfer. */
export const FlashTransferSegment: SegmentCodec<FlashTransferSegment> = FlashTransferCodec;
