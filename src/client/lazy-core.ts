/**
 * The parts of a client a browser page loads after its first chunk: the frame decoder (io-ts, the event and
 * segment codecs) and the bot runtime (`handle`, `run`). In Node they are part of the module graph: there at
 * once, so every frame decodes synchronously as it arrives and the runtime is built with the client. The
 * browser build (`lazy-core.browser.ts`) loads them together with one dynamic `import()` of
 * `lazy-core-parts.ts`.
 */
import { LAZY_CORE as CORE, type LazyCore } from './lazy-core-parts';

export type { LazyCore } from './lazy-core-parts';

/** The core: itself in Node; in the browser build the promise of it until its chunk is in. */
export function lazyCore(): LazyCore | Promise<LazyCore> {
  return CORE;
}

/**
 * Runs `ready` once the core is in: at once in Node. In the browser build it runs before anything that
 * awaits {@link lazyCore}'s promise (the frames held for decoding among them), so what it sets up sees every
 * frame decoded; it does not start the load.
 */
export function whenCoreLoaded(ready: (core: LazyCore) => void): void {
  ready(CORE);
}
