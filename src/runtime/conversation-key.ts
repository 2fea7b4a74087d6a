/**
 * The conversation an event belongs to, as a string key: `self_id` + group for events with a `group_id`,
 * `self_id` + user for private ones (a `user_id` and no group), `self_id` + `post_type` for the rest. Events
 * with the same key are handled in order (`handle`'s default concurrency); the scale-out partitions by it.
 *
 * @example conversationKey(groupMessage) // '3889001234:g:782364110'
 */
export function conversationKey(event: object): string {
  const e = event as { self_id?: unknown; group_id?: unknown; user_id?: unknown; post_type?: unknown };
  const self = String(e.self_id);
  if (e.group_id !== undefined && e.group_id !== null) return `${self}:g:${String(e.group_id)}`;
  if (e.user_id !== undefined && e.user_id !== null) return `${self}:u:${String(e.user_id)}`;
  return `${self}:p:${String(e.post_type)}`;
}
