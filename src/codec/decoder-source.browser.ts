import type { FrameDecoder } from './decoder-source';

let loaded: FrameDecoder | undefined;
let loading: Promise<FrameDecoder> | undefined;

/**
 * The browser build's frame decoder: loaded with a dynamic `import()` on first use (the first socket's
 * connect), so io-ts and the event and segment codecs stay out of the page's first chunk. The decoder itself
 * once it is in; until then the promise of it. A failed chunk load is tried again by the next call.
 */
export function frameDecoder(): FrameDecoder | Promise<FrameDecoder> {
  if (loaded !== undefined) return loaded;
  loading ??= import('./frame').then(
    ({ decodeFrame }) => (loaded = decodeFrame),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
