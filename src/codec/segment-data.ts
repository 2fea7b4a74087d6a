/**
 * How the segment codecs are built: a data table codec ({@link fields}), the `{ type, data }` wrapper
 * ({@link segmentOf}) and the field codecs several segments share.
 */
import * as t from 'io-ts';
import { isLeft } from 'fp-ts/lib/Either.js';
import { declareInlineCheck } from './compile-is';
import { objectCodec } from './object';
import { isRecord } from '../is-record';

/** The field codecs of a data table, by key. */
export type Fields = Record<string, t.Mixed>;
/** A data table with no fields of a kind (no optional fields, say). */
export type NoFields = Record<never, t.Mixed>;

/**
 * TypeScript shape of a data table: its required fields, then its optional ones. An optional field may also
 * arrive as `null` (NapCat sends nulls for absent values), which counts as absent.
 */
export type DataOf<R extends Fields, O extends Fields> = { [K in keyof R]: t.TypeOf<R[K]> } & {
  [K in keyof O]?: t.TypeOf<O[K]> | null;
};

/** A string or a number: ID-like fields, which NapCat sends as strings and accepts as either. */
export const StringOrNumber = declareInlineCheck(
  new t.Type<string | number, string | number, unknown>(
    'string | number',
    (u): u is string | number => typeof u === 'string' || typeof u === 'number',
    (u, c) => (typeof u === 'string' || typeof u === 'number' ? t.success(u) : t.failure(u, c)),
    t.identity,
  ),
  (v) => `typeof ${v} === 'string' || typeof ${v} === 'number'`,
);

/** JSON card payload: NapCat sends the JSON text, and accepts the text or the object. */
export const JsonPayload = new t.Type<string | Record<string, unknown>, string | Record<string, unknown>, unknown>(
  'string | object',
  (u): u is string | Record<string, unknown> => typeof u === 'string' || isRecord(u),
  (u, c) => (typeof u === 'string' || isRecord(u) ? t.success(u) : t.failure(u, c)),
  t.identity,
);

/**
 * A data table codec (see {@link objectCodec}): `.is()` reads each field by a constant name with primitive
 * fields checked inline and allocates nothing: it runs for every segment of every message event.
 */
export function fields<R extends Fields, O extends Fields = NoFields>(
  name: string,
  required: R,
  optional?: O,
): t.Type<DataOf<R, O>, DataOf<R, O>, unknown> {
  const all: Fields = { ...optional, ...required };
  const requiredCount = Object.keys(required).length;
  const keys = [...Object.keys(required), ...Object.keys(optional ?? {})];
  return objectCodec<DataOf<R, O>>(
    name,
    keys.map((key, i) => ({ key, codec: all[key] as t.Mixed, optional: i >= requiredCount, nullIsAbsent: true })),
    { notObject: `${name} must be an object` },
  );
}

/** The codec of a segment type `S`, typed by its named interface (so unions of them read as names). */
export type SegmentCodec<S> = t.Type<S, S, unknown>;

/** A segment codec: `{ type: <literal>, data: <data codec> }`. */
export function segmentOf<T extends string, D>(
  type: T,
  data: t.Type<D, D, unknown>,
  name: string,
): t.Type<{ type: T; data: D }, { type: T; data: D }, unknown> {
  return new t.Type(
    name,
    (u): u is { type: T; data: D } => isRecord(u) && u.type === type && data.is(u.data),
    (u, c) => {
      if (!isRecord(u) || u.type !== type) {
        return t.failure(u, c, `${name} must be an object { type: '${type}', data }`);
      }
      const result = data.validate(u.data, t.appendContext(c, 'data', data, u.data));
      return isLeft(result) ? result : t.success(u as { type: T; data: D });
    },
    t.identity,
  );
}

/** Optional fields shared by the file-like segments (image, record, video, file). */
export const FILE_FIELDS = { path: t.string, url: t.string, name: t.string, thumb: t.string, file_size: StringOrNumber };
