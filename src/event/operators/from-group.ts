import { type OperatorFunction, filter } from 'rxjs';
import type { Id } from '../../codec/id';
import { type IdInput, sameId } from '../../codec/id-wire';

/** The events of `E` that belong to a group (a group message, a group notice or request). */
export type InGroup<E> = [Extract<E, { group_id: Id }>] extends [never] ? E : Extract<E, { group_id: Id }>;

interface MaybeInGroup {
  readonly group_id?: unknown;
  readonly message_type?: unknown;
}

/**
 * Keeps the events of the given groups: group messages, and group notices and requests. A private message
 * from a temporary group session carries a `group_id` too, but is private and is left out.
 *
 * @example
 * client.messages$.pipe(fromGroup(123456, 654321)).subscribe((m) => m.group_id); // m: GroupMessageEvent
 */
export function fromGroup<E extends object>(...ids: [IdInput, ...IdInput[]]): OperatorFunction<E, InGroup<E>> {
  return filter((event: E): event is InGroup<E> & E => {
    const { group_id, message_type } = event as MaybeInGroup;
    if (message_type === 'private' || (typeof group_id !== 'number' && typeof group_id !== 'string')) return false;
    return ids.some((id) => sameId(id, group_id));
  });
}
