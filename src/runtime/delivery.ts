/**
 * Which {@link Delivery} a decoded event came with, while it is being emitted. The decoder emits an event of a
 * `DeliveredFrame` inside {@link emitWithDelivery}; a `handle()` intake, which receives it synchronously during
 * that emission (the {@link Delivery} contract), claims it through {@link deliveryOf} and keeps it with its
 * unit of work. One slot, not a map keyed by events: nothing is added to the event, nothing outlives the
 * emission, and an event costs two assignments instead of a weak-map entry the collector must trace.
 */
import type { Delivery } from '../transport/types';

let currentEvent: object | undefined;
let currentDelivery: Delivery | undefined;

/** Emits `value` (which carries `event`) to `observer`, with `event` known to come with `delivery` meanwhile. */
export function emitWithDelivery<T>(event: object, delivery: Delivery, observer: { next(value: T): void }, value: T): void {
  const outerEvent = currentEvent;
  const outerDelivery = currentDelivery;
  currentEvent = event;
  currentDelivery = delivery;
  try {
    observer.next(value);
  } finally {
    currentEvent = outerEvent;
    currentDelivery = outerDelivery;
  }
}

/** The delivery `event` came with, while it is being emitted (`undefined` after, or for a plain frame). */
export function deliveryOf(event: object): Delivery | undefined {
  return event === currentEvent ? currentDelivery : undefined;
}
