import type { OneBotEvent } from '../codec/event';
import { LEVEL2_KEYS } from '../codec/event/level2';

/** The field of the level-2 discriminant per `post_type` (the event codec tree's {@link LEVEL2_KEYS}). */
type Level2Keys = typeof LEVEL2_KEYS;

/** The level-2 discriminant of an event: `message_type`, `notice_type`, `request_type` or `meta_event_type`. */
export type Level2Of<E> = E extends { post_type: infer P extends keyof Level2Keys }
  ? E extends { [K in Level2Keys[P]]: infer L extends string }
    ? L
    : never
  : never;

type SubTypeOf<E> = E extends { sub_type: infer S extends string } ? S : never;

/** Every dotted query that matches event type `E`: `post_type`, `post_type.level2`, `post_type.level2.sub_type`. */
export type QueriesOf<E> = E extends { post_type: infer P extends string }
  ? P | `${P}.${Level2Of<E>}` | `${P}.${Level2Of<E>}.${SubTypeOf<E>}`
  : never;

/**
 * A dotted event query: `'message'`, `'message.group'`, `'message.group.normal'`, `'notice.group_increase'`,
 * `'notice.notify.poke'`, `'request.friend'`, `'meta_event.heartbeat'`… Derived from the event codecs, so a
 * misspelt query does not compile.
 */
export type EventQuery = QueriesOf<OneBotEvent>;

type Narrowed<E, Q> = Q extends `${string}.${string}.${infer S}` ? E & { sub_type: S } : E;

/**
 * The events a query matches, narrowed exactly: `EventOf<'notice.group_decrease.kick'>` is the group-decrease
 * notice with `sub_type: 'kick'`.
 */
export type EventOf<Q extends EventQuery, E = OneBotEvent> = E extends unknown
  ? Q extends QueriesOf<E>
    ? Narrowed<E, Q>
    : never
  : never;

type Predicate = (event: OneBotEvent) => boolean;

/** The level-2 discriminant of an event at runtime, read from the field {@link LEVEL2_KEYS} names. */
export function level2Of(event: OneBotEvent): string | undefined {
  const key = LEVEL2_KEYS[event.post_type as keyof Level2Keys] as string | undefined;
  return key === undefined ? undefined : ((event as unknown as Record<string, unknown>)[key] as string);
}

function compile(query: string): Predicate {
  const [post, level2, sub, ...rest] = query.split('.');
  if (post === undefined || post === '' || rest.length > 0) {
    throw new TypeError(`not an event query: '${query}' (expected post_type[.type[.sub_type]])`);
  }
  if (level2 === undefined) return (e) => e.post_type === post;
  if (sub === undefined) return (e) => e.post_type === post && level2Of(e) === level2;
  return (e) =>
    e.post_type === post && level2Of(e) === level2 && (e as unknown as { sub_type?: unknown }).sub_type === sub;
}

const compiled = new Map<string, Predicate>();

/** The predicate of one query, compiled once and cached per query string. */
export function predicateOf(query: string): Predicate {
  let predicate = compiled.get(query);
  if (predicate === undefined) {
    predicate = compile(query);
    compiled.set(query, predicate);
  }
  return predicate;
}

/** One predicate matching any of `queries`. */
export function matchAny(queries: readonly string[]): Predicate {
  if (queries.length === 1) return predicateOf(queries[0] as string);
  const predicates = queries.map(predicateOf);
  return (e) => predicates.some((p) => p(e));
}
