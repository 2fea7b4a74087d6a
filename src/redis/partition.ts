/** The fields of an event that place it in a conversation (any of them may be absent). */
export interface ConversationFields {
  readonly self_id?: unknown;
  readonly post_type?: unknown;
  readonly message_type?: unknown;
  readonly group_id?: unknown;
  readonly user_id?: unknown;
}

/**
 * The conversation an event belongs to: `self_id` + group for group events, `self_id` + user for private
 * events and other events that name only a user, `self_id` + `post_type` for the rest. Events of one
 * conversation always land on one partition, so one worker handles them in order.
 */
export function conversationKey(event: ConversationFields): string {
  const self = String(event.self_id ?? '');
  if (event.group_id !== undefined && event.group_id !== null) return `${self}:g${String(event.group_id)}`;
  if (event.user_id !== undefined && event.user_id !== null) return `${self}:u${String(event.user_id)}`;
  return `${self}:${String(event.post_type ?? '')}`;
}

/** FNV-1a (32 bits) of a string's UTF-16 code units: stable across processes and versions. */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The partition (0 … `partitions` − 1) of an event's conversation. */
export function partitionOf(event: ConversationFields, partitions: number): number {
  return stableHash(conversationKey(event)) % partitions;
}
