/**
 * One event as a dashboard row: when, what (`post_type.type[.sub_type]`), and a short human summary.
 * Pure, so it is tested in Node.
 */
import type { Id, OneBotEvent } from 'onebot-rx';
import { textOf } from 'onebot-rx';

/** One line of the live event list. */
export interface EventRow {
  readonly time: string;
  readonly kind: string;
  readonly detail: string;
}

/** The event's own type field, whichever `post_type` it has. */
function typeOf(event: OneBotEvent): string {
  switch (event.post_type) {
    case 'message':
    case 'message_sent':
      return event.message_type;
    case 'notice':
      return event.notice_type;
    case 'request':
      return event.request_type;
    case 'meta_event':
      return event.meta_event_type;
  }
}

/** `post_type.type[.sub_type]`, the same dotted form `client.on(...)` takes. */
export function kindOf(event: OneBotEvent): string {
  const sub = 'sub_type' in event && typeof event.sub_type === 'string' ? [event.sub_type] : [];
  return [event.post_type, typeOf(event), ...sub].join('.');
}

/** `key id` pairs of the IDs an event carries, e.g. `group 123 · user 456`. */
function idsOf(event: OneBotEvent): string {
  const fields: ReadonlyArray<readonly [string, string]> = [
    ['group', 'group_id'],
    ['user', 'user_id'],
    ['operator', 'operator_id'],
    ['target', 'target_id'],
  ];
  const record = event as unknown as Readonly<Record<string, Id | undefined>>;
  return fields
    .filter(([, key]) => record[key] !== undefined)
    .map(([label, key]) => `${label} ${String(record[key])}`)
    .join(' · ');
}

/** The summary: who said what for messages, the IDs involved for everything else. */
export function detailOf(event: OneBotEvent): string {
  if (event.post_type === 'message' || event.post_type === 'message_sent') {
    const where = 'group_id' in event ? `group ${String(event.group_id)}` : 'private';
    const who = ('card' in event.sender ? event.sender.card : '') || event.sender.nickname || String(event.user_id);
    return `[${where}] ${who}: ${textOf(event)}`;
  }
  return idsOf(event);
}

/** The row for `event`; `time` is the event's own `time` (Unix seconds) in local `HH:MM:SS`. */
export function rowOf(event: OneBotEvent): EventRow {
  const time = new Date(event.time * 1000).toTimeString().slice(0, 8);
  return { time, kind: kindOf(event), detail: detailOf(event) };
}
