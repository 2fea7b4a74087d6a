import { InvalidParamsError, type RequestFailed } from 'onebot-rx';

/** Field names of the stream entries, shared by gateway and worker (short: they are stored per entry). */
export const EVENT_FIELDS = {
  /** Gateway-assigned unique id of the event: the delivery id its handling's idempotency keys derive from. */
  id: 'i',
  /** The event frame's JSON text. */
  frame: 'f',
  /** The account (`self_id`) as exact digits. */
  self: 's',
  /** The gateway's receive time (ms since epoch). */
  time: 't',
} as const;

/** Field names of an action entry. */
export const ACTION_FIELDS = {
  /** Idempotency key (every action has one; random outside a handling). */
  key: 'k',
  /** The request frame text `{ action, params, echo }` as the worker's action core wrote it. */
  frame: 'f',
  /** The stream the reply frames go to (`<prefix>:replies:<worker instance>`). */
  replyTo: 'r',
  /** Absolute deadline, ms since epoch ('' = none). */
  deadline: 'd',
  /** Partition and epoch of the handling that made the call ('' = outside a handling: unfenced). */
  partition: 'p',
  epoch: 'e',
} as const;

/** Field of a reply stream entry: the reply frame's text. */
export const REPLY_FIELD = 'f';

/** Reply entries a reply stream keeps at most (`MAXLEN ~`): its worker trims what it has read long before. */
export const MAX_REPLIES = 10_000;

/** The reply frame of a reply stream entry's flat field list (`''`, which no reader accepts, when it has none). */
export function replyTextOf(flat: readonly string[]): string {
  for (let i = 0; i + 1 < flat.length; i += 2) if (flat[i] === REPLY_FIELD) return String(flat[i + 1]);
  return '';
}

/** A stream entry as Redis returns it: its id and its flat field/value list. */
export type RawEntry = [id: string, fields: string[]];

/** The fields of an entry as a record. */
export function fieldsOf(flat: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i + 1 < flat.length; i += 2) out[flat[i] as string] = flat[i + 1] as string;
  return out;
}

/** The entries of an XREADGROUP / XREAD reply, per stream key (a null reply is empty). */
export function entriesOf(reply: unknown): Array<[key: string, entries: RawEntry[]]> {
  if (!Array.isArray(reply)) return [];
  return (reply as Array<[string, RawEntry[] | null]>).map(([key, entries]) => [key, (entries ?? []).filter((e) => Array.isArray(e?.[1]))]);
}

/** Whether a Redis error says the consumer group or its stream is missing (after a Redis restart). */
export const isNoGroup = (e: unknown): boolean => e instanceof Error && e.message.startsWith('NOGROUP');

/** Creates a consumer group at id 0 (so entries published before the first reader are read), if missing. */
export async function ensureGroup(redis: { call(...args: string[]): Promise<unknown> }, stream: string, group: string): Promise<void> {
  try {
    await redis.call('XGROUP', 'CREATE', stream, group, '0', 'MKSTREAM');
  } catch (e) {
    if (!(e instanceof Error) || !e.message.startsWith('BUSYGROUP')) throw e;
  }
}

/** A reply frame text: the stored outcome (a JSON object without echo) with the caller's echo added. */
export function withEcho(outcome: string, echo: unknown): string {
  const tail = outcome.endsWith('}') ? outcome.slice(0, -1) : '{';
  return `${tail}${tail.length > 1 ? ',' : ''}"echo":${JSON.stringify(echo ?? null)}}`;
}

/** The failure of the call written as `text`, answered locally (nothing reached a gateway): an `InvalidParamsError`. */
export function localFailure(text: string, report: string): RequestFailed | undefined {
  try {
    const { action, params, echo } = JSON.parse(text) as { action?: unknown; params?: unknown; echo?: unknown };
    return typeof echo === 'string' ? { type: 'failed', echo, error: new InvalidParamsError(String(action), params, report), relayed: true } : undefined;
  } catch {
    return undefined;
  }
}
