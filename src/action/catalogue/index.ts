import { GUILD_ACTIONS } from './backends/guild';
import { LAGRANGE_ACTIONS } from './backends/lagrange';
import { MEDIA_ACTIONS } from './media/index';
import { NAPCAT_ACTIONS } from './napcat/index';
import { STANDARD_ACTIONS } from './standard';
import { joinRows } from '../lazy-rows';

/**
 * Every catalogued action by its wire name: OneBot 11 and go-cqhttp actions, NapCat's extensions and its
 * file, media and Stream API actions, go-cqhttp's guild actions and Lagrange.OneBot's extensions. Each row carries the params and result codecs and backend support.
 * A row (and its codecs) is built on its first read (`lazyRows`): a bot builds the rows it calls.
 *
 * @example
 * CATALOGUE.set_group_ban.params.is({ group_id: 1, user_id: '2', duration: 60 }); // true
 */
export const CATALOGUE = joinRows(STANDARD_ACTIONS, NAPCAT_ACTIONS, MEDIA_ACTIONS, GUILD_ACTIONS, LAGRANGE_ACTIONS);

/** The type of {@link CATALOGUE}: literal action names to precisely typed rows. */
export type Catalogue = typeof CATALOGUE;

/** A catalogued action name. */
export type ActionName = keyof Catalogue & string;
