import { CATALOGUE as ROWS } from './catalogue/index';
import type { CatalogueApi } from './catalogue-api';
import type { ActionDef } from './define';

/** A catalogued action name. */
export type ActionName = keyof CatalogueApi & string;

/**
 * The catalogue as the package exports it: every action name to its row (params and result codecs, reply
 * kind, origin, backend support, doc). Typed calls are {@link CatalogueApi} (`client.api`).
 */
export type Catalogue = { readonly [A in ActionName]: ActionDef };

/**
 * Every catalogued action by its wire name: OneBot 11 and go-cqhttp actions, NapCat's extensions and its
 * file, media and Stream API actions, each with its params and result codecs and backend support.
 *
 * @example
 * CATALOGUE.set_group_ban.params.is({ group_id: 1, user_id: '2', duration: 60 }); // true
 * CATALOGUE.send_like.support['go-cqhttp']; // 'unsupported'
 */
export const CATALOGUE: Catalogue = ROWS;
