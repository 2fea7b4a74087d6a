import { type MonoTypeOperatorFunction, type SchedulerLike, asyncScheduler, defer, filter } from 'rxjs';

/** Options of {@link dedupeEvents}. */
export interface DedupeOptions<E> {
  /** Identity of an event; `undefined` never counts as a duplicate (default {@link defaultEventKey}). */
  readonly key?: (event: E) => string | undefined;
  /** How long a key is remembered, in ms (default 60 000). */
  readonly windowMs?: number;
  /** Most keys remembered at once; the oldest go first (default 10 000). */
  readonly max?: number;
  /** Clock of the window (default `asyncScheduler`; tests pass a `TestScheduler`). */
  readonly scheduler?: SchedulerLike;
}

interface Keyed {
  readonly post_type?: unknown;
  readonly self_id?: unknown;
  readonly message_id?: unknown;
  readonly flag?: unknown;
}

const isKeyPart = (u: unknown): u is string | number => typeof u === 'string' || typeof u === 'number';

/**
 * The default identity of an event: `self_id:message_id` for messages (and the bot's own), `self_id:flag`
 * for requests; `undefined` (never deduplicated) for anything else.
 *
 * @example defaultEventKey(groupMessage); // '3889001234:1826335142'
 */
export function defaultEventKey(event: object): string | undefined {
  const { post_type, self_id, message_id, flag } = event as Keyed;
  if (!isKeyPart(self_id)) return undefined;
  if ((post_type === 'message' || post_type === 'message_sent') && isKeyPart(message_id)) return `${self_id}:${message_id}`;
  if (post_type === 'request' && isKeyPart(flag)) return `${self_id}:request:${flag}`;
  return undefined;
}

/**
 * Drops events already seen within `windowMs`, for backends (or several connections) that deliver an
 * event twice. Memory stays bounded by `max` keys; time comes only from the scheduler.
 *
 * @example
 * client.messages$.pipe(dedupeEvents()).subscribe(handle);
 * client.notices$.pipe(dedupeEvents({ key: (n) => `${n.self_id}:${n.time}:${n.notice_type}`, windowMs: 5_000 }));
 */
export function dedupeEvents<E extends object>(options: DedupeOptions<E> = {}): MonoTypeOperatorFunction<E> {
  const key = options.key ?? defaultEventKey;
  const windowMs = options.windowMs ?? 60_000;
  const max = options.max ?? 10_000;
  const scheduler = options.scheduler ?? asyncScheduler;
  return (source) =>
    defer(() => {
      const seen = new Map<string, number>();
      const forget = (now: number): void => {
        for (const [oldest, at] of seen) {
          if (at + windowMs > now && seen.size <= max) return;
          seen.delete(oldest);
        }
      };
      return source.pipe(
        filter((event) => {
          const k = key(event);
          if (k === undefined) return true;
          const now = scheduler.now();
          forget(now);
          if (seen.has(k)) return false;
          seen.set(k, now);
          if (seen.size > max) forget(now);
          return true;
        }),
      );
    });
}
