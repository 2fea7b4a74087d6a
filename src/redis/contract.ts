/*
 * The delivery seam between a transport and the runtime (CONTRACT-delivery.md), as the worker uses it.
 * Structural copies until the runtime's definitions land in src/transport/types.ts.
 */

/** How one handling of an event ended, as far as its acknowledgement is concerned. */
export type DeliveryOutcome = 'handled' | 'cancelled';

/** An inbound frame whose processing the transport wants to hear about (here: a Redis stream entry). */
export interface Delivery {
  readonly id: string;
  claim(): (outcome: DeliveryOutcome) => void;
}

/** A frame with its delivery. */
export interface DeliveredFrame {
  readonly text: string;
  readonly delivery: Delivery;
}

/** What a scale-out transport learns about one outbound call. */
export interface SendMeta {
  readonly idempotencyKey?: string;
  readonly selfId?: string;
  readonly deadline?: number;
}
