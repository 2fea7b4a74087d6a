import { mayHoldUnsafeInteger } from '../codec/lossless-json';

/** Keys whose values are QQ / OneBot identifiers (`self_id`, `group_id`, `message_id`, `qq`, …). */
const ID_KEY = /(?:^|_)(?:id|qq|uin|seq)$/;
const UNSAFE_DIGITS = /^-?\d{16,}$/;
const SENTINEL = /"\\u0000int:(-?\d+)"/g;

const isUnsafeId = (key: string, value: unknown): value is string =>
  typeof value === 'string' && ID_KEY.test(key) && UNSAFE_DIGITS.test(value) && !Number.isSafeInteger(Number(value));

function sentinelIds(key: string, value: unknown): unknown {
  return isUnsafeId(key, value) ? `\u0000int:${value}` : value;
}

/**
 * Writes a decoded event (or a result) as JSON the way the server would have: IDs beyond 2^53, which the
 * decoder keeps as digit strings, go back to bare JSON integers with their exact digits (never rounded, never
 * quoted), so the frame decodes on the other side to the very same object. Costs one `JSON.stringify` when
 * no ID is that large.
 *
 * @example
 * stringifyLossless({ self_id: '12345678901234567890' }); // '{"self_id":12345678901234567890}'
 */
export function stringifyLossless(value: unknown): string {
  const plain = JSON.stringify(value ?? null);
  if (!mayHoldUnsafeInteger(plain)) return plain;
  return JSON.stringify(value, sentinelIds).replace(SENTINEL, '$1');
}
