import type * as t from 'io-ts';

/** A type guard over unknown input. */
export type Is = (u: unknown) => boolean;

/** One field of an object codec: its key, its codec, and whether it may be absent. */
export interface FieldCheck {
  readonly key: string;
  readonly codec: t.Mixed;
  readonly optional: boolean;
}

/** Checks that need no call for io-ts's primitive and literal codecs, by `_tag`. */
const INLINE_CHECKS: Readonly<Record<string, (v: string, codec: t.Mixed) => string>> = {
  NumberType: (v) => `typeof ${v} === 'number'`,
  StringType: (v) => `typeof ${v} === 'string'`,
  BooleanType: (v) => `typeof ${v} === 'boolean'`,
  LiteralType: (v, codec) => `${v} === ${JSON.stringify((codec as t.LiteralC<string | number | boolean>).value)}`,
};

function checkOf(field: FieldCheck, index: number): string {
  const tag = (field.codec as { _tag?: unknown })._tag;
  const inline = typeof tag === 'string' ? INLINE_CHECKS[tag] : undefined;
  const passes = inline === undefined ? `c[${index}].is(v)` : `(${inline('v', field.codec)})`;
  const read = `v = u[${JSON.stringify(field.key)}];`;
  return field.optional ? `${read} if (v !== undefined && !${passes}) return false;` : `${read} if (!${passes}) return false;`;
}

/**
 * Compiles an object codec's `.is()` into one function that reads each field by a constant name, so V8
 * keeps a monomorphic property cache per field instead of one megamorphic keyed load in a loop (about 2×
 * faster on a message event). Returns `undefined` where code generation is not allowed (a Content Security
 * Policy without `unsafe-eval`); the caller then keeps its loop. Keys come from the SDK's own codecs and are
 * written as JSON string literals.
 */
export function compileIs(fields: readonly FieldCheck[]): Is | undefined {
  const body = fields.map(checkOf).join('\n');
  const source = `return function is(u) {
if (typeof u !== 'object' || u === null || Array.isArray(u)) return false;
var v;
${body}
return true;
};`;
  try {
    return new Function('c', source)(fields.map((field) => field.codec)) as Is;
  } catch {
    return undefined;
  }
}
