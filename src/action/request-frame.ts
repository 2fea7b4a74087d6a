import type { CallMeta, CallOptions } from './types';

/**
 * The start of a request frame for `action`, up to its params: the caller appends the params' JSON and the
 * echo, so only the params are serialised per call.
 *
 * @example
 * frameHead('get_status'); // '{"action":"get_status","params":'
 */
export const frameHead = (action: string): string => `{"action":${JSON.stringify(action)},"params":`;

/**
 * The {@link CallMeta} of a call a handler `ctx` stamped (its deadline and stamps), kept with the call until it
 * is written; `undefined` for an ordinary call, whose meta (its deadline alone) is built only when written, so
 * a call in flight retains no extra object.
 */
export function stampedMeta(options: CallOptions, deadline: number): CallMeta | undefined {
  const { idempotencyKey, selfId } = options;
  if (idempotencyKey === undefined && selfId === undefined) return undefined;
  return {
    deadline,
    ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
    ...(selfId === undefined ? {} : { selfId: String(selfId) }),
  };
}

/**
 * The call number of an echo a client with echo prefix `prefix` (`<tag>:`) wrote: `<tag>:<n>` with `n` as it
 * writes numbers (digits, no sign, no leading zero); `undefined` for any other echo, so a look-alike never
 * answers a call.
 *
 * @example
 * callNumber('ab:12', 'ab:'); // 12
 * callNumber('ab:012', 'ab:'); // undefined
 */
export function callNumber(echo: string, prefix: string): number | undefined {
  const from = prefix.length;
  if (echo.length <= from || echo.length > from + 15 || !echo.startsWith(prefix)) return undefined;
  let n = 0;
  for (let i = from; i < echo.length; i++) {
    const digit = echo.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9 || (digit === 0 && i === from)) return undefined;
    n = n * 10 + digit;
  }
  return n;
}
