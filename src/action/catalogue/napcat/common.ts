import * as t from 'io-ts';
import { Id, IdParam } from '../../../codec/id';
import { compat } from '../support';
import { optional, struct } from '../shared';

/** A value NapCat's schema takes as a number or a numeric string (counts, emoji IDs, status codes). */
export const NumberOrString = t.union([t.number, t.string], 'NumberOrString');

/** `{ group_id }`: the params of the NapCat actions that name only a group. */
export const GroupIdParams = struct({ group_id: IdParam }, 'GroupIdParams');
export interface GroupIdParams extends t.TypeOf<typeof GroupIdParams> {}

/** `{ user_id }`: the params of the NapCat actions that name only a user. */
export const UserIdParams = struct({ user_id: IdParam }, 'UserIdParams');
export interface UserIdParams extends t.TypeOf<typeof UserIdParams> {}

/** Support of a NapCat extension that neither go-cqhttp nor Lagrange.OneBot implement. */
export const NAPCAT_ONLY = compat('unsupported', 'extension', 'unsupported');

/** The note of rows whose result codec is an array of `t.unknown`: NapCat declares the items as `Any`. */
export const ANY_ITEMS = "NapCat's schema is Any (an array of Any)";

/**
 * A group system notice (join request or invitation) as NapCat's ignored-notice actions report it.
 * `invitor_uin` and `actor` are `0` when nobody is set.
 */
export const GroupNotice = struct(
  {
    request_id: Id,
    invitor_uin: Id,
    invitor_nick: optional(t.string),
    group_id: Id,
    group_name: optional(t.string),
    message: optional(t.string),
    checked: t.boolean,
    actor: Id,
    requester_nick: optional(t.string),
  },
  'GroupNotice',
);
export interface GroupNotice extends t.TypeOf<typeof GroupNotice> {}
