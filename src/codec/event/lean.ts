import * as t from 'io-ts';
import type { FieldCheck } from '../compile-is';
import { objectCodec } from '../object';

/** Flattens an intersection of object types into one object type (keeps `?` modifiers). */
type Flat<T> = { [K in keyof T]: T[K] };

/** The TypeScript type of a {@link lean} codec: `required` keys as declared, `optional` keys with `?`. */
export type LeanOf<R extends t.Props, O extends t.Props> = Flat<
  { [K in keyof R]: t.TypeOf<R[K]> } & { [K in keyof O]?: t.TypeOf<O[K]> }
>;

/**
 * A codec that also accepts `null` and `undefined` (OneBot 11 sends `anonymous: null` for a normal group
 * message; NapCat leaves the field out).
 */
export function nullable<C extends t.Mixed>(codec: C): t.Type<t.TypeOf<C> | null | undefined, t.OutputOf<C> | null | undefined, unknown> {
  return new t.Type<t.TypeOf<C> | null | undefined, t.OutputOf<C> | null | undefined, unknown>(
    `${codec.name} | null`,
    (u): u is t.TypeOf<C> | null | undefined => u === undefined || u === null || codec.is(u),
    (u, c) => (u === undefined || u === null ? t.success(u) : codec.validate(u, c)),
    (a) => (a === undefined || a === null ? a : codec.encode(a)),
  );
}

/**
 * A codec whose output is its type (it checks, never transforms). Named so the declaration files spell a lean
 * codec's object type once, not twice.
 */
export type LeanCodec<A> = t.Type<A, A, unknown>;

/**
 * A lean object codec: `required` keys must pass their codec, `optional` keys may be absent (or
 * `undefined`), every other key is kept as it is. `.is()` allocates nothing (compiled to constant-name
 * reads where allowed, see {@link objectCodec}); `.decode()` never copies, so a success returns the very
 * object it was given. (io-ts's own `t.type` rejects absent keys in `.is()` and copies in `.decode()`.)
 *
 * @example
 * const Sender = lean({ user_id: Id, nickname: t.string }, { card: t.string }, 'Sender');
 * type Sender = t.TypeOf<typeof Sender>; // { user_id: Id; nickname: string; card?: string }
 */
export function lean<R extends t.Props, O extends t.Props>(
  required: R,
  optional: O,
  name: string,
): LeanCodec<LeanOf<R, O>> {
  type A = LeanOf<R, O>;
  const fields: FieldCheck[] = [
    ...Object.entries(required).map(([key, codec]) => ({ key, codec, optional: false })),
    ...Object.entries(optional).map(([key, codec]) => ({ key, codec, optional: true })),
  ];
  return objectCodec<A>(name, fields);
}

/**
 * The codec of one known event `E`, typed by its named interface, so the unions derived from the codec tree
 * read as names (`PokeNotify | ...`) rather than expanded object types.
 */
export type EventCodecOf<E> = LeanCodec<E>;
