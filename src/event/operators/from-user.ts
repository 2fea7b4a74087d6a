import { type OperatorFunction, filter } from 'rxjs';
import { type IdInput, sameId } from '../../codec/id-wire';

/**
 * Keeps the events whose `user_id` is one of `ids`: messages these users sent, notices and requests about
 * them.
 *
 * @example
 * client.groupMessages$.pipe(fromUser(OWNER)).subscribe((m) => console.log('the owner said', textOf(m)));
 */
export function fromUser<E extends object>(...ids: [IdInput, ...IdInput[]]): OperatorFunction<E, E> {
  return filter((event: E) => {
    const userId = (event as { readonly user_id?: unknown }).user_id;
    if (typeof userId !== 'number' && typeof userId !== 'string') return false;
    return ids.some((id) => sameId(id, userId));
  });
}
