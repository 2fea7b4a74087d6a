import type * as t from 'io-ts';

/** A type guard over unknown input. */
export type Is = (u: unknown) => boolean;

/** One field of an object codec: its key, its codec, and whether it may be absent. */
export interface FieldCheck {
  readonly key: string;
  readonly codec: t.Mixed;
  readonly optional: boolean;
  /** An optional field that arrives as `null` counts as absent (NapCat sends nulls for unset segment data). */
  readonly nullIsAbsent?: boolean;
}

/**
 * Writes the check of one value as an expression: `v` is the value, `codec` the expression of its codec
 * (to call `.is` on a slow path).
 */
export type InlineCheck = (v: string, codec: string) => string;

/** Checks that need no call for io-ts's primitive, literal and keyof codecs, by `_tag` (`codec` is its expression). */
const CHECKS_BY_TAG: Readonly<Record<string, (v: string, codec: t.Mixed, ref: string) => string>> = {
  NumberType: (v) => `typeof ${v} === 'number'`,
  StringType: (v) => `typeof ${v} === 'string'`,
  BooleanType: (v) => `typeof ${v} === 'boolean'`,
  UnknownType: () => 'true',
  LiteralType: (v, codec) => `${v} === ${JSON.stringify((codec as t.LiteralC<string | number | boolean>).value)}`,
  KeyofType: (v, _codec, ref) => `typeof ${v} === 'string' && hasOwn.call(${ref}.keys, ${v})`,
};

/** Inline checks the SDK's own codecs declare (see {@link declareInlineCheck}). */
const declared = new WeakMap<t.Mixed, InlineCheck>();

/**
 * Declares how compiled `.is()` functions check a value of `codec` inline (for the SDK's hot codecs: IDs,
 * `string | number`). The expression must agree with `codec.is`.
 *
 * @example
 * declareInlineCheck(StringOrNumber, (v) => `(typeof ${v} === 'string' || typeof ${v} === 'number')`);
 */
export function declareInlineCheck<C extends t.Mixed>(codec: C, check: InlineCheck): C {
  declared.set(codec, check);
  return codec;
}

function passes(field: FieldCheck, index: number): string {
  const ref = `c[${index}]`;
  const own = declared.get(field.codec);
  if (own !== undefined) return `(${own('v', ref)})`;
  const tag = (field.codec as { _tag?: unknown })._tag;
  const byTag = typeof tag === 'string' ? CHECKS_BY_TAG[tag] : undefined;
  return byTag === undefined ? `${ref}.is(v)` : `(${byTag('v', field.codec, ref)})`;
}

function checkOf(field: FieldCheck, index: number): string {
  const read = `v = u[${JSON.stringify(field.key)}];`;
  if (!field.optional) return `${read} if (!${passes(field, index)}) return false;`;
  const absent = field.nullIsAbsent === true ? 'v !== undefined && v !== null' : 'v !== undefined';
  return `${read} if (${absent} && !${passes(field, index)}) return false;`;
}

/**
 * Compiles an object codec's `.is()` into one function that reads each field by a constant name, so V8
 * keeps a monomorphic property cache per field instead of one megamorphic keyed load in a loop (about 2×
 * faster on a message event), and checks primitive fields inline. Returns `undefined` where code generation
 * is not allowed (a Content Security Policy without `unsafe-eval`); the caller then keeps its loop. Keys
 * come from the SDK's own codecs and are written as JSON string literals.
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
    return new Function('c', 'hasOwn', source)(
      fields.map((field) => field.codec),
      Object.prototype.hasOwnProperty,
    ) as Is;
  } catch {
    return undefined;
  }
}

/** `.is()` of an object codec as a plain loop over its fields: the same answers as {@link compileIs}'s. */
function loopIs(fields: readonly FieldCheck[]): Is {
  return (u) => {
    if (typeof u !== 'object' || u === null || Array.isArray(u)) return false;
    for (const field of fields) {
      const value = (u as Record<string, unknown>)[field.key];
      const absent = value === undefined || (value === null && field.nullIsAbsent === true);
      if (field.optional && absent) continue;
      if (!field.codec.is(value)) return false;
    }
    return true;
  };
}

/**
 * The `.is()` of an object codec with these fields: compiled (see {@link compileIs}), or a plain loop with the
 * same answers where code generation is not allowed. Nothing is compiled until the first call, so a codec never
 * used costs no generated function; `compiled` then receives the compiled check, for a codec to install as its
 * own `.is` (later calls skip this wrapper).
 *
 * @example
 * const is = fieldsIs([{ key: 'user_id', codec: Id, optional: false }, { key: 'card', codec: t.string, optional: true }]);
 */
export function fieldsIs(fields: readonly FieldCheck[], compiled?: (is: Is) => void): Is {
  let is: Is | undefined;
  return (u) => {
    if (is === undefined) {
      is = compileIs(fields) ?? loopIs(fields);
      compiled?.(is);
    }
    return is(u);
  };
}

/**
 * Installs `is` as `codec.is` (io-ts codecs hold `.is` as an own property): the SDK's object codecs replace
 * their first-call wrapper from {@link fieldsIs} by the compiled check this way.
 */
export function installIs(codec: { readonly is: unknown }, is: Is): void {
  (codec as { is: unknown }).is = is;
}
