import type * as t from 'io-ts';

const MAX_LINES = 20;
const MAX_VALUE_CHARS = 80;

/** Codecs whose children are alternatives or parts, not fields: their context keys are not path steps. */
const BRANCHING_TAGS: Readonly<Record<string, true>> = { UnionType: true, IntersectionType: true };

interface Failure {
  readonly expected: string[];
  readonly actual: unknown;
  readonly messages: string[];
}

function isBranching(type: t.Decoder<unknown, unknown>): boolean {
  const tag = (type as { _tag?: unknown })._tag;
  return typeof tag === 'string' && BRANCHING_TAGS[tag] === true;
}

/** The field path of a failure (`sender.user_id`, `message.0.type`), with union branches left out. */
function pathOf(context: t.Context): string {
  const steps: string[] = [];
  for (let i = 1; i < context.length; i++) {
    const parent = context[i - 1];
    const entry = context[i];
    if (entry === undefined || parent === undefined || isBranching(parent.type)) continue;
    if (entry.key !== '') steps.push(entry.key);
  }
  return steps.join('.');
}

/** A short, safe rendering of a received value. */
function show(value: unknown): string {
  if (value === undefined) return 'undefined';
  let text: string;
  try {
    text = typeof value === 'bigint' ? `${value}n` : (JSON.stringify(value) ?? String(value));
  } catch {
    text = Object.prototype.toString.call(value);
  }
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
}

function collect(errors: t.Errors): Map<string, Failure> {
  const byPath = new Map<string, Failure>();
  for (const error of errors) {
    const root = error.context[0]?.type.name ?? 'value';
    const path = pathOf(error.context);
    const where = path === '' ? root : `${root}.${path}`;
    const expected = error.context[error.context.length - 1]?.type.name ?? root;
    let failure = byPath.get(where);
    if (failure === undefined) {
      failure = { expected: [], actual: error.value, messages: [] };
      byPath.set(where, failure);
    }
    if (!failure.expected.includes(expected)) failure.expected.push(expected);
    if (error.message !== undefined && !failure.messages.includes(error.message)) failure.messages.push(error.message);
  }
  return byPath;
}

/**
 * A readable report of io-ts validation errors: one line per failing field, naming the codec, the field's
 * path, what was expected and what came.
 *
 * @example
 * reportErrors(GroupMessageEvent.decode(frame).left);
 * // GroupMessageEvent.message_id: expected Id, got "abc"
 * // GroupMessageEvent.sender.nickname: expected string, got undefined
 */
export function reportErrors(errors: t.Errors): string {
  if (errors.length === 0) return 'no errors';
  const lines: string[] = [];
  for (const [where, failure] of collect(errors)) {
    const why = failure.messages.length > 0 ? ` — ${failure.messages.join('; ')}` : '';
    lines.push(`${where}: expected ${failure.expected.join(' or ')}, got ${show(failure.actual)}${why}`);
  }
  if (lines.length <= MAX_LINES) return lines.join('\n');
  return [...lines.slice(0, MAX_LINES), `… and ${lines.length - MAX_LINES} more`].join('\n');
}

/** A readable path report of why `value` fails `codec` (its `.decode()` errors, {@link reportErrors}). */
export function explain(codec: t.Decoder<unknown, unknown>, value: unknown): string {
  const result = codec.decode(value);
  return result._tag === 'Left' ? reportErrors(result.left) : 'the value passes .decode() but not .is()';
}
