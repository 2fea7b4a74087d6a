import { Observable, type OperatorFunction } from 'rxjs';
import { decodeFrame, type InboundFrame, type ReplyFrame } from '../codec/frame';
import type { DecodeError, ProtocolError } from '../errors';
import { attachDelivery } from '../runtime/delivery';
import { isRequestFailed, isSocketOpen, type SocketOpen, type TransportSignal } from '../transport/types';

/** Side effects of decoding, run once per frame before the stream is shared. */
export interface FrameSinks {
  opened(socket: SocketOpen): void;
  reply(frame: ReplyFrame): void;
  invalid(error: DecodeError | ProtocolError): void;
  /** One request failed on the network (HTTP API): its call fails, nothing is emitted. */
  failed?(echo: string, error: unknown): void;
}

/**
 * Decodes a socket's text frames. A `SocketOpen` passes through (the reconnect operator times stable
 * connections by it); replies are routed to their calls; undecodable frames go to `invalid` and are not
 * emitted, so one bad frame never ends a stream. A `DeliveredFrame` decodes like its text, and the decoded
 * event remembers its delivery (`deliveryOf(event)`) for the handlers that claim it.
 */
export function decodeFrames(sinks: FrameSinks): OperatorFunction<TransportSignal, InboundFrame | SocketOpen> {
  return (signals) =>
    new Observable<InboundFrame | SocketOpen>((subscriber) =>
      signals.subscribe({
        next: (signal) => {
          if (isSocketOpen(signal)) {
            sinks.opened(signal);
            subscriber.next(signal);
            return;
          }
          if (isRequestFailed(signal)) {
            sinks.failed?.(signal.echo, signal.error);
            return;
          }
          const delivered = typeof signal !== 'string';
          const frame = decodeFrame(delivered ? signal.text : signal);
          if (frame instanceof Error) {
            sinks.invalid(frame);
            return;
          }
          if (delivered && frame.kind !== 'reply') attachDelivery(frame.event, signal.delivery);
          if (frame.kind === 'reply') sinks.reply(frame);
          subscriber.next(frame);
        },
        error: (e: unknown) => subscriber.error(e),
        complete: () => subscriber.complete(),
      }),
    );
}
