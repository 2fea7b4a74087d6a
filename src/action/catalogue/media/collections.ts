import * as t from 'io-ts';
import { action, type ActionDef } from '../../define';
import { NAPCAT_ONLY, NumberOrString } from '../napcat/common';
import { ANY_SCHEMA_NOTE, optional, struct } from '../shared';

/** NapCat's QQ favourites (收藏): create and list. */
export const COLLECTION_ACTIONS = {
  create_collection: action({
    params: struct({ rawData: t.string, brief: t.string }, 'CreateCollectionParams'),
    result: t.unknown,
    origin: 'napcat',
    doc: 'Saves a text to the bot\'s QQ favourites, with `brief` as its title.',
    support: NAPCAT_ONLY,
    note: ANY_SCHEMA_NOTE,
  }),
  get_collection_list: action({
    params: struct({ category: NumberOrString, count: optional(NumberOrString) }, 'GetCollectionListParams'),
    result: t.unknown,
    origin: 'napcat',
    doc: "Lists the bot's QQ favourites of one category (`count` defaults to 50).",
    support: NAPCAT_ONLY,
    note: `${ANY_SCHEMA_NOTE}. NapCat's schema types \`category\` and \`count\` as strings and converts numbers.`,
  }),
} satisfies Record<string, ActionDef>;
