import type { SimSegment } from './cq';

/** An event object as the simulator writes it (NapCat's field names and order). */
export type SimEvent = Record<string, unknown> & { time: number; self_id: number; post_type: string };

/** What a message factory accepts as content: CQ text or segments. */
export type SimMessageInput = string | ReadonlyArray<SimSegment>;

/**
 * Factories of realistic NapCat events; unspecified fields are filled from the world (names, roles, ids)
 * and the simulator's clock. Emit the result with `sim.emit(...)`.
 */
export interface EventFactories {
  /** A group message from `user_id` (CQ text or segments); stored by the world once emitted. */
  groupMessage(p: { group_id: number; user_id: number; message: SimMessageInput; sub_type?: string }): SimEvent;
  /** A private message from `user_id` (`sub_type` `friend` by default, `group` for a temporary chat). */
  privateMessage(p: { user_id: number; message: SimMessageInput; sub_type?: 'friend' | 'group' }): SimEvent;
  /** `notice.group_recall`. */
  groupRecall(p: { group_id: number; user_id: number; message_id: number; operator_id?: number }): SimEvent;
  /** `notice.friend_recall`. */
  friendRecall(p: { user_id: number; message_id: number }): SimEvent;
  /** `notice.group_increase` (`approve` by default). */
  groupIncrease(p: { group_id: number; user_id: number; operator_id?: number; sub_type?: 'approve' | 'invite' }): SimEvent;
  /** `notice.group_decrease` (`leave` by default). */
  groupDecrease(p: {
    group_id: number;
    user_id: number;
    operator_id?: number;
    sub_type?: 'leave' | 'kick' | 'kick_me' | 'disband';
  }): SimEvent;
  /** `notice.group_ban`: `ban` when `duration > 0`, else `lift_ban`. */
  groupBan(p: { group_id: number; user_id: number; duration: number; operator_id?: number }): SimEvent;
  /** `notice.group_admin`. */
  groupAdmin(p: { group_id: number; user_id: number; sub_type: 'set' | 'unset' }): SimEvent;
  /** `notice.group_card`. */
  groupCard(p: { group_id: number; user_id: number; card_new: string; card_old?: string }): SimEvent;
  /** `notice.group_upload`. */
  groupUpload(p: { group_id: number; user_id: number; file: { id: string; name: string; size: number; busid?: number } }): SimEvent;
  /** `notice.essence` (`add` by default). */
  essence(p: { group_id: number; message_id: number; sender_id: number; operator_id?: number; sub_type?: 'add' | 'delete' }): SimEvent;
  /** `notice.notify.poke` in a group: `user_id` poked `target_id`. */
  groupPoke(p: { group_id: number; user_id: number; target_id: number }): SimEvent;
  /** `notice.notify.poke` in a private chat with `user_id`. */
  friendPoke(p: { user_id: number; target_id?: number; sender_id?: number }): SimEvent;
  /** `notice.notify.group_name`. */
  groupName(p: { group_id: number; user_id: number; name_new: string }): SimEvent;
  /** `notice.notify.title`. */
  groupTitle(p: { group_id: number; user_id: number; title: string }): SimEvent;
  /** `notice.friend_add`. */
  friendAdd(p: { user_id: number }): SimEvent;
  /** `request.friend`; once emitted, `set_friend_add_request` can answer its `flag`. */
  friendRequest(p: { user_id: number; comment?: string; flag?: string }): SimEvent;
  /** `request.group` (`add` by default); once emitted, `set_group_add_request` can answer its `flag`. */
  groupRequest(p: { group_id: number; user_id: number; sub_type?: 'add' | 'invite'; comment?: string; flag?: string }): SimEvent;
  /** `meta_event.heartbeat`. */
  heartbeat(interval: number): SimEvent;
  /** `meta_event.lifecycle`. */
  lifecycle(sub_type: 'connect' | 'enable' | 'disable'): SimEvent;
}
