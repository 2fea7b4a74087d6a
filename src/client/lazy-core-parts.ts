import { type DecodeResult, decodeFrame } from '../codec/frame';
import { createRuntime } from '../runtime/runtime';

/** What the lazy core holds: the frame decoder and the runtime's builder. */
export interface LazyCore {
  /** Decodes one inbound text frame. */
  readonly decodeFrame: (text: string) => DecodeResult;
  /** Builds a client's runtime. */
  readonly createRuntime: typeof createRuntime;
}

/** The lazy core's parts (`lazy-core.ts`): what the browser build's `import()` loads. */
export const LAZY_CORE: LazyCore = { decodeFrame, createRuntime };
