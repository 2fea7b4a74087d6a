import type { Support, SupportProfile } from '../define';

/**
 * A support profile in the column order of `protocol/compat.md`: go-cqhttp, NapCat, Lagrange.OneBot.
 *
 * @example
 * compat('supported', 'slight', 'unsupported'); // ✅ ☑️ ❌
 */
export function compat(goCqhttp: Support, napcat: Support, lagrange: Support): SupportProfile {
  return { napcat, 'go-cqhttp': goCqhttp, lagrange };
}

/** ✅ on all three backends. */
export const EVERYWHERE = compat('supported', 'supported', 'supported');

/** – on all three backends: the seed's authors did not collect these. */
export const NOT_COLLECTED = compat('unknown', 'unknown', 'unknown');

/** ❌ on all three backends. */
export const NOWHERE = compat('unsupported', 'unsupported', 'unsupported');
