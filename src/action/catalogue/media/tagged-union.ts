import * as t from 'io-ts';

/** The member type of a record of codecs. */
type MemberType<M extends Record<string, t.Mixed>> = t.TypeOf<M[keyof M]>;
/** The member output of a record of codecs. */
type MemberOutput<M extends Record<string, t.Mixed>> = t.OutputOf<M[keyof M]>;

/**
 * A union of object codecs that picks its member by one string field (`data_type`, `status` …) in O(1),
 * instead of trying every member in turn like `t.union`.
 *
 * @example
 * const Frame = taggedUnion('Frame', 'data_type', { file_info: FileInfo, file_chunk: FileChunk });
 * Frame.is({ data_type: 'file_chunk', ... }); // checks FileChunk only
 */
export function taggedUnion<M extends Record<string, t.Mixed>>(
  name: string,
  tag: string,
  members: M,
): t.Type<MemberType<M>, MemberOutput<M>, unknown> {
  const expected = `an object whose \`${tag}\` is one of ${Object.keys(members).join(', ')}`;
  const memberOf = (u: unknown): t.Mixed | undefined => {
    if (typeof u !== 'object' || u === null) return undefined;
    const key: unknown = (u as Record<string, unknown>)[tag];
    return typeof key === 'string' && Object.hasOwn(members, key) ? members[key] : undefined;
  };
  return new t.Type<MemberType<M>, MemberOutput<M>, unknown>(
    name,
    (u): u is MemberType<M> => memberOf(u)?.is(u) === true,
    (u, c) => {
      const member = memberOf(u);
      return member === undefined ? t.failure(u, c, expected) : (member.validate(u, c) as t.Validation<MemberType<M>>);
    },
    (a) => {
      const member = memberOf(a);
      return (member === undefined ? a : member.encode(a)) as MemberOutput<M>;
    },
  );
}
