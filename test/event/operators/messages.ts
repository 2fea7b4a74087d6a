/** Small message events for operator and bot tests, built on the realistic fixtures. */
import type { GroupMessageEvent, PrivateMessageEvent, Segment } from '../../../src/index';
import { GROUP_ID, SELF_ID, USER_ID, sampleGroupMessage, samplePrivateMessage } from '../../fixtures/events';

export { GROUP_ID, SELF_ID, USER_ID };

let nextId = 1;

const text = (value: string): Segment => ({ type: 'text', data: { text: value } });

/** A group message whose content is `content` (a string is one text segment). */
export function groupMessage(
  content: string | Segment[],
  fields: Partial<GroupMessageEvent> = {},
): GroupMessageEvent {
  const message = typeof content === 'string' ? [text(content)] : content;
  return { ...sampleGroupMessage(), message_id: nextId++, message, raw_message: '', ...fields };
}

/** A private message whose content is `content` (a string is one text segment). */
export function privateMessage(
  content: string | Segment[],
  fields: Partial<PrivateMessageEvent> = {},
): PrivateMessageEvent {
  const message = typeof content === 'string' ? [text(content)] : content;
  return { ...samplePrivateMessage(), message_id: nextId++, message, raw_message: '', ...fields };
}
