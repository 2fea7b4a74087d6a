import { type ActionDef, type BackendName, CATALOGUE, adaptCall } from 'onebot-rx';

/** Catalogue rows by wire name, as the simulator reads them. */
export type CatalogueRows = Readonly<Record<string, ActionDef>>;

/**
 * Whether NapCat answers `name` itself: not when its profile says `unsupported` (NapCat lists the name but
 * implements nothing), nor when the client renames it for NapCat (`get_model_show` goes out as
 * `_get_model_show`, so NapCat never registered the plain name).
 *
 * @example
 * registeredByNapCat('reboot_normal', CATALOGUE.reboot_normal); // false
 */
export function registeredByNapCat(name: string, row: ActionDef): boolean {
  return row.support.napcat !== 'unsupported' && adaptCall(name, {}, 'napcat').action === name;
}

/**
 * The SDK's action catalogue (from the main entry, so the simulator and the client share one copy): the
 * default source of sampled answers for actions without a handler. For NapCat, as it registers them: names
 * NapCat does not answer are left out, so they get its 1404 failure. The other backends route by their own
 * name lists (`backend-actions.ts`) and get every row.
 */
export function loadCatalogue(backend: BackendName = 'napcat'): Promise<CatalogueRows> {
  const rows: Readonly<Record<string, ActionDef>> = CATALOGUE;
  if (backend !== 'napcat') return Promise.resolve(rows);
  return Promise.resolve(Object.fromEntries(Object.entries(rows).filter(([name, row]) => registeredByNapCat(name, row))));
}
