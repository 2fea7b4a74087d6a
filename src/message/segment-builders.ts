import type { IdInput } from '../codec/id';
import { toBase64 } from '../codec/base64';
import type {
  AtSegment,
  ContactSegment,
  CustomMusicData,
  CustomNodeData,
  DiceSegment,
  FaceSegment,
  FileSegment,
  ForwardSegment,
  ImageSegment,
  JsonSegment,
  LocationSegment,
  MarkdownSegment,
  MFaceSegment,
  MiniappSegment,
  MusicPlatform,
  MusicSegment,
  NodeSegment,
  PokeSegment,
  RecordSegment,
  ReplySegment,
  RpsSegment,
  ShakeSegment,
  ShareSegment,
  TextSegment,
  VideoSegment,
  XmlSegment,
} from '../codec/segment';
import { type Message, toSegments } from './message';

/**
 * Writes an ID as the decimal string NapCat puts in segment data. A `bigint` gives its exact digits; a
 * `number` must be a safe integer, since a larger one has already lost its last digits.
 */
function idText(id: IdInput): string {
  if (typeof id === 'number' && !Number.isSafeInteger(id)) {
    throw new RangeError(`${id} is not a safe integer ID: pass large IDs as a string or a bigint`);
  }
  return String(id);
}

/** Options of `segment.image`. */
export interface ImageOptions {
  /** Text shown in previews and notifications instead of "[图片]". */
  summary?: string;
  /** NapCat picture sub type: `0` a normal picture, `1` a sticker-style picture. */
  sub_type?: number;
  /** File name to use when the picture comes from a URL or base64. */
  name?: string;
}

/** Options of `segment.video`. */
export interface VideoOptions {
  /** Cover picture (path, URL or `base64://…`). */
  thumb?: string;
  /** File name to use. */
  name?: string;
}

/** Options of `segment.record` and `segment.file`. */
export interface FileOptions {
  /** File name to show (the name in the path or URL otherwise). */
  name?: string;
}

/** Fields of a market face, as `get_*` actions and received segments report them. */
export interface MFaceOptions {
  emoji_package_id: IdInput;
  emoji_id: string;
  key: string;
  summary?: string;
}

/** A custom music card: `url` opens on click, `audio` plays, `image` is the cover. */
export type CustomMusicOptions = Omit<CustomMusicData, 'type'>;

/** A custom forward node: sender shown in the forward, and content (a {@link Message}). */
export interface CustomNodeOptions extends Omit<CustomNodeData, 'content' | 'user_id' | 'uin'> {
  user_id?: IdInput;
  content: Message;
}

/** Plain text. @example segment.text('hello') */
export function text(value: string): TextSegment {
  return { type: 'text', data: { text: value } };
}

/**
 * Mentions a member, or everyone with `'all'`.
 * @example segment.at(10001); segment.at('all')
 */
export function at(qq: IdInput | 'all', name?: string): AtSegment {
  const data = { qq: qq === 'all' ? 'all' : idText(qq) };
  return { type: 'at', data: name === undefined ? data : { ...data, name } };
}

/** Quotes a message by id (put it first in the message). @example segment.reply(event.message_id) */
export function reply(id: IdInput): ReplySegment {
  return { type: 'reply', data: { id: idText(id) } };
}

/** A QQ system face by id. @example segment.face(14) */
function face(id: IdInput): FaceSegment {
  return { type: 'face', data: { id: idText(id) } };
}

/** A market face. @example segment.mface({ emoji_package_id: 1, emoji_id: 'ab', key: 'k' }) */
function mface(options: MFaceOptions): MFaceSegment {
  return { type: 'mface', data: { ...options, emoji_package_id: Number(options.emoji_package_id) } };
}

/**
 * Where a media segment's content comes from: a path, `file://` URI, http(s) URL or `base64://…` string, or the
 * bytes themselves (embedded as `base64://`; right for pictures and voice messages — for large files, upload
 * with `client.uploadFileStream` and pass its `filePath`).
 */
export type MediaSource = string | Uint8Array;

function mediaFile(source: MediaSource): string {
  return typeof source === 'string' ? source : `base64://${toBase64(source)}`;
}

/**
 * A picture from a path, URL, `base64://…` string, or bytes.
 * @example segment.image('https://example.com/cat.png', { summary: 'a cat' }); segment.image(pngBytes)
 */
function image(file: MediaSource, options?: ImageOptions): ImageSegment {
  return { type: 'image', data: { file: mediaFile(file), ...options } };
}

/** A voice message from a path, URL, `base64://…` or bytes. @example segment.record('file:///tmp/hi.amr') */
function record(file: MediaSource, options?: FileOptions): RecordSegment {
  return { type: 'record', data: { file: mediaFile(file), ...options } };
}

/** A video from a path, URL, `base64://…` or bytes. @example segment.video('/tmp/clip.mp4', { thumb: '/tmp/c.png' }) */
function video(file: MediaSource, options?: VideoOptions): VideoSegment {
  return { type: 'video', data: { file: mediaFile(file), ...options } };
}

