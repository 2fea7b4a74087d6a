import type { RecordedFrame } from '../recording';

/**
 * The frame texts a simulator replays from a recording, in order: events, unknown events and the frames the
 * recording client rejected (so a frame that broke decoding breaks it again). Replies are not pushed: they
 * answer the recorded calls when the new client makes them again (see {@link RecordedAnswers}).
 *
 * @example
 * replayable([{ dir: 'in', kind: 'reply', frame: '{}' }, { dir: 'in', kind: 'event', frame: '{"post_type":"x"}' }]);
 * // ['{"post_type":"x"}']
 */
export function replayable(frames: readonly RecordedFrame[]): string[] {
  return frames.filter((frame) => frame.dir === 'in' && frame.kind !== 'reply').map((frame) => frame.frame);
}

/** A replayed frame as an event object for the world's memory (`get_msg`, pending requests), if it is one. */
export function parseEvent(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) && 'post_type' in value
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const callKey = (action: string, params: unknown): string => `${action}\n${canonical(params ?? {})}`;

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The reply text with its (last) `"echo": <old>` member set to `echo`; every other byte stays. */
export function withEcho(text: string, oldEcho: unknown, echo: unknown): string {
  const pattern = new RegExp(`("echo"\\s*:\\s*)${escapeRegExp(JSON.stringify(oldEcho) ?? 'null')}`, 'g');
  let last: RegExpExecArray | undefined;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) last = match;
  if (last === undefined) return text;
  const head = text.slice(0, last.index) + (last[1] ?? '');
  return `${head}${JSON.stringify(echo ?? null)}${text.slice(last.index + last[0].length)}`;
}

/**
 * The replies of a recording, by the call they answered (action and params, key order ignored): each
 * recorded call is answered once, in recording order, with its recorded reply frames (a stream action's
 * several), their echo set to the new call's. Calls whose replies were not recorded are not answered.
 *
 * @example
 * const answers = new RecordedAnswers();
 * answers.add(parseRecording(text));
 * answers.take('get_login_info', {}, 'e1'); // the recorded reply frames, echo 'e1', or undefined
 */
export class RecordedAnswers {
  private readonly byCall = new Map<string, Array<{ echo: unknown; replies: string[] }>>();

  /** Adds the call / reply pairs of a recording (matched by the recorded echo). */
  add(frames: readonly RecordedFrame[]): void {
    const open = new Map<string, string[]>();
    for (const frame of frames) {
      const parsed = frame.kind === 'call' || frame.kind === 'reply' ? parseObject(frame.frame) : undefined;
      if (parsed === undefined) continue;
      const echoKey = JSON.stringify(parsed['echo'] ?? null);
      if (frame.kind === 'reply') {
        open.get(echoKey)?.push(frame.frame);
        continue;
      }
      const replies: string[] = [];
      open.set(echoKey, replies);
      const key = callKey(String(parsed['action']), parsed['params']);
      const queue = this.byCall.get(key) ?? [];
      queue.push({ echo: parsed['echo'] ?? null, replies });
      this.byCall.set(key, queue);
    }
  }

  /** The recorded reply frames for this call (consumed), with `echo` written in, or `undefined`. */
  take(action: string, params: unknown, echo: unknown): string[] | undefined {
    const queue = this.byCall.get(callKey(action, params));
    let next = queue?.shift();
    while (next !== undefined && next.replies.length === 0) next = queue?.shift();
    if (next === undefined) return undefined;
    const { echo: recorded, replies } = next;
    return replies.map((text) => withEcho(text, recorded, echo));
  }
}
