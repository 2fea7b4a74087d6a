import * as t from 'io-ts';
import { type InlineCheck, declareInlineCheck } from './compile-is';
import { type IdInput, RawInteger } from './id-wire';

export { type IdInput, RawInteger, sameId, stringifyWire } from './id-wire';

/**
 * A QQ / OneBot identifier as the SDK hands it out.
 *
 * A `number` when the JSON text held a safe integer (≤ 2^53 − 1), otherwise the exact decimal digits as
 * a `string`: never a `bigint`, never rounded. Compare IDs with {@link sameId}, not `===`.
 */
export type Id = number | string;


const DIGITS = /^-?\d+$/;

/** Inline check of the ID codecs: a number must be a safe integer; anything else goes to the codec's `.is()`. */
const safeNumberFirst: InlineCheck = (v, codec) => `typeof ${v} === 'number' ? Number.isSafeInteger(${v}) : ${codec}.is(${v})`;

/** An ID received from the server: a safe integer, or a string of digits (lossless for 64-bit values). */
export const Id = /*#__PURE__*/ declareInlineCheck(
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
export const IdParam = /*#__PURE__*/ declareInlineCheck(
  new t.Type<IdInput, number | RawInteger, unknown>(
    'IdParam',
    isIdInput,
    (u, c) => (isIdInput(u) ? t.success(u) : t.failure(u, c, 'an ID: a safe integer, a string of digits, or a bigint')),
    toWireId,
  ),
  safeNumberFirst,
);
