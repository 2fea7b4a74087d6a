/**
 * The account vocabulary (`Sex`, `GroupRole`) and the `isRecord` guard are defined once: events, action
 * replies and the public entry all use the same values.
 */
import { describe, expect, it } from 'vitest';
import { GroupRole, Sex } from '../../src/codec/account';
import { SenderRole } from '../../src/codec/event';
import * as main from '../../src/index';
import { isRecord } from '../../src/is-record';

describe('the account codecs', () => {
  it('are the ones the public entry exports', () => {
    expect(main.GroupRole).toBe(GroupRole);
    expect(main.Sex).toBe(Sex);
  });

  it('give a sender the group roles plus unknown', () => {
    expect(Object.keys(SenderRole.keys)).toEqual([...Object.keys(GroupRole.keys), 'unknown']);
    expect(SenderRole.is('unknown')).toBe(true);
    expect(GroupRole.is('unknown')).toBe(false);
  });
});

describe('isRecord', () => {
  it('accepts plain objects only', () => {
    expect([{}, { a: 1 }, Object.create(null)].map(isRecord)).toEqual([true, true, true]);
    expect([null, undefined, [], 'x', 1, true].map(isRecord)).toEqual([false, false, false, false, false, false]);
  });
});
