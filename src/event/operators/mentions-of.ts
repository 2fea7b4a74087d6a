import type { Id } from '../../codec/id';
import type { Segment } from '../../codec/segment';

const DIGITS = /^\d+$/;

/** An `at` target as an {@link Id}: a number when it is a safe integer, else its exact digits. */
function idOf(qq: string | number): Id | undefined {
  if (typeof qq === 'number') return Number.isSafeInteger(qq) ? qq : undefined;
  if (!DIGITS.test(qq)) return undefined;
  const n = Number(qq);
  return Number.isSafeInteger(n) ? n : qq;
}

/**
 * The accounts a message mentions (its `at` segments), in order, as IDs; `@all` is left out.
 *
 * @example
 * mentionsOf(event); // [10001, '12345678901234567890']
 */
export function mentionsOf(event: { readonly message: readonly Segment[] }): Id[] {
  const mentions: Id[] = [];
  for (const segment of event.message) {
    if (segment.type !== 'at') continue;
    const id = idOf(segment.data.qq);
    if (id !== undefined) mentions.push(id);
  }
  return mentions;
}
