import { type DecodeResult, decodeFrame } from './frame';

/** Decodes one inbound text frame: {@link decodeFrame}. */
export type FrameDecoder = (text: string) => DecodeResult;

/**
 * Where the client gets its frame decoder. In Node the decoder (io-ts and the event codecs) is part of the
 * module graph: it is there at once, so every frame decodes synchronously as it arrives. The browser build
 * (`decoder-source.browser.ts`) loads it with a dynamic `import()` when the first socket connects.
 */
export function frameDecoder(): FrameDecoder | Promise<FrameDecoder> {
  return decodeFrame;
}
