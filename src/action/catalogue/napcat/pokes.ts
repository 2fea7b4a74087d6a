import { IdParam } from '../../../codec/id';
import { action, type ActionDef } from '../../define';
import { compat } from '../support';
import { NoResult, optional, struct } from '../shared';
import { lazyRows } from '../../lazy-rows';

/** Support of the poke actions: NapCat and Lagrange.OneBot both have them as their own extensions. */
const POKE_SUPPORT = compat('unsupported', 'extension', 'extension');

/** NapCat's pokes ("nudges"): `target_id` pokes someone else than the peer, in a group or a private chat. */
export const NAPCAT_POKE_ACTIONS = lazyRows({
  send_poke: () => action({
    params: struct(
      { user_id: IdParam, group_id: optional(IdParam), target_id: optional(IdParam) },
      'SendPokeParams',
    ),
    result: NoResult,
    origin: 'napcat',
    doc: 'Pokes `user_id` in group `group_id`, or privately when `group_id` is left out.',
    support: POKE_SUPPORT,
  }),
  group_poke: () => action({
    params: struct(
      { group_id: IdParam, user_id: IdParam, target_id: optional(IdParam) },
      'GroupPokeParams',
    ),
    result: NoResult,
    origin: 'napcat',
    doc: 'Pokes a member of a group.',
    support: POKE_SUPPORT,
    note: "NapCat's schema leaves `group_id` optional (without it the poke is private); this row requires it.",
  }),
  friend_poke: () => action({
    params: struct({ user_id: IdParam, target_id: optional(IdParam) }, 'FriendPokeParams'),
    result: NoResult,
    origin: 'napcat',
    doc: 'Pokes a friend in the private chat.',
    support: POKE_SUPPORT,
  }),
} satisfies Record<string, () => ActionDef>);
