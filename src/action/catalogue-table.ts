import { CATALOGUE } from './catalogue/index';
import type { ActionDef } from './define';

/**
 * The catalogue's rows by action name, as the client and the package's `CATALOGUE` read them. Here (the
 * sources, tests, the browser's `CATALOGUE` chunk) it is the catalogue itself; the Node build swaps in
 * `catalogue-table.node.ts`, which builds the rows' codecs on the first read of a row.
 */
export const CATALOGUE_TABLE: Readonly<Record<string, ActionDef>> = CATALOGUE as unknown as Readonly<Record<string, ActionDef>>;
