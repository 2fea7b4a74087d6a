import { type MonoTypeOperatorFunction, filter } from 'rxjs';
import type { Id } from '../../codec/id';
import { sameId } from '../../codec/id-wire';
import type { Segment } from '../../codec/segment';

/** Options of {@link mentionsMe}. */
export interface MentionsMeOptions {
  /** Count `@all` as a mention of the bot (default false). */
  readonly all?: boolean;
}

/** Whether `event` has an `at` segment for its own `self_id` (or `@all`, when `all` is set). */
export function isMentioningSelf(
  event: { readonly self_id: Id; readonly message: readonly Segment[] },
  all = false,
): boolean {
  return event.message.some(
    (segment) =>
      segment.type === 'at' && ((all && segment.data.qq === 'all') || sameId(segment.data.qq, event.self_id)),
  );
}

/**
 * Keeps the messages that @ the bot: the account in each event's own `self_id`, so one pipeline serves
 * several accounts. `@all` counts only with `{ all: true }`.
 *
 * @example
 * client.groupMessages$.pipe(mentionsMe()).subscribe((m) => client.reply(m, 'you called?', { at: true }).subscribe());
 */
export function mentionsMe<E extends { readonly self_id: Id; readonly message: readonly Segment[] }>(
  options: MentionsMeOptions = {},
): MonoTypeOperatorFunction<E> {
  const all = options.all === true;
  return filter((event) => isMentioningSelf(event, all));
}
