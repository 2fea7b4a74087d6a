import type { ActionDef } from '../../action/define';

/** Catalogue rows by wire name, as the simulator reads them. */
export type CatalogueRows = Readonly<Record<string, ActionDef>>;

/**
 * Whether NapCat answers `name` itself: not when its profile says `unsupported` (NapCat lists the name but
 * implements nothing), nor when the client renames it for NapCat (`get_model_show` goes out as
 * `_get_model_show`, so NapCat never registered the plain name).
 *
 * @example
 * registeredByNapCat('reboot_normal', CATALOGUE.reboot_normal, {}); // false
 */
export function registeredByNapCat(name: string, row: ActionDef, renamed: Readonly<Record<string, { action?: string }>>): boolean {
  return row.support.napcat !== 'unsupported' && renamed[name]?.action === undefined;
}

/**
 * Loads the SDK's action catalogue as NapCat registers it: the default source of sampled answers for
 * actions without a handler; names NapCat does not answer are left out, so they get its 1404 failure.
 * Loaded on demand, so a simulator given its own rows never pulls the whole catalogue in.
 */
export async function loadCatalogue(): Promise<CatalogueRows> {
  const [{ CATALOGUE }, { BACKEND_ADAPTERS }] = await Promise.all([
    import('../../action/catalogue'),
    import('../../action/backend'),
  ]);
  const rows: Readonly<Record<string, ActionDef>> = CATALOGUE;
  return Object.fromEntries(
    Object.entries(rows).filter(([name, row]) => registeredByNapCat(name, row, BACKEND_ADAPTERS.napcat)),
  );
}
