import { NAPCAT_ACCOUNT_ACTIONS } from './account';
import { NAPCAT_ARK_ACTIONS } from './ark';
import { NAPCAT_FRIEND_ACTIONS } from './friends';
import { NAPCAT_GROUP_SETTING_ACTIONS } from './group-settings';
import { NAPCAT_GROUP_ACTIONS } from './groups';
import { NAPCAT_MESSAGE_ACTIONS } from './messages';
import { NAPCAT_POKE_ACTIONS } from './pokes';
import { NAPCAT_REACTION_ACTIONS } from './reactions';
import { NAPCAT_RKEY_ACTIONS } from './rkey';
import { NAPCAT_SYSTEM_ACTIONS } from './system';
import { joinRows } from '../../lazy-rows';

/**
 * The catalogue rows of NapCat's own actions (and the go-cqhttp extras NapCat answers), keyed by action name.
 *
 * @example
 * NAPCAT_ACTIONS.group_poke.params.is({ group_id: 123456, user_id: 10001 }); // true
 */
export const NAPCAT_ACTIONS = joinRows(
  NAPCAT_MESSAGE_ACTIONS,
  NAPCAT_REACTION_ACTIONS,
  NAPCAT_POKE_ACTIONS,
  NAPCAT_ARK_ACTIONS,
  NAPCAT_GROUP_ACTIONS,
  NAPCAT_GROUP_SETTING_ACTIONS,
  NAPCAT_FRIEND_ACTIONS,
  NAPCAT_ACCOUNT_ACTIONS,
  NAPCAT_RKEY_ACTIONS,
  NAPCAT_SYSTEM_ACTIONS,
);
