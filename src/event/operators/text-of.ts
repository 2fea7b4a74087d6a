import type { Segment } from '../../codec/segment';

/**
 * The text of a message: its `text` segments' text joined, untrimmed (mentions, images and the like are left
 * out).
 *
 * @example
 * client.groupMessages$.pipe(filter((m) => textOf(m).trim() === 'ping'));
 */
export function textOf(event: { readonly message: readonly Segment[] }): string {
  let text = '';
  for (const segment of event.message) {
    if (segment.type === 'text') text += (segment.data as { text: string }).text;
  }
  return text;
}
