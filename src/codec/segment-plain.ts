/**
 * Codecs of every segment that holds no other segment (all but `node`, see `segment.ts`), each a
 * `{ type, data }` wrapper over a lean data table.
 */
import * as t from 'io-ts';
import { FILE_FIELDS, JsonPayload, StringOrNumber, fields, segmentOf } from './segment-data';

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
