import * as t from 'io-ts';
import { action, type ActionDef } from '../../define';
import { NAPCAT_ONLY, NumberOrString } from '../napcat/common';
import { KERNEL_NOTE } from '../kernel';
import { CollectionList } from '../kernel-lists';
import { ANY_SCHEMA_NOTE, optional, struct } from '../shared';
import { lazyRows } from '../../lazy-rows';

/** NapCat's QQ favourites (收藏): create and list. */
export const COLLECTION_ACTIONS = lazyRows({
  create_collection: () => action({
    params: struct({ rawData: t.string, brief: t.string }, 'CreateCollectionParams'),
    result: t.unknown,
    origin: 'napcat',
    doc: 'Saves a text to the bot\'s QQ favourites, with `brief` as its title.',
    support: NAPCAT_ONLY,
    note: ANY_SCHEMA_NOTE,
    untyped: "NapCat's schema is Any and it returns the kernel's createNewCollectionItem answer, which its own typings declare unknown",
  }),
  get_collection_list: () => action({
    params: struct({ category: NumberOrString, count: optional(NumberOrString) }, 'GetCollectionListParams'),
    result: CollectionList,
    origin: 'napcat',
    doc: "Lists the bot's QQ favourites of one category (`count` defaults to 50).",
    support: NAPCAT_ONLY,
    note: `${KERNEL_NOTE}. NapCat's schema types \`category\` and \`count\` as strings and converts numbers.`,
  }),
} satisfies Record<string, () => ActionDef>);
