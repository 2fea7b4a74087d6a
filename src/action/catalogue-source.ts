import type { Observable } from 'rxjs';
import { CATALOGUE } from './catalogue/index';
import type { ActionDef } from './define';

/**
 * Where the client reads catalogue rows. In Node the catalogue is part of the module graph: the rows are
 * there at once (each built on its first read, see `lazyRows`). The browser build (`catalogue-source.browser.ts`) loads them with a dynamic `import()` on
 * the first call, so a page that makes no call does not download the catalogue's codecs.
 */
export const CATALOGUE_ROWS: Readonly<Record<string, ActionDef>> = CATALOGUE as unknown as Readonly<Record<string, ActionDef>>;

/** Whether the rows are in (always, in Node); unlike {@link catalogueLoading} it starts nothing. */
export function catalogueReady(): boolean {
  return true;
}

/** A promise of the rows while they are still loading; `undefined` once they are in (always, in Node). */
export function catalogueLoading(): Promise<void> | undefined {
  return undefined;
}

/**
 * `call` once the rows are in: in Node `call` itself (no wrapper on the hot path); in the browser build the
 * first calls wait for the catalogue chunk.
 */
export function whenCatalogued<A extends unknown[]>(call: (...args: A) => Observable<unknown>): (...args: A) => Observable<unknown> {
  return call;
}
