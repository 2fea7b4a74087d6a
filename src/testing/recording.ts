/**
 * The recording format of `recordFrames` and `sim.replay`: JSON lines, one frame per line,
 * `{ "dir": "in" | "out", "kind": <kind>, "frame": <the frame's exact text, as a JSON string> }`. The frame
 * stays text so 64-bit IDs keep their digits; tokens are redacted from it first. Pure: no IO here.
 */

/**
 * What a frame was: inbound a known event, an event no codec knows, an action reply, or a frame the client
 * rejected; outbound (`dir: 'out'`) a request the client wrote (`call`).
 */
export type RecordedKind = 'event' | 'unknown-event' | 'reply' | 'invalid' | 'call';

/** One line of a recording. */
export interface RecordedFrame {
  /** `in`: received by the client; `out`: written by it (`kind: 'call'`). */
  readonly dir: 'in' | 'out';
  readonly kind: RecordedKind;
  /** The frame's text as received or written (redacted). */
  readonly frame: string;
}

/** What replaces a redacted value. */
export const REDACTED = '[redacted]';

const JSON_VALUE = String.raw`"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?`;

/** Fields whose value is a credential: any `*token*` field, cookies, passwords, secrets, authorization. */
const SECRET_FIELD = new RegExp(String.raw`("[^"\\]*(?:token|cookie|password|secret|authorization)[^"\\]*"\s*:\s*)(?:${JSON_VALUE})`, 'gi');

/** `access_token=` in URLs (query or fragment), up to the next separator. */
const URL_TOKEN = /([?&#]access_token=)[^&#"\s\\]*/gi;

/** `Authorization: Bearer x` / `Token x` inside strings (e.g. headers a download was given). */
const AUTH_HEADER = /(authorization\s*[:=]\s*)(?:(?:bearer|token)\s+)?[^"\\\r\n,;]+/gi;

/**
 * Removes credentials from a frame's JSON text without reparsing it (so every other byte, 64-bit IDs
 * included, stays as received): values of `token`/`cookie`/`password`/`secret`/`authorization` fields,
 * `access_token=` in URLs, and `Authorization` header values inside strings.
 *
 * @example
 * redactFrame('{"data":{"token":12345},"url":"ws://h/?access_token=s3cret"}');
 * // '{"data":{"token":"[redacted]"},"url":"ws://h/?access_token=[redacted]"}'
 */
export function redactFrame(text: string): string {
  return text
    .replace(SECRET_FIELD, `$1"${REDACTED}"`)
    .replace(URL_TOKEN, `$1${REDACTED}`)
    .replace(AUTH_HEADER, `$1${REDACTED}`);
}

/**
 * One recording line (without the newline) for a frame's text, redacted (`call` frames are outbound).
 *
 * @example
 * recordingLine('event', '{"post_type":"notice","user_id":12345678901234567890}');
 * // '{"dir":"in","kind":"event","frame":"{\"post_type\":\"notice\",\"user_id\":12345678901234567890}"}'
 */
export function recordingLine(kind: RecordedKind, text: string): string {
  const line: RecordedFrame = { dir: kind === 'call' ? 'out' : 'in', kind, frame: redactFrame(text) };
  return JSON.stringify(line);
}

const KINDS: ReadonlySet<string> = new Set<RecordedKind>(['event', 'unknown-event', 'reply', 'invalid']);

function isRecordedFrame(u: unknown): u is RecordedFrame {
  if (typeof u !== 'object' || u === null) return false;
  const line = u as Record<string, unknown>;
  if (typeof line['frame'] !== 'string') return false;
  if (line['dir'] === 'out') return line['kind'] === 'call';
  return line['dir'] === 'in' && typeof line['kind'] === 'string' && KINDS.has(line['kind']);
}

/**
 * The frames of a recording's text, in order; blank lines are skipped and lines this version does not know
 * are ignored. Throws a `SyntaxError` naming the line of a line that is not JSON.
 *
 * @example
 * parseRecording('{"dir":"in","kind":"event","frame":"{}"}\n'); // [{ dir: 'in', kind: 'event', frame: '{}' }]
 */
export function parseRecording(text: string): RecordedFrame[] {
  const frames: RecordedFrame[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new SyntaxError(`recording line ${index + 1} is not JSON: ${(error as Error).message}`, { cause: error });
    }
    if (isRecordedFrame(value)) frames.push(value);
  });
  return frames;
}
