import type { RecordedFrame } from '../recording';

/**
 * The frame texts a simulator replays from a recording, in order: events, unknown events and the frames the
 * recording client rejected (so a frame that broke decoding breaks it again). Replies are left out: they
 * answered calls of the recorded session, and a replayed one would reach the new client as a foreign echo.
 *
 * @example
 * replayable([{ dir: 'in', kind: 'reply', frame: '{}' }, { dir: 'in', kind: 'event', frame: '{"post_type":"x"}' }]);
 * // ['{"post_type":"x"}']
 */
export function replayable(frames: readonly RecordedFrame[]): string[] {
  return frames.filter((frame) => frame.kind !== 'reply').map((frame) => frame.frame);
}

/** A replayed frame as an event object for the world's memory (`get_msg`, pending requests), if it is one. */
export function parseEvent(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) && 'post_type' in value
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
