import * as t from 'io-ts';
import { eventBase } from './common';
import { type EventCodecOf, lean } from './lean';

const meta = { ...eventBase, post_type: t.literal('meta_event') } as const;

/**
 * The backend's status in a heartbeat: `good` when it works normally, `online` when the account is logged
 * in (NapCat may leave it out). go-cqhttp adds more fields; they stay on the object.
 */
export const HeartbeatStatus = lean({ good: t.boolean }, { online: t.boolean }, 'HeartbeatStatus');
/** The backend's status in a heartbeat. */
export interface HeartbeatStatus extends t.TypeOf<typeof HeartbeatStatus> {}

const HeartbeatEventCodec = t.type(
  { ...meta, meta_event_type: t.literal('heartbeat'), status: HeartbeatStatus, interval: t.number },
  'HeartbeatEvent',
);
/** A periodic heartbeat. */
export interface HeartbeatEvent extends t.TypeOf<typeof HeartbeatEventCodec> {}
/**
 * A periodic heartbeat (`meta_event.heartbeat`); `interval` is the period in ms, which the client's watchdog
 * uses to find a dead socket.
 */
export const HeartbeatEvent: EventCodecOf<HeartbeatEvent> = HeartbeatEventCodec;

/** Sub-types of a lifecycle event: the connection is up, or OneBot was enabled or disabled. */
export const LifecycleSubType = t.keyof({ connect: null, enable: null, disable: null }, 'LifecycleSubType');

const LifecycleEventCodec = t.type(
  { ...meta, meta_event_type: t.literal('lifecycle'), sub_type: LifecycleSubType },
  'LifecycleEvent',
);
/** A lifecycle event. */
export interface LifecycleEvent extends t.TypeOf<typeof LifecycleEventCodec> {}
/** A lifecycle event (`meta_event.lifecycle.*`); NapCat sends `connect` when a WebSocket connects. */
export const LifecycleEvent: EventCodecOf<LifecycleEvent> = LifecycleEventCodec;
