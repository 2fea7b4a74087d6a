import type * as Catalogue from './catalogue/index';
import { CATALOGUE_NAMES } from './catalogue-names';
import type { ActionDef } from './define';
import { lazyRows } from './lazy-rows';

/**
 * The Node build's catalogue table (what `nodeVariants()` swaps in for `catalogue-table.ts`): every action
 * name at once, the rows' ~400 io-ts codecs built on the first read of a row (a call, `supports()`, or a
 * read of `CATALOGUE`). The bundler turns this `require` of our own module into a call of its lazily
 * initialised module body, in the ES module build as in the CommonJS one, so a bot that only listens to
 * events never builds them (about 0.85 MB of heap less after import).
 */
export const CATALOGUE_TABLE: Readonly<Record<string, ActionDef>> = lazyRows(CATALOGUE_NAMES, () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- bundled by esbuild: a lazy module init, not a runtime require
  const { CATALOGUE } = require('./catalogue/index') as typeof Catalogue;
  return CATALOGUE as unknown as Readonly<Record<string, ActionDef>>;
});
