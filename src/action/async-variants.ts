/**
 * The `_async` / `_rate_limited` variant names, apart from the catalogue's row helpers (`define.ts`, which
 * need io-ts): the caller and the throttle read them from a browser page's first chunk.
 */

/** The suffix of the fire-and-forget variant every backend with variants has (`send_msg_async`). */
export const ASYNC_SUFFIX = '_async';

/** The suffixes that make any catalogued action fire-and-forget (`send_msg_async`): accepted, no result. */
export const ASYNC_SUFFIXES = [ASYNC_SUFFIX, '_rate_limited'] as const;

/**
 * The catalogued name under an `_async` / `_rate_limited` variant, or `undefined` when `action` has no such
 * suffix.
 *
 * @example
 * asyncBase('send_msg_rate_limited'); // 'send_msg'
 */
export function asyncBase(action: string): string | undefined {
  for (const suffix of ASYNC_SUFFIXES) if (action.endsWith(suffix)) return action.slice(0, -suffix.length);
  return undefined;
}
