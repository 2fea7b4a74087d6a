import { type Observable, defer, from, mergeMap } from 'rxjs';
import type { ActionDef } from './define';

/**
 * The browser build's catalogue rows: empty until the first call (or {@link catalogueLoading}) loads the
 * catalogue chunk with a dynamic `import()`, then filled in place, so the rows' io-ts codecs stay out of the
 * page's first chunk.
 */
export const CATALOGUE_ROWS: Readonly<Record<string, ActionDef>> = {};

let loading: Promise<void> | undefined;
let loaded = false;

/** Whether the rows are in; unlike {@link catalogueLoading} it starts nothing. */
export function catalogueReady(): boolean {
  return loaded;
}

/** Starts loading the rows (once); the promise while they load, `undefined` once they are in. */
export function catalogueLoading(): Promise<void> | undefined {
  if (loaded) return undefined;
  loading ??= import('./catalogue/index').then(({ CATALOGUE }) => {
    Object.assign(CATALOGUE_ROWS, CATALOGUE);
    loaded = true;
  }, (error: unknown) => {
    loading = undefined; // a failed chunk load is tried again by the next call
    throw error;
  });
  return loading;
}

/** `call`, made to wait for the catalogue chunk while it loads (its first calls); direct afterwards. */
export function whenCatalogued<A extends unknown[]>(call: (...args: A) => Observable<unknown>): (...args: A) => Observable<unknown> {
  return (...args) => {
    const pending = catalogueLoading();
    return pending === undefined ? call(...args) : defer(() => from(pending)).pipe(mergeMap(() => call(...args)));
  };
}
