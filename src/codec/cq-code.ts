import type { Segment } from './segment';

/**
 * CQ code, the OneBot 11 string message format: text with `[CQ:type,key=value,...]` codes in it. The grammar
 * (parse, stringify, escaping) lives with the codecs, because the frame decoder parses string-format
 * messages; `message/cq.ts` builds the public `cq` tag on it.
 *
 * Escaping follows the spec: in text `&` → `&amp;`, `[` → `&#91;`, `]` → `&#93;`; in a code's values
 * additionally `,` → `&#44;`. Types and keys are written as they are, so they must match `[\w.-]+`.
 */

const TEXT_SPECIALS = /[&[\]]/g;
const PARAM_SPECIALS = /[&[\],]/g;
const ESCAPED = /&(?:amp|#91|#93|#44);/g;
const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '[': '&#91;', ']': '&#93;', ',': '&#44;' };
const UNESCAPES: Readonly<Record<string, string>> = { '&amp;': '&', '&#91;': '[', '&#93;': ']', '&#44;': ',' };
const NAME = /^[\w.-]+$/;
/** How every CQ code opens. */
export const CODE_START = '[CQ:';

/**
 * Escapes text for CQ code: `&`, `[`, `]` (and `,` too when `inParam`, for a code's values).
 * @example escape('[1]&[2]'); // '&#91;1&#93;&amp;&#91;2&#93;'
 */
export function escape(text: string, inParam = false): string {
  return text.replace(inParam ? PARAM_SPECIALS : TEXT_SPECIALS, (c) => ESCAPES[c] as string);
}

/**
 * Reverses `escape`. One pass, so `&amp;` is undone last in effect: `&amp;#91;` gives `&#91;`.
 * @example unescape('&#91;1&#93;&amp;#44;'); // '[1]&#44;'
 */
export function unescape(text: string): string {
  return text.includes('&') ? text.replace(ESCAPED, (e) => UNESCAPES[e] as string) : text;
}

/** Parses the inside of one code (`type,key=value,...` without the brackets); `undefined` if malformed. */
function parseCode(body: string): Segment | undefined {
  const parts = body.split(',');
  const type = parts[0] as string;
  if (!NAME.test(type)) return undefined;
  const entries: [string, string][] = [];
  for (let i = 1; i < parts.length; i++) {
    const part = parts[i] as string;
    const eq = part.indexOf('=');
    if (eq <= 0 || !NAME.test(part.slice(0, eq))) return undefined;
    entries.push([part.slice(0, eq), unescape(part.slice(eq + 1))]);
  }
  return { type, data: Object.fromEntries(entries) } as Segment;
}

/**
 * Parses a CQ string into segments. Never throws: an unterminated or malformed `[CQ:` stays in the text,
 * whole. Text runs are unescaped and merged (a `[CQ:text,text=…]` code joins them too), so the result is in
 * normal form: no empty or adjacent text segments.
 *
 * @example
 * parse('hi [CQ:face,id=14]'); // [{ type: 'text', data: { text: 'hi ' } }, { type: 'face', data: { id: '14' } }]
 */
export function parse(message: string): Segment[] {
  const segments: Segment[] = [];
  let text = '';
  let textStart = 0;
  let searchFrom = 0;
  let end = -1;
  for (;;) {
    const start = message.indexOf(CODE_START, searchFrom);
    if (start < 0) break;
    if (end < start) end = message.indexOf(']', start);
    if (end < 0) break;
    const bodyStart = start + CODE_START.length;
    const bracket = message.indexOf('[', bodyStart);
    if (bracket >= 0 && bracket < end) {
      searchFrom = bracket;
      continue;
    }
    const code = parseCode(message.slice(bodyStart, end));
    searchFrom = end + 1;
    if (code === undefined) continue;
    text += unescape(message.slice(textStart, start));
    textStart = searchFrom;
    if (code.type === 'text') {
      text += code.data.text ?? '';
      continue;
    }
    if (text !== '') segments.push({ type: 'text', data: { text } });
    text = '';
    segments.push(code);
  }
  text += unescape(message.slice(textStart));
  if (text !== '') segments.push({ type: 'text', data: { text } });
  return segments;
}

function paramText(type: string, key: string, value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
  throw new TypeError(`cannot write ${type}.${key} as CQ code: it is ${kind}, not a plain value`);
}

function stringifyCode(segment: Segment): string {
  const { type, data } = segment;
  if (!NAME.test(type)) throw new TypeError(`cannot write segment type ${JSON.stringify(type)} as CQ code`);
  let code = CODE_START + type;
  for (const key of Object.keys(data)) {
    const value: unknown = (data as Record<string, unknown>)[key];
    if (value === undefined) continue;
    if (!NAME.test(key)) throw new TypeError(`cannot write ${type} field ${JSON.stringify(key)} as CQ code`);
    code += `,${key}=${escape(paramText(type, key, value), true)}`;
  }
  return `${code}]`;
}

/**
 * Writes segments as a CQ string. `text` segments become their escaped `text`; other segments become codes, with
 * numbers and booleans written as `String(v)` and `undefined` fields left out.
 *
 * @throws TypeError on a nested value (object, array, null) or on a type or key outside `[\w.-]+`.
 * @example stringify([{ type: 'at', data: { qq: 10001 } }, { type: 'text', data: { text: ' [hi]' } }]);
 * // '[CQ:at,qq=10001] &#91;hi&#93;'
 */
export function stringify(segments: readonly Segment[]): string {
  let out = '';
  for (const segment of segments) {
    out += segment.type === 'text' ? escape(String(segment.data.text ?? '')) : stringifyCode(segment);
  }
  return out;
}

