import * as t from 'io-ts';
import { isRecord } from '../is-record';
import { type FieldCheck, fieldsIs, installIs } from './compile-is';

/** How {@link objectCodec} reports a non-object and writes a value back. */
export interface ObjectCodecOptions<A, O> {
  /** The message of the failure when the input is not an object (none by default). */
  readonly notObject?: string;
  /** `.encode()`; the identity by default (the value is sent as it is). */
  readonly encode?: t.Encode<A, O>;
}

/**
 * The one object-codec factory of the SDK: the event tables (`lean`), the segment data tables and the
 * catalogue's param and result structs are all built by it. `.is()` reads each field by a constant name and
 * allocates nothing (see {@link fieldsIs}; compiled on its first call, so codecs never used cost no generated code); `.validate()` reports every failing field with its path and,
 * on success, returns the very object it was given (fields not in the table are kept). A field that is
 * `optional` may be absent (`undefined`, or also `null` with `nullIsAbsent`).
 *
 * @example
 * const Sender = objectCodec<Sender>('Sender', [
 *   { key: 'user_id', codec: Id, optional: false },
 *   { key: 'card', codec: t.string, optional: true },
 * ]);
 */
export function objectCodec<A, O = A>(
  name: string,
  fields: readonly FieldCheck[],
  options: ObjectCodecOptions<A, O> = {},
): t.Type<A, O, unknown> {
  const is = fieldsIs(fields, (compiled) => installIs(codec, compiled)) as (u: unknown) => u is A;
  const validate = (u: unknown, c: t.Context): t.Validation<A> => {
    if (!isRecord(u)) return t.failure(u, c, options.notObject);
    const errors: t.ValidationError[] = [];
    for (const { key, codec, optional, nullIsAbsent } of fields) {
      const value = u[key];
      if (optional && (value === undefined || (value === null && nullIsAbsent === true))) continue;
      const result = codec.validate(value, t.appendContext(c, key, codec, value));
      if (result._tag === 'Left') errors.push(...result.left);
    }
    return errors.length === 0 ? t.success(u as A) : t.failures(errors);
  };
  const codec = new t.Type<A, O, unknown>(name, is, validate, options.encode ?? (t.identity as unknown as t.Encode<A, O>));
  return codec;
}
