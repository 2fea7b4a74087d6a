import { WebSocket } from 'ws';
import { stringifyWire } from '../../codec/id';
import type { ResponseFrame } from './frames';
import { sendText } from './server';
import type { FrameShaper } from './transfers';

const ignore = (): void => undefined;

/** Bytes queued on a socket above which a lazy reply waits for the client to read (4 MiB). */
export const SEND_HIGH_WATER = 4 * 1024 * 1024;

/** The frames of one reply: a list written at once, or produced one at a time (a Stream API download). */
export type ReplyFrames = ResponseFrame[] | AsyncIterable<ResponseFrame>;

/** Every frame of `frames`, in a list (for the HTTP API, which answers once). */
export async function collectFrames(frames: ReplyFrames): Promise<ResponseFrame[]> {
  if (Array.isArray(frames)) return frames;
  const all: ResponseFrame[] = [];
  for await (const frame of frames) all.push(frame);
  return all;
}

/**
 * Writes a list of frames through `shape` at once (each as `toWire` shapes it for the simulated backend), destroying the socket (after what was written is
 * flushed) when the shaper says so.
 */
export function sendAll(
  socket: WebSocket,
  frames: readonly ResponseFrame[],
  shape: FrameShaper,
  toWire: (frame: ResponseFrame) => object = (frame) => frame,
): void {
  let last: Promise<void> = Promise.resolve();
  for (const frame of frames) {
    const { send, drop } = shape(frame);
    if (send) last = sendText(socket, stringifyWire(toWire(send)));
    if (drop) {
      void last.catch(ignore).then(() => socket.terminate());
      return;
    }
  }
  last.catch(ignore);
}

/**
 * Writes frames produced one at a time, pulling the next only while the socket holds at most
 * `highWater` unsent bytes; a client that pauses reading therefore pauses the producer. Stops (closing the
 * producer) when the socket is no longer open.
 *
 * @example
 * void sendLazily(client.socket, frames, transfers.shaper());
 */
export async function sendLazily(
  socket: WebSocket,
  frames: AsyncIterable<ResponseFrame>,
  shape: FrameShaper,
  highWater = SEND_HIGH_WATER,
  toWire: (frame: ResponseFrame) => object = (frame) => frame,
): Promise<void> {
  let last: Promise<void> = Promise.resolve();
  for await (const frame of frames) {
    if (socket.readyState !== WebSocket.OPEN) return;
    const { send, drop } = shape(frame);
    if (send) last = sendText(socket, stringifyWire(toWire(send)));
    if (drop) {
      await last.catch(ignore);
      socket.terminate();
      return;
    }
    if (socket.bufferedAmount > highWater) await last.catch(ignore);
    if (socket.readyState !== WebSocket.OPEN) return;
  }
  await last.catch(ignore);
}
