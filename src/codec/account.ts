/**
 * What OneBot 11 says about a QQ account wherever it appears (event senders, member and profile replies):
 * its declared sex and its role in a group. Event and action codecs both use these.
 */
import * as t from 'io-ts';

/** A member's role in a group. */
export const GroupRole = t.keyof({ owner: null, admin: null, member: null }, 'GroupRole');
/** A member's role in a group: `'owner' | 'admin' | 'member'`. */
export type GroupRole = t.TypeOf<typeof GroupRole>;

/** A QQ account's declared sex. */
export const Sex = t.keyof({ male: null, female: null, unknown: null }, 'Sex');
/** A QQ account's declared sex: `'male' | 'female' | 'unknown'`. */
export type Sex = t.TypeOf<typeof Sex>;
