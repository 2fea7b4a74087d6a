import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Client } from 'onebot-rx';
import { isDecodeError, isProtocolError } from 'onebot-rx';
import { SENT_FRAMES, type SentFramesTap } from '../client/sent-frames';
import { recordingLine, type RecordedKind } from './recording';

/** Options of {@link recordFrames}. */
export interface RecordFramesOptions {
  /** Record action replies too (default true); `false` keeps events and rejected frames only. */
  readonly replies?: boolean;
  /** Append to the file instead of replacing it (default false). */
  readonly append?: boolean;
  /**
   * Record the request frames the client writes too (default false), as `dir: 'out'` lines, so `sim.replay`
   * answers the same calls with the recorded replies. Clients from `createClient` only.
   */
  readonly calls?: boolean;
}

/** A running recording: stop it to flush and close the file. */
export interface FrameRecording {
  /** Frames written so far. */
  readonly count: number;
  /** Stops recording; resolves once every line is on disk and the file is closed (rejects on a write error). */
  stop(): Promise<void>;
  /** Stops recording without waiting for the file (same as `stop()`, result ignored). */
  unsubscribe(): void;
}

/** The raw text a rejected frame carried, if the error has it (a result's DecodeError is its reply: skipped). */
function rejectedText(error: unknown): string | undefined {
  if (isDecodeError(error)) return error.action === undefined && typeof error.raw === 'string' ? error.raw : undefined;
  if (isProtocolError(error)) return typeof error.details.raw === 'string' ? error.details.raw : undefined;
  return undefined;
}

/**
 * Records what `client` receives as JSON lines in `path`: every inbound frame exactly as received (events,
 * unknown events, replies, and frames the client rejected with a `DecodeError` or `ProtocolError`), and with
 * `calls: true` the request frames it writes, with tokens redacted (`token`/`cookie`/`secret` fields, `access_token=` in URLs, `Authorization` values). Feed the
 * file to `sim.replay(path)` to turn a bug seen against a real NapCat into a regression test. Recording
 * subscribes to `client.frames$`, so it holds the connection open like any subscriber until stopped.
 *
 * @example
 * const recording = recordFrames(client, 'napcat-session.jsonl', { calls: true });
 * // ... run the bot against a real NapCat until the bug shows ...
 * await recording.stop();
 * // later, in a test:
 * const sim = await createSimulator();
 * // connect a client to sim.url, then:
 * await sim.replay('napcat-session.jsonl');
 */
export function recordFrames(client: Client, path: string, options: RecordFramesOptions = {}): FrameRecording {
  const replies = options.replies ?? true;
  const file = createWriteStream(path, { flags: options.append === true ? 'a' : 'w', encoding: 'utf8' });
  let failure: unknown;
  file.on('error', (error) => {
    failure ??= error;
  });
  let count = 0;
  const write = (kind: RecordedKind, text: string): void => {
    if (failure !== undefined) return;
    file.write(`${recordingLine(kind, text)}\n`);
    count += 1;
  };
  const frames = client.frames$.subscribe({
    next: (frame) => {
      if (frame.kind !== 'reply' || replies) write(frame.kind, frame.text);
    },
    error: () => undefined,
  });
  const rejected = client.errors$.subscribe((error) => {
    const text = rejectedText(error);
    if (text !== undefined) write('invalid', text);
  });
  const tap = (client as unknown as Partial<Record<typeof SENT_FRAMES, SentFramesTap>>)[SENT_FRAMES];
  const untap = options.calls === true && tap !== undefined ? tap((text) => write('call', text)) : undefined;
  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      untap?.();
      frames.unsubscribe();
      rejected.unsubscribe();
      if (!file.closed) {
        const closed = once(file, 'close').catch((error: unknown) => {
          failure ??= error;
        });
        file.end();
        await closed;
      }
      if (failure !== undefined) throw failure;
    })();
    return stopped;
  };
  return {
    get count() {
      return count;
    },
    stop,
    unsubscribe: () => void stop().catch(() => undefined),
  };
}
