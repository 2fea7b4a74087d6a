import { ACCOUNT_ACTIONS } from './account';
import { FILE_ACTIONS } from './files';
import { FRIEND_ACTIONS } from './friends';
import { GROUP_ADMIN_ACTIONS } from './group-admin';
import { GROUP_BOARD_ACTIONS } from './group-board';
import { GROUP_ACTIONS } from './groups';
import { MESSAGE_ACTIONS } from './messages';
import { SYSTEM_ACTIONS } from './system';
import { joinRows } from '../lazy-rows';

/** The OneBot 11 and go-cqhttp actions of `protocol/compat.md`, with their backend support. */
export const STANDARD_ACTIONS = joinRows(
  MESSAGE_ACTIONS,
  FRIEND_ACTIONS,
  GROUP_ACTIONS,
  GROUP_ADMIN_ACTIONS,
  GROUP_BOARD_ACTIONS,
  FILE_ACTIONS,
  ACCOUNT_ACTIONS,
  SYSTEM_ACTIONS,
);
