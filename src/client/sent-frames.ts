/**
 * The key under which a client lets the testing kit watch the request frames it writes (`recordFrames` with
 * `calls: true`). A global symbol, so the `onebot-rx/testing` bundle finds it on clients of the main bundle.
 */
export const SENT_FRAMES: unique symbol = Symbol.for('onebot-rx/sent-frames') as never;

/** Adds a listener of written request frames; returns its removal. */
export type SentFramesTap = (listener: (frame: string) => void) => () => void;

/**
 * Attaches the tap over `listeners` to `client` (non-enumerable, so it stays off the public surface).
 *
 * @example
 * const client = tapSentFrames(built, new Set());
 */
export function tapSentFrames<C extends object>(client: C, listeners: Set<(frame: string) => void>): C {
  const tap: SentFramesTap = (listener) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  };
  return Object.defineProperty(client, SENT_FRAMES, { value: tap, enumerable: false });
}
