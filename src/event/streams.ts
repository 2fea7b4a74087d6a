import { Observable, type OperatorFunction } from 'rxjs';
import type { OneBotEvent, UnknownEvent } from '../codec/event';
import type { InboundFrame } from '../codec/frame';
import { ofType } from './of-type';

/** Keeps known events and unwraps them, in one operator (the hot path: no filter + map chain). */
export function knownEvents(): OperatorFunction<InboundFrame, OneBotEvent> {
  return (frames) =>
    new Observable<OneBotEvent>((subscriber) =>
      frames.subscribe({
        next: (frame) => {
          if (frame.kind === 'event') subscriber.next(frame.event);
        },
        error: (e: unknown) => subscriber.error(e),
        complete: () => subscriber.complete(),
      }),
    );
}

/** Keeps well-formed events no codec knows, fields intact. */
export function unknownEvents(): OperatorFunction<InboundFrame, UnknownEvent> {
  return (frames) =>
    new Observable<UnknownEvent>((subscriber) =>
      frames.subscribe({
        next: (frame) => {
          if (frame.kind === 'unknown-event') subscriber.next(frame.event);
        },
        error: (e: unknown) => subscriber.error(e),
        complete: () => subscriber.complete(),
      }),
    );
}

/** The typed event streams of a client, each a pure filter on the one shared decoded stream. */
export function eventStreams(events$: Observable<OneBotEvent>) {
  return {
    /** Every known event. */
    events$,
    /** Messages from others (`post_type: 'message'`) in groups and private chats (go-cqhttp guild messages: `on('message.guild')`). */
    messages$: events$.pipe(ofType('message.private', 'message.group')),
    /** Group messages. */
    groupMessages$: events$.pipe(ofType('message.group')),
    /** Private messages. */
    privateMessages$: events$.pipe(ofType('message.private')),
    /** The bot's own messages (`post_type: 'message_sent'`); never on `messages$`. */
    messageSent$: events$.pipe(ofType('message_sent')),
    /** Notices. */
    notices$: events$.pipe(ofType('notice')),
    /** Friend and group requests. */
    requests$: events$.pipe(ofType('request')),
    /** Lifecycle and heartbeat events. */
    metaEvents$: events$.pipe(ofType('meta_event')),
  };
}
