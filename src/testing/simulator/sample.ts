import * as t from 'io-ts';

/** Values tried, in order, for a codec the walker does not know (custom `t.Type`s such as `Id`). */
const CANDIDATES: readonly unknown[] = [0, '0', '', false, null, [], {}];

const MAX_DEPTH = 6;

type Walker = (codec: t.Mixed, depth: number) => unknown;

const firstAccepted = (codec: t.Mixed): unknown => CANDIDATES.find((c) => codec.is(c)) ?? null;

const sampleProps = (props: t.Props, depth: number): Record<string, unknown> =>
  Object.fromEntries(Object.entries(props).map(([key, codec]) => [key, walk(codec, depth + 1)]));

function firstMember(types: readonly t.Mixed[], depth: number): unknown {
  for (const member of types) {
    const value = walk(member, depth + 1);
    if (member.is(value)) return value;
  }
  return types[0] === undefined ? null : walk(types[0], depth + 1);
}

function merge(types: readonly t.Mixed[], depth: number): unknown {
  const parts = types.map((member) => walk(member, depth + 1));
  return parts.every((p) => typeof p === 'object' && p !== null && !Array.isArray(p))
    ? Object.assign({}, ...parts)
    : (parts[0] ?? null);
}

/** An array of one sample element, or an empty array when deep or when no acceptable element is found. */
function oneElement(element: t.Mixed, depth: number): unknown[] {
  if (depth >= MAX_DEPTH) return [];
  const value = walk(element, depth + 1);
  return element.is(value) ? [value] : [];
}

/** One walker per io-ts `_tag`; anything else falls back to {@link CANDIDATES}. */
const WALKERS: Readonly<Record<string, Walker>> = {
  InterfaceType: (c, d) => sampleProps((c as unknown as t.InterfaceType<t.Props>).props, d),
  PartialType: (c, d) => sampleProps((c as unknown as t.PartialType<t.Props>).props, d),
  ExactType: (c, d) => walk((c as unknown as t.ExactType<t.Mixed>).type, d + 1),
  UnionType: (c, d) => firstMember((c as unknown as t.UnionType<t.Mixed[]>).types, d),
  IntersectionType: (c, d) => merge((c as unknown as t.IntersectionType<t.Mixed[]>).types, d),
  TupleType: (c, d) => (c as unknown as t.TupleType<t.Mixed[]>).types.map((m) => walk(m, d + 1)),
  ArrayType: (c, d) => oneElement((c as unknown as t.ArrayType<t.Mixed>).type, d),
  ReadonlyArrayType: (c, d) => oneElement((c as unknown as t.ReadonlyArrayType<t.Mixed>).type, d),
  KeyofType: (c) => Object.keys((c as unknown as t.KeyofType<Record<string, unknown>>).keys)[0] ?? '',
  LiteralType: (c) => (c as unknown as t.LiteralType<string | number | boolean>).value,
  StringType: () => '',
  NumberType: () => 0,
  BigIntType: () => BigInt(0),
  BooleanType: () => false,
  NullType: () => null,
  UndefinedType: () => undefined,
  VoidType: () => undefined,
  UnknownType: () => null,
  AnyType: () => null,
  UnknownRecordType: () => ({}),
  AnyDictionaryType: () => ({}),
  UnknownArrayType: () => [],
  AnyArrayType: () => [],
  DictionaryType: () => ({}),
  RefinementType: (c, d) => {
    const value = walk((c as unknown as t.RefinementType<t.Mixed>).type, d + 1);
    return c.is(value) ? value : firstAccepted(c);
  },
  ReadonlyType: (c, d) => walk((c as unknown as t.ReadonlyType<t.Mixed>).type, d + 1),
  RecursiveType: (c, d) => (d >= MAX_DEPTH ? null : walk((c as unknown as t.RecursiveType<t.Mixed>).type, d + 1)),
};

function walk(codec: t.Mixed, depth: number): unknown {
  const tag = (codec as { _tag?: unknown })._tag;
  const walker = typeof tag === 'string' ? WALKERS[tag] : undefined;
  return walker ? walker(codec, depth) : firstAccepted(codec);
}

/**
 * A plausible value of an io-ts codec: empty strings, zeros, first keys and union members, arrays with one
 * sample. The simulator answers catalogued actions it has no handler for with `sampleOf(row.result)`.
 *
 * @example
 * sampleOf(t.type({ yes: t.boolean, names: t.array(t.string) })); // { yes: false, names: [''] }
 */
export function sampleOf(codec: t.Mixed): unknown {
  return walk(codec, 0);
}
