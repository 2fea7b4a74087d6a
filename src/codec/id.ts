import * as t from 'io-ts';
import { type InlineCheck, declareInlineCheck } from './compile-is';

/**
 * A QQ / OneBot identifier as the SDK hands it out.
 *
 * A `number` when the JSON text held a safe integer (≤ 2^53 − 1), otherwise the exact decimal digits as
 * a `string`: never a `bigint`, never rounded. Compare IDs with {@link sameId}, not `===`.
 */
export type Id = number | string;

/** Anything the SDK accepts where an ID goes: a number, a string of decimal digits, or a `bigint`. */
export type IdInput = number | string | bigint;

const DIGITS = /^-?\d+$/;

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

/** Inline check of the ID codecs: a number must be a safe integer; anything else goes to the codec's `.is()`. */
const safeNumberFirst: InlineCheck = (v, codec) => `typeof ${v} === 'number' ? Number.isSafeInteger(${v}) : ${codec}.is(${v})`;

/** An ID received from the server: a safe integer, or a string of digits (lossless for 64-bit values). */
export const Id = declareInlineCheck(
  new t.Type<Id, Id, unknown>(
    'Id',
    (u): u is Id => (typeof u === 'number' ? Number.isSafeInteger(u) : typeof u === 'string' && DIGITS.test(u)),
    (u, c) =>
      (typeof u === 'number' ? Number.isSafeInteger(u) : typeof u === 'string' && DIGITS.test(u))
        ? t.success(u as Id)
        : t.failure(u, c, typeof u === 'number' ? 'a safe integer (larger IDs are kept as digit strings)' : undefined),
    t.identity,
  ),
  safeNumberFirst,
);

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

function toWireId(value: IdInput): number | RawInteger {
  if (typeof value === 'number') return value;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : new RawInteger(String(value));
}

function isIdInput(u: unknown): u is IdInput {
  if (typeof u === 'number') return Number.isSafeInteger(u);
  if (typeof u === 'bigint') return true;
  return typeof u === 'string' && DIGITS.test(u);
}

/**
 * An ID parameter: accepts `number | string | bigint`, and is written on the wire as a bare JSON integer
 * with its exact digits (see {@link stringifyWire}).
 */
export const IdParam = declareInlineCheck(
  new t.Type<IdInput, number | RawInteger, unknown>(
    'IdParam',
    isIdInput,
    (u, c) => (isIdInput(u) ? t.success(u) : t.failure(u, c, 'an ID: a safe integer, a string of digits, or a bigint')),
    toWireId,
  ),
  safeNumberFirst,
);