/** A file from a path, URL, `base64://…` or bytes. @example segment.file('/tmp/report.pdf', { name: 'report.pdf' }) */
function file(path: MediaSource, options?: FileOptions): FileSegment {
  return { type: 'file', data: { file: mediaFile(path), ...options } };
}

/** A JSON (ark) card from its text or object. @example segment.json({ app: 'com.tencent.structmsg' }) */
function json(data: string | Record<string, unknown>): JsonSegment {
  return { type: 'json', data: { data } };
}

/** An XML card. @example segment.xml('<?xml version="1.0"?><msg/>') */
function xml(data: string): XmlSegment {
  return { type: 'xml', data: { data } };
}

/** Markdown (needs an account allowed to send it). @example segment.markdown('# Title') */
function markdown(content: string): MarkdownSegment {
  return { type: 'markdown', data: { content } };
}

/** A mini-program card from its JSON text. @example segment.miniapp(cardJson) */
function miniapp(data: string): MiniappSegment {
  return { type: 'miniapp', data: { data } };
}

/**
 * A music card: by platform and song id, or custom.
 * @example
 * segment.music('163', 28949129);
 * segment.music({ url: 'https://x.y/song', audio: 'https://x.y/a.mp3', title: 'Song', image: 'https://x.y/c.jpg' });
 */
function music(platform: MusicPlatform, id: IdInput): MusicSegment;
function music(card: CustomMusicOptions): MusicSegment;
function music(platformOrCard: MusicPlatform | CustomMusicOptions, id?: IdInput): MusicSegment {
  if (typeof platformOrCard === 'object') return { type: 'music', data: { ...platformOrCard, type: 'custom' } };
  return { type: 'music', data: { type: platformOrCard, id: idText(id ?? '') } };
}

/** A poke animation by type and id. @example segment.poke(1, 1) */
function poke(type: IdInput, id: IdInput): PokeSegment {
  return { type: 'poke', data: { type: idText(type), id: idText(id) } };
}

/** A dice throw (the server picks the result). @example segment.dice() */
function dice(): DiceSegment {
  return { type: 'dice', data: {} };
}

/** Rock-paper-scissors (the server picks the result). @example segment.rps() */
function rps(): RpsSegment {
  return { type: 'rps', data: {} };
}

/** A window shake (OneBot 11). @example segment.shake() */
function shake(): ShakeSegment {
  return { type: 'shake', data: {} };
}

/** A contact card recommending a user or a group. @example segment.contact('group', 123456) */
function contact(type: 'qq' | 'group', id: IdInput): ContactSegment {
  return { type: 'contact', data: { type, id: idText(id) } };
}

/** A link share (OneBot 11). @example segment.share('https://example.com', 'Example', { content: 'a page' }) */
function share(url: string, title: string, options?: { content?: string; image?: string }): ShareSegment {
  return { type: 'share', data: { url, title, ...options } };
}

/** A location. @example segment.location(39.9, 116.4, { title: 'Beijing' }) */
function location(
  lat: number | string,
  lon: number | string,
  options?: { title?: string; content?: string },
): LocationSegment {
  return { type: 'location', data: { lat, lon, ...options } };
}

/**
 * A forward node: an existing message by id, or custom with its own sender and content. A message made
 * only of nodes is sent as a merged forward; string content is plain text, as everywhere.
 * @example
 * segment.node(event.message_id);
 * segment.node({ user_id: 10001, nickname: 'Alice', content: [segment.face(14), segment.text('hi')] });
 */
function node(id: IdInput): NodeSegment;
function node(custom: CustomNodeOptions): NodeSegment;
function node(idOrCustom: IdInput | CustomNodeOptions): NodeSegment {
  if (typeof idOrCustom !== 'object') return { type: 'node', data: { id: idText(idOrCustom) } };
  const { user_id, content, ...rest } = idOrCustom;
  const data: CustomNodeData = { ...rest, content: toSegments(content) };
  return { type: 'node', data: user_id === undefined ? data : { user_id: idText(user_id), ...data } };
}

/** A forwarded (merged) message by its id. @example segment.forward(forwardId) */
function forward(id: IdInput): ForwardSegment {
  return { type: 'forward', data: { id: idText(id) } };
}

/**
 * Builders for every segment type NapCat accepts: each returns the exact `{ type, data }` shape it sends.
 * IDs may be numbers, digit strings or bigints, and are written as decimal strings.
 *
 * @example
 * client.sendGroupMessage(group, [segment.reply(id), segment.at(user), segment.text(' done')]);
 */
export const segment = {
  text,
  at,
  reply,
  face,
  mface,
  image,
  record,
  video,
  file,
  json,
  xml,
  markdown,
  miniapp,
  music,
  poke,
  dice,
  rps,
  shake,
  contact,
  share,
  location,
  node,
  forward,
} as const;
