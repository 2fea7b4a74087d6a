import { describe, expect, it } from 'vitest';
import { requestAnswer } from '../../../src/event/operators/request-answer';
import { isSameConversation, replyTargetOf } from '../../../src/event/operators/same-conversation';
import { sampleGroupIncrease, sampleGroupInvite, samplePoke, samplePrivateMessageSent, sampleTempPrivateMessage } from '../../fixtures/events';
import { GROUP_ID, USER_ID, groupMessage, privateMessage } from './messages';

describe('replyTargetOf', () => {
  it('answers in the group for group messages and notices, privately otherwise', () => {
    expect(replyTargetOf(groupMessage('x'))).toEqual({ type: 'group', groupId: GROUP_ID, userId: USER_ID });
    expect(replyTargetOf(sampleGroupIncrease())).toMatchObject({ type: 'group', groupId: GROUP_ID });
    expect(replyTargetOf(privateMessage('x'))).toEqual({ type: 'private', userId: USER_ID });
    expect(replyTargetOf(sampleTempPrivateMessage())).toEqual({ type: 'private', userId: USER_ID });
    expect(replyTargetOf({ ...samplePrivateMessageSent(), target_id: 5 })).toEqual({ type: 'private', userId: 5 });
    expect(replyTargetOf({})).toBeUndefined();
  });

  it('answers a friend poke privately', () => {
    const poke = { ...samplePoke(), group_id: undefined };
    expect(replyTargetOf(poke)).toEqual({ type: 'private', userId: poke.user_id });
  });
});

describe('isSameConversation', () => {
  const origin = groupMessage('q', { message_id: 100 });

  it('accepts the same user in the same group and nothing else', () => {
    expect(isSameConversation(origin, groupMessage('a'))).toBe(true);
    expect(isSameConversation(origin, groupMessage('a', { user_id: 1 }))).toBe(false);
    expect(isSameConversation(origin, groupMessage('a', { group_id: 1 }))).toBe(false);
    expect(isSameConversation(origin, privateMessage('a'))).toBe(false);
    expect(isSameConversation(origin, groupMessage('a', { self_id: 9 }))).toBe(false);
  });

  it('never takes the origin delivered again for its answer', () => {
    expect(isSameConversation(origin, { ...origin })).toBe(false);
  });

  it('compares IDs whatever their representation', () => {
    expect(isSameConversation(origin, groupMessage('a', { user_id: String(USER_ID), group_id: String(GROUP_ID) }))).toBe(true);
  });
});

describe('requestAnswer', () => {
  it('answers a group invitation with its sub_type and a reason only when rejecting', () => {
    const invite = sampleGroupInvite();
    expect(requestAnswer(invite, false, { reason: 'no', remark: 'ignored' })).toEqual({
      action: 'set_group_add_request',
      params: { flag: invite.flag, sub_type: 'invite', approve: false, reason: 'no' },
    });
    expect(requestAnswer(invite, true, { reason: 'ignored' })?.params).toEqual({ flag: invite.flag, sub_type: 'invite', approve: true });
  });

  it('answers nothing for events that are not requests', () => {
    expect(requestAnswer(groupMessage('x'), true)).toBeUndefined();
    expect(requestAnswer({ post_type: 'request', request_type: 'other', flag: 'f' }, true)).toBeUndefined();
  });
});
