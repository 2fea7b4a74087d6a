/**
 * The event tree's level-2 discriminant fields, apart from the codecs (no io-ts here): the event queries
 * read them without pulling the event codecs into a browser page's first chunk.
 */

/** A lookup table without a prototype, so `'constructor'` or `'__proto__'` never finds anything. */
export function table<T extends object>(entries: T): Readonly<T> {
  return Object.freeze(Object.assign(Object.create(null) as object, entries) as T);
}

/** The field that holds the level-2 type, per `post_type`. */
export const LEVEL2_KEYS = table({
  message: 'message_type',
  message_sent: 'message_type',
  notice: 'notice_type',
  request: 'request_type',
  meta_event: 'meta_event_type',
} as const);
