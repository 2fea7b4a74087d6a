import type { Id } from '../../codec/id';
import { sameId } from '../../codec/id-wire';

/** The fields of an event that say where it happened: enough to reply, or to wait for the next message. */
export interface ConversationRef {
  readonly post_type?: string;
  readonly message_type?: string;
  readonly self_id?: Id;
  readonly group_id?: Id;
  readonly user_id?: Id;
  /** NapCat: the peer of the bot's own private message. */
  readonly target_id?: Id;
  readonly message_id?: Id;
}

/** Where a reply to an event goes. */
export type ReplyTarget =
  | { readonly type: 'group'; readonly groupId: Id; readonly userId: Id | undefined }
  | { readonly type: 'private'; readonly userId: Id };

/**
 * Where a reply to `event` goes: its group (a group message, notice or request), or else the user (the
 * sender of a private message; the peer, for the bot's own private message). `undefined` when the event
 * names neither.
 *
 * @example replyTargetOf(groupMessage); // { type: 'group', groupId: 123, userId: 10001 }
 */
export function replyTargetOf(event: ConversationRef): ReplyTarget | undefined {
  const { message_type, group_id, user_id, post_type, target_id } = event;
  if (message_type !== 'private' && group_id !== undefined) return { type: 'group', groupId: group_id, userId: user_id };
  const peer = post_type === 'message_sent' && target_id !== undefined ? target_id : user_id;
  return peer === undefined ? undefined : { type: 'private', userId: peer };
}

/**
 * Whether `candidate` continues the conversation of `origin`: the same user in the same group, or the same
 * user in private; never `origin` itself delivered again.
 *
 * @example client.messages$.pipe(filter((m) => isSameConversation(question, m)), take(1));
 */
export function isSameConversation(origin: ConversationRef, candidate: ConversationRef): boolean {
  const target = replyTargetOf(origin);
  if (target === undefined) return false;
  if (origin.message_id !== undefined && origin.post_type === candidate.post_type && sameId(origin.message_id, candidate.message_id)) {
    return false;
  }
  if (origin.self_id !== undefined && candidate.self_id !== undefined && !sameId(origin.self_id, candidate.self_id)) return false;
  if (target.type === 'private') return candidate.message_type === 'private' && sameId(candidate.user_id, target.userId);
  return (
    candidate.message_type === 'group' &&
    sameId(candidate.group_id, target.groupId) &&
    (target.userId === undefined || sameId(candidate.user_id, target.userId))
  );
}
