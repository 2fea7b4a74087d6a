import type { LazyCore } from './lazy-core';

let loaded: LazyCore | undefined;
let loading: Promise<LazyCore> | undefined;
const waiting: ((core: LazyCore) => void)[] = [];

/**
 * The browser build's lazy core (`lazy-core.ts`): loaded by one dynamic `import()` on first use (the first
 * socket's connect, or a `handle` / `run` call), so io-ts, the codecs and the runtime stay out of the page's
 * first chunk. The core once it is in; until then the promise of it. A failed chunk load is tried again by
 * the next call.
 */
export function lazyCore(): LazyCore | Promise<LazyCore> {
  if (loaded !== undefined) return loaded;
  loading ??= import('./lazy-core-parts').then(
    ({ LAZY_CORE: core }) => {
      loaded = core;
      for (const ready of waiting.splice(0)) ready(core);
      return core;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** Runs `ready` once the core is in, before whatever awaits {@link lazyCore}'s promise; starts nothing. */
export function whenCoreLoaded(ready: (core: LazyCore) => void): void {
  if (loaded !== undefined) ready(loaded);
  else waiting.push(ready);
}
