import { type OperatorFunction, map } from 'rxjs';
import { type Id, type IdInput } from '../codec/id';
import { type CustomNodeData, type NodeSegment, type Segment, SegmentArray } from '../codec/segment';
import { DecodeError } from '../errors';
import { isRecord } from '../is-record';
import { cq } from './cq';
import { type CustomNodeOptions, segment } from './segment-builders';

/** One entry of {@link forwardNodes}: an existing message by id, or a custom node. */
export type ForwardEntry = IdInput | CustomNodeOptions;

/** A node of a decoded forward: a custom node whose content is plain segments or, for a nested forward, nodes. */
export interface DecodedNode extends NodeSegment {
  readonly data: CustomNodeData & { content: Segment[]; user_id?: Id; nickname: string };
}

/**
 * The nodes of a merged forward, one per entry: an ID reuses an existing message, an object is a custom node
 * (string content is plain text; content made of nodes is a nested forward).
 *
 * @example
 * client.sendGroupForwardMessage(group, forwardNodes([
 *   event.message_id,
 *   { user_id: 10001, nickname: 'Alice', content: 'hi' },
 *   { nickname: 'Digest', content: forwardNodes([{ nickname: 'Bob', content: 'nested' }]) },
 * ]));
 */
export function forwardNodes(entries: readonly ForwardEntry[]): NodeSegment[] {
  return entries.map((entry) => (typeof entry === 'object' ? segment.node(entry) : segment.node(entry)));
}

type Loose = Readonly<Record<string, unknown>>;

const isIdLike = (u: unknown): u is Id => typeof u === 'number' || (typeof u === 'string' && /^\d+$/.test(u));

function fail(raw: unknown, why: string): never {
  throw new DecodeError(raw, why, 'get_forward_msg');
}

/** Message content in any of the forms backends use: a segment array, or a CQ string. */
function contentOf(raw: unknown, path: string): Segment[] {
  if (typeof raw === 'string') return cq.parse(raw);
  if (!SegmentArray.is(raw)) fail(raw, `${path}: not a segment array or a CQ string`);
  return raw.flatMap((part, i) => expandForward(part, `${path}[${i}]`));
}

/** A `forward` segment with its inner messages becomes their nodes; anything else stays as it is. */
function expandForward(part: Segment, path: string): Segment[] {
  if (part.type !== 'forward') return [part];
  const inner = (part.data as { content?: unknown }).content;
  return Array.isArray(inner) ? decodeNodes(inner, `${path}.content`) : [part];
}

function senderOf(item: Loose): Loose {
  if (isRecord(item.sender)) return item.sender;
  return isRecord(item.data) ? item.data : {};
}

/** One inner message: NapCat's message event, go-cqhttp's `{ content, sender }`, or a `node` segment. */
function decodeNode(item: unknown, path: string): DecodedNode {
  if (!isRecord(item)) fail(item, `${path}: not an object`);
  const body = item.type === 'node' && isRecord(item.data) ? item.data : item;
  const raw = body.message ?? body.content;
  if (raw === undefined) fail(item, `${path}: no message or content`);
  const sender = senderOf(item);
  const userId = [body.user_id, body.uin, sender.user_id, sender.uin].find(isIdLike);
  const nickname = [sender.nickname, sender.name, body.nickname, body.name].find((n) => typeof n === 'string');
  const time = body.time;
  const data: DecodedNode['data'] = {
    ...(userId === undefined ? {} : { user_id: userId }),
    nickname: (nickname as string | undefined) ?? '',
    ...(typeof time === 'number' || typeof time === 'string' ? { time } : {}),
    content: contentOf(raw, `${path}.${body.message === undefined ? 'content' : 'message'}`),
  };
  return { type: 'node', data };
}

function decodeNodes(items: readonly unknown[], path: string): DecodedNode[] {
  return items.map((item, i) => decodeNode(item, `${path}[${i}]`));
}

/**
 * Decodes a `get_forward_msg` reply into custom `node` segments with segment-array content, whatever the
 * backend's shape (NapCat's message events, go-cqhttp's `{ content, sender, time }`, node segments, CQ
 * strings). A nested forward whose messages came along becomes nodes inside its node's content, so the
 * result can be sent again as it is.
 *
 * @throws DecodeError naming the path of the first part that has none of those shapes.
 * @example
 * client.getForwardMessage(id).pipe(map(decodeForward)).subscribe((nodes) => nodes.map((n) => n.data.nickname));
 */
export function decodeForward(reply: unknown): DecodedNode[] {
  const messages = isRecord(reply) ? reply.messages : undefined;
  if (messages === undefined || messages === null) return [];
  if (!Array.isArray(messages)) fail(reply, 'messages: not an array');
  return decodeNodes(messages, 'messages');
}

/**
 * Operator form of {@link decodeForward}: errors with `DecodeError` on an undecodable reply.
 *
 * @example client.getForwardMessage(id).pipe(forwardContent());
 */
export function forwardContent(): OperatorFunction<unknown, DecodedNode[]> {
  return map(decodeForward);
}
