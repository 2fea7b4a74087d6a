import type { ActionDef } from '../../action/define';

/** Catalogue rows by wire name, as the simulator reads them. */
export type CatalogueRows = Readonly<Record<string, ActionDef>>;

/**
 * Loads the SDK's action catalogue: the default source of sampled answers for actions without a handler.
 * Loaded on demand, so a simulator given its own rows never pulls the whole catalogue in.
 */
export async function loadCatalogue(): Promise<CatalogueRows> {
  const { CATALOGUE } = await import('../../action/catalogue');
  return CATALOGUE;
}
