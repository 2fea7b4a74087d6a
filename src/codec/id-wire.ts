/**
 * IDs as values, apart from their io-ts codecs (`id.ts`): comparing them and writing them on the wire. A
 * browser page's first chunk holds these without io-ts.
 */

/** Anything the SDK accepts where an ID goes: a number, a string of decimal digits, or a `bigint`. */
export type IdInput = number | string | bigint;

/**
 * Whether two IDs name the same account, group or message, whatever their representation.
 *
 * @example
 * sameId(10001, '10001'); // true
 * sameId('9007199254740993', 9007199254740993n); // true
 */
export function sameId(a: IdInput | null | undefined, b: IdInput | null | undefined): boolean {
  if (a === b) return true;
  if (a == null || b == null) return false;
  return String(a) === String(b);
}

/**
 * A raw JSON integer that is too large for a `number`: serialised by {@link stringifyWire} as its bare digits.
 * @internal
 */
export class RawInteger {
  constructor(readonly digits: string) {}
  /** Sentinel text replaced by the bare digits after `JSON.stringify`. */
  toJSON(): string {
    sentinelWritten = true;
    return `\u0000int:${this.digits}`;
  }
}

/** Set while `JSON.stringify` writes a sentinel, so the common frame skips the search for one. */
let sentinelWritten = false;

const RAW_INTEGER_SENTINEL = /"\\u0000int:(-?\d+)"/g;

/**
 * `JSON.stringify` that writes {@link RawInteger} values with their exact digits: as bare JSON integers
 * (the default, per OneBot), or as JSON strings with `asStrings` — for servers whose JSON parser rounds
 * integers beyond 2^53 (NapCat reads requests with json5; its schemas accept numeric strings).
 * @internal
 */
export function stringifyWire(value: unknown, asStrings = false): string {
  sentinelWritten = false;
  const text = JSON.stringify(value);
  if (!sentinelWritten) return text;
  return text.replace(RAW_INTEGER_SENTINEL, asStrings ? '"$1"' : '$1');
}
