/**
 * Which {@link Delivery} a decoded event came with. The decoder attaches it when a transport yields a
 * `DeliveredFrame`; `handle()` claims it. A WeakMap keyed by the event object: nothing is added to the event,
 * and the entry goes when the event does.
 */
import type { Delivery } from '../transport/types';

const deliveries = new WeakMap<object, Delivery>();

/** Remembers that `event` was decoded from a frame with `delivery`. */
export function attachDelivery(event: object, delivery: Delivery): void {
  deliveries.set(event, delivery);
}

/** The delivery `event` came with, if its transport wants to hear how its handling ended. */
export function deliveryOf(event: object): Delivery | undefined {
  return deliveries.get(event);
}
