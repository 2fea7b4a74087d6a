import { Observable, type OperatorFunction, type Subscriber } from 'rxjs';
import type { InboundFrame, ReplyFrame } from '../codec/frame';
import { type DecodeError, ProtocolError } from '../errors';
import { emitWithDelivery } from '../runtime/delivery';
import { type LazyCore, lazyCore } from './lazy-core';
import { type RequestFailed, isRequestFailed, isSocketOpen, type SocketOpen, type TransportSignal } from '../transport/types';

/** Side effects of decoding, run once per frame before the stream is shared. */
export interface FrameSinks {
  opened(socket: SocketOpen): void;
  reply(frame: ReplyFrame): void;
  invalid(error: DecodeError | ProtocolError): void;
  /** One request failed on the network (HTTP API): its call fails, nothing is emitted. */
  failed?(echo: string, error: unknown, relayed: boolean): void;
}

/** Decodes one inbound text frame. */
type FrameDecoder = LazyCore['decodeFrame'];

/** What arrives from upstream while the decoder loads, kept in order. */
type Held = { readonly signal: TransportSignal } | { readonly error: unknown } | { readonly complete: true };

/** Handles a signal that carries no frame (`SocketOpen`, `RequestFailed`); false for a frame to decode. */
function passSignal(
  signal: TransportSignal,
  sinks: FrameSinks,
  subscriber: Subscriber<InboundFrame | SocketOpen>,
): signal is SocketOpen | RequestFailed {
  if (isSocketOpen(signal)) {
    sinks.opened(signal);
    subscriber.next(signal);
    return true;
  }
  if (isRequestFailed(signal)) {
    sinks.failed?.(signal.echo, signal.error, signal.relayed === true);
    return true;
  }
  return false;
}

/** Handles one signal, decoding its frame with `decode`. */
function handleSignal(
  signal: TransportSignal,
  decode: FrameDecoder,
  sinks: FrameSinks,
  subscriber: Subscriber<InboundFrame | SocketOpen>,
): void {
  if (passSignal(signal, sinks, subscriber)) return;
  const delivered = typeof signal !== 'string';
  const frame = decode(delivered ? signal.text : signal);
  if (frame instanceof Error) {
    sinks.invalid(frame);
    return;
  }
  if (frame.kind === 'reply') {
    // A delivered frame is an event source (a stream entry): a reply there must not answer a pending call.
    if (delivered) sinks.invalid(new ProtocolError('a reply frame where only events are delivered', { raw: signal.text }));
    else sinks.reply(frame);
  }
  if (delivered && frame.kind !== 'reply') emitWithDelivery(frame.event, signal.delivery, subscriber, frame);
  else if (!delivered) subscriber.next(frame);
}

/**
 * Decodes a socket's text frames. A `SocketOpen` passes through (the reconnect operator times stable
 * connections by it); replies are routed to their calls; undecodable frames go to `invalid` and are not
 * emitted, so one bad frame never ends a stream. A `DeliveredFrame` decodes like its text, and the decoded
 * event is emitted with its delivery (`deliveryOf(event)` during the emission) for the handlers that claim it;
 * a delivered frame that decodes as a reply goes to `invalid` (a stream entry never answers a call).
 *
 * The decoder is there at once in Node. In the browser build it is a chunk loaded on the first subscription:
 * until it is in, frames (and what follows them: the end of the socket included) are held in arrival order
 * and decoded once it loads, none dropped; a `SocketOpen` with nothing held before it passes at once. A
 * failed chunk load errors the stream, as a dropped socket does (the reconnect policy tries again).
 */
export function decodeFrames(sinks: FrameSinks): OperatorFunction<TransportSignal, InboundFrame | SocketOpen> {
  return (signals) =>
    new Observable<InboundFrame | SocketOpen>((subscriber) => {
      const core = lazyCore();
      if (!(core instanceof Promise)) {
        return signals.subscribe({
          next: (signal) => handleSignal(signal, core.decodeFrame, sinks, subscriber),
          error: (e: unknown) => subscriber.error(e),
          complete: () => subscriber.complete(),
        });
      }
      let decode: FrameDecoder | undefined;
      const held: Held[] = [];
      const release = (item: Held, loaded: FrameDecoder): void => {
        if ('signal' in item) handleSignal(item.signal, loaded, sinks, subscriber);
        else if ('error' in item) subscriber.error(item.error);
        else subscriber.complete();
      };
      const arrive = (item: Held): void => {
        if (decode !== undefined) release(item, decode);
        else if (held.length > 0 || !('signal' in item) || !passSignal(item.signal, sinks, subscriber)) held.push(item);
      };
      void core.then(
        (loaded) => {
          decode = loaded.decodeFrame;
          while (held.length > 0 && !subscriber.closed) release(held.shift() as Held, loaded.decodeFrame);
        },
        (error: unknown) => subscriber.error(error),
      );
      return signals.subscribe({
        next: (signal) => arrive({ signal }),
        error: (error: unknown) => arrive({ error }),
        complete: () => arrive({ complete: true }),
      });
    });
}
